package org.creditexchange.feedback;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.creditexchange.ingest.validate.RowStatus;

/**
 * Everything a feedback workbook and a receipt say about one batch. Personal ID numbers in here are
 * already masked; writers never see clear ID numbers.
 *
 * @param batchId     the batch id
 * @param unitCode    source unit code, e.g. {@code sample-market}
 * @param unitName    source unit's Chinese name
 * @param fileName    the file's original name as the clerk saved it
 * @param receivedAt  when the file was received
 * @param processedAt when processing ended
 * @param itemTitle   the catalog item's Chinese title (e.g. 行政处罚), {@code ""} when not recognised
 * @param outcome     DONE, REJECTED (file as a whole) or DUPLICATE
 * @param fileProblem why the file as a whole was rejected or ignored (outcome REJECTED or DUPLICATE), else null
 * @param received    data rows received (DONE only; 0 otherwise)
 * @param accepted    rows accepted (warned rows included)
 * @param warned      accepted rows that carry warnings
 * @param rejected    rows rejected
 * @param headers     the file's header titles in file order, for showing original values ({@code List.of()} when none)
 * @param rows        every data row in file order (accepted ones too), streamed; empty for REJECTED/DUPLICATE; the
 *                    receipt reads it, so a row's cells may be left out (null)
 * @param notices     things about the file as a whole the clerk should know though it was processed (an older
 *                    format converted, a prohibited column refused); empty when none
 * @param listedRows  the rows the workbook lists, in file order: those not accepted and those with a reason (a part
 *                    of {@code rows}, which a caller may read apart: on a large clean batch reading every row twice
 *                    was most of the feedback's time); null for {@code rows} filtered
 */
public record FeedbackReport(
        long batchId,
        String unitCode,
        String unitName,
        String fileName,
        OffsetDateTime receivedAt,
        OffsetDateTime processedAt,
        String itemTitle,
        Outcome outcome,
        FileProblem fileProblem,
        long received,
        long accepted,
        long warned,
        long rejected,
        List<String> headers,
        Supplier<Stream<FeedbackRow>> rows,
        List<FileProblem> notices,
        Supplier<Stream<FeedbackRow>> listedRows) {

    public FeedbackReport {
        notices = notices == null ? List.of() : List.copyOf(notices);
        if (listedRows == null) {
            Supplier<Stream<FeedbackRow>> all = rows;
            listedRows = () -> all.get().filter(FeedbackReport::listed);
        }
    }

    /** A report whose listed rows are its rows filtered. */
    public FeedbackReport(long batchId, String unitCode, String unitName, String fileName, OffsetDateTime receivedAt,
                          OffsetDateTime processedAt, String itemTitle, Outcome outcome, FileProblem fileProblem,
                          long received, long accepted, long warned, long rejected, List<String> headers,
                          Supplier<Stream<FeedbackRow>> rows, List<FileProblem> notices) {
        this(batchId, unitCode, unitName, fileName, receivedAt, processedAt, itemTitle, outcome, fileProblem, received,
                accepted, warned, rejected, headers, rows, notices, null);
    }

    /** Whether the workbook lists a row: not accepted, or with a reason. */
    public static boolean listed(FeedbackRow row) {
        return row.status() != RowStatus.ACCEPTED || (row.reasons() != null && !row.reasons().isEmpty());
    }

    /** A report without notices. */
    public FeedbackReport(long batchId, String unitCode, String unitName, String fileName, OffsetDateTime receivedAt,
                          OffsetDateTime processedAt, String itemTitle, Outcome outcome, FileProblem fileProblem,
                          long received, long accepted, long warned, long rejected, List<String> headers,
                          Supplier<Stream<FeedbackRow>> rows) {
        this(batchId, unitCode, unitName, fileName, receivedAt, processedAt, itemTitle, outcome, fileProblem, received,
                accepted, warned, rejected, headers, rows, List.of(), null);
    }

    /** What happened to the batch as a whole. */
    public enum Outcome { DONE, REJECTED, DUPLICATE }

    /**
     * Why a file was not processed row by row.
     *
     * @param code    stable code, e.g. {@code FILE_FORMAT_UNSUPPORTED} or {@code DUPLICATE_FILE}
     * @param message Chinese description for the clerk
     * @param hint    Chinese fix hint, {@code ""} when none
     */
    public record FileProblem(String code, String message, String hint) {
    }
}
