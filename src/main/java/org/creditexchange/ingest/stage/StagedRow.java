package org.creditexchange.ingest.stage;

import java.util.List;
import org.creditexchange.ingest.timeliness.DecisionDelays;
import org.creditexchange.ingest.validate.Reason;
import org.creditexchange.ingest.validate.RowStatus;
import org.creditexchange.match.MatchForms;

/**
 * A row as kept in staging: its verdict, who it is about and its values, with personal ID numbers masked and
 * hashed. This is what the merge reads and what feedback shows.
 *
 * @param rowNumber     row number as the clerk sees it
 * @param status        verdict
 * @param subjectStore  {@link SubjectStore} the record belongs to
 * @param subjectKind   canonical 行政相对人类别, or the item's only kind
 * @param subjectName   the subject's name
 * @param subjectCode   an organisation's 统一社会信用代码, {@code ""} for a person
 * @param subjectIdHash a person's keyed ID-number hash, {@code ""} for an organisation
 * @param businessKey   the record's key within its item (personal parts hashed)
 * @param contentHash   SHA-256 of the record's values (personal parts hashed): unchanged content, unchanged hash
 * @param factHash      the same without the sender's provenance (数据来源单位, its code, 备注): what two units compare
 * @param recordJson    canonical values by field, personal values masked (JSON in UTF-8, as are the next two)
 * @param cellsJson     the original cells, personal values masked
 * @param personalJson  personal values (ID numbers) by field: {@code hash} (keyed HMAC, for matching) and
 *                      {@code encrypted} (AES-GCM, for authorised retrieval); null when the row has none
 * @param disclosureEnd the last day of disclosure from the item's retention rule, null when open-ended or rejected
 * @param endsDisclosure the row says the record is no longer valid (the item's ends-when holds)
 * @param reasons       problems found
 * @param match         what the match step compares an organisation row by; null for a person's row and for a
 *                      rejected row. Every row that is not rejected is staged marked for matching.
 * @param reporting     its decision date and reporting delay, null when the item has no timeliness field or the row
 *                      states no valid decision date on or before the receipt
 * @param contentCopy   its line of PostgreSQL's COPY into {@code cx_staged_content} (UTF-8 CSV), encoded by the worker
 *                      that computed the row so that the writer's thread only sends it; null when not prepared (the
 *                      writer then encodes it, or does not use COPY)
 */
public record StagedRow(int rowNumber, RowStatus status, SubjectStore subjectStore, String subjectKind,
                        String subjectName, String subjectCode, String subjectIdHash, String businessKey,
                        String contentHash, String factHash, byte[] recordJson, byte[] cellsJson, byte[] personalJson,
                        java.time.LocalDate disclosureEnd, boolean endsDisclosure, List<Reason> reasons,
                        MatchForms match, DecisionDelays.Dated reporting, byte[] contentCopy) {

    /** The same row with its COPY line prepared. */
    public StagedRow withContentCopy(byte[] line) {
        return new StagedRow(rowNumber, status, subjectStore, subjectKind, subjectName, subjectCode, subjectIdHash,
                businessKey, contentHash, factHash, recordJson, cellsJson, personalJson, disclosureEnd, endsDisclosure,
                reasons, match, reporting, line);
    }

    /** Which part of the credit store a record goes to. */
    public enum SubjectStore { ORG, PERSON }
}
