package org.creditexchange.match;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.FieldTypeName;
import org.creditexchange.catalog.code.UsccCheckDigit;
import org.creditexchange.ingest.validate.Reason;
import org.creditexchange.ingest.validate.ReasonMessages;
import org.creditexchange.ingest.validate.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The match step of one batch (between the in-file duplicates and the merge): links every row that was not
 * rejected to its subject and tells the source about the rows it could not link cleanly.
 *
 * <ol>
 *   <li>The rows come marked for matching with their comparison forms ({@link MatchForms}, worked out as they were
 *       staged); rows the in-file duplicate check rejected have lost the mark.</li>
 *   <li>A {@code legal-person} batch feeds the organisation registry first (the row's name replaces the stored
 *       one, which is kept as a former name); every batch feeds the person registry with persons not yet in it
 *       (keyed ID hash, name, ID ciphertext).</li>
 *   <li>Matches set-based ({@link SubjectMatcher}).</li>
 *   <li>Adds a warning (cx_staged_reason) to each row whose name and code disagree ({@code SUBJECT_NAME_MISMATCH})
 *       or that fits several subjects ({@code SUBJECT_AMBIGUOUS}), and ({@code SUBJECT_UNKNOWN}) to each
 *       organisation row not found once the registry holds an imported registry extract — before that, an empty or
 *       partial registry would make every row "unknown", which tells the clerk nothing. An accepted row with
 *       such a warning becomes WARNED: it is still loaded; the merge reads match_status to hold questionable
 *       rows.</li>
 * </ol>
 * Never touches the credit store.
 */
public class MatchTasklet implements Tasklet {

    /** The catalog item whose accepted rows feed the organisation registry. */
    public static final String LEGAL_PERSON_ITEM = "legal-person";
    /** Source prefix of subjects that came from an imported registry extract. */
    public static final String IMPORT_SOURCE = "import:";

    private static final Logger log = LoggerFactory.getLogger(MatchTasklet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;
    /** A staged row's values, cells and sealed personal values. */
    private static final String CONTENT = " JOIN cx_staged_content c ON c.batch_id = s.batch_id AND c.row_no = s.row_no";

    private final long batchId;
    private final CatalogItemDefinition item;
    private final JdbcTemplate jdbc;
    private final SubjectRegistry registry;
    private final SubjectMatcher matcher;
    private final boolean dryRun;

    public MatchTasklet(long batchId, CatalogItemDefinition item, JdbcTemplate jdbc, SubjectRegistry registry,
                        SubjectMatcher matcher) {
        this(batchId, item, jdbc, registry, matcher, false);
    }

    /**
     * @param dryRun a dry run feeds nothing into the registry; the subjects the batch would have registered (natural
     *               persons by their ID hash, organisations of a 登记注册基本信息 file) are counted as matched, as
     *               they would have been
     */
    public MatchTasklet(long batchId, CatalogItemDefinition item, JdbcTemplate jdbc, SubjectRegistry registry,
                        SubjectMatcher matcher, boolean dryRun) {
        this.batchId = batchId;
        this.item = item;
        this.jdbc = jdbc;
        this.registry = registry;
        this.matcher = matcher;
        this.dryRun = dryRun;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        LocalDate today = LocalDate.now(org.creditexchange.intake.IntakeService.ZONE);
        // A registry import or a large legal-person file may have just filled the registry.
        org.creditexchange.store.PlannerStatistics.refresh(jdbc, "cx_org_subject", "cx_org_subject_name",
                "cx_person_subject", "cx_staged_row");
        if (LEGAL_PERSON_ITEM.equals(item.id()) && !dryRun) {
            feedOrganisations(today);
        }
        if (!dryRun) {
            feedPersons();
        }
        Map<MatchOutcome, Integer> counts = matcher.match(SubjectMatcher.PENDING, batchId);
        if (dryRun) {
            int would = jdbc.update("UPDATE cx_staged_row SET match_status = 'MATCHED' WHERE batch_id = ? "
                    + "AND match_status = 'UNKNOWN' AND status <> 'REJECTED' AND ((subject_store = 'PERSON' "
                    + "AND subject_id_hash <> '') OR (? AND subject_store = 'ORG' AND subject_code <> ''))",
                    batchId, LEGAL_PERSON_ITEM.equals(item.id()));
            log.info("Batch {}: dry run: {} rows whose subjects the batch would have registered counted as matched",
                    batchId, would);
        }
        int warned = warn();
        contribution.incrementWriteCount(counts.values().stream().mapToInt(Integer::intValue).sum());
        log.info("Batch {}: subjects matched {}; {} rows warned", batchId, counts, warned);
        return RepeatStatus.FINISHED;
    }

    // --- 2. registry feeds ---------------------------------------------------------------------------------------

    private void feedOrganisations(LocalDate today) {
        long[] fed = {0, 0, 0};
        pages("SELECT s.row_no, s.subject_code, c.record_json FROM cx_staged_row s" + CONTENT
                + " WHERE s.batch_id = ? AND s.status <> 'REJECTED' AND s.subject_store = 'ORG' AND s.subject_code <> ''",
                rows -> {
            List<OrgSubject> subjects = new ArrayList<>(rows.size());
            for (Map<String, Object> r : rows) {
                String uscc = text(r.get("subject_code"));
                Map<String, String> v = values((String) r.get("record_json"));
                if (!UsccCheckDigit.isValid(uscc) || text(v.get("subject-name")).isBlank()) {
                    continue;
                }
                subjects.add(new OrgSubject(uscc, UsccCheckDigit.orgCodePart(uscc), null, v.get("subject-name"),
                        v.get("entity-type"), v.get("legal-representative"), v.get("registration-status"),
                        date(v.get("termination-date")), v.get("registration-authority"), null));
            }
            SubjectRegistry.Counts c = registry.upsert(subjects, LEGAL_PERSON_ITEM + ":" + batchId, today);
            fed[0] += c.added();
            fed[1] += c.updated();
            fed[2] += c.unchanged();
        });
        log.info("Batch {}: organisation registry fed: {} added, {} updated, {} unchanged", batchId, fed[0], fed[1], fed[2]);
    }

    private void feedPersons() {
        String idField = item.subject().idNumberField();
        if (idField == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        pages("SELECT s.row_no, s.subject_id_hash, s.subject_name, c.personal_json FROM cx_staged_row s" + CONTENT
                + " WHERE s.batch_id = ? AND s.status <> 'REJECTED' AND s.subject_store = 'PERSON'"
                + " AND s.subject_id_hash <> ''", rows -> {
            List<Object[]> persons = new ArrayList<>(rows.size());
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Map<String, Object> r : rows) {
                String hash = text(r.get("subject_id_hash"));
                if (!seen.add(hash)) {
                    continue;
                }
                persons.add(new Object[] {hash, text(r.get("subject_name")), encrypted((String) r.get("personal_json"), idField),
                        now, hash});
            }
            if (postgres()) {
                if (persons.isEmpty()) {
                    return;
                }
                List<Object> args = new ArrayList<>(persons.size() * 4);
                StringBuilder values = new StringBuilder();
                for (Object[] p : persons) {
                    values.append(values.isEmpty() ? "" : ", ").append("(CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
                            + " CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE))");
                    args.add(p[0]);
                    args.add(p[1]);
                    args.add(p[2]);
                    args.add(p[3]);
                }
                jdbc.update("INSERT INTO cx_person_subject (id_hash, name, id_encrypted, created_at)"
                        + " SELECT v.h, v.n, v.e, v.t FROM (VALUES " + values + ") AS v (h, n, e, t)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM cx_person_subject p WHERE p.id_hash = v.h)", args.toArray());
                return;
            }
            jdbc.batchUpdate("INSERT INTO cx_person_subject (id_hash, name, id_encrypted, created_at)"
                    + " SELECT ?, ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE) FROM (VALUES (0)) AS v (x)"
                    + " WHERE NOT EXISTS (SELECT 1 FROM cx_person_subject p WHERE p.id_hash = ?)", persons,
                    new int[] {java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                            java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.VARCHAR});
        });
    }

    // --- 4. warnings ---------------------------------------------------------------------------------------------

    private int warn() {
        Integer imported = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM cx_org_subject WHERE source LIKE '"
                + IMPORT_SOURCE + "%' FETCH FIRST 1 ROWS ONLY) x", Integer.class);
        boolean reportUnknown = imported != null && imported > 0;
        String outcomes = "'NAME_MISMATCH', 'AMBIGUOUS'" + (reportUnknown ? ", 'UNKNOWN'" : "");
        FieldRef name = field(item.subject().nameField());
        FieldRef code = field(item.subject().codeField());
        FieldRef orgCode = item.fieldKeyOfType(FieldTypeName.ORG_CODE).map(this::field).orElse(FieldRef.NONE);
        FieldRef regNumber = item.fieldKeyOfType(FieldTypeName.REG_NUMBER).map(this::field).orElse(FieldRef.NONE);
        int[] n = {0};
        pages("SELECT s.row_no, s.match_status, s.match_method, s.subject_name, s.subject_code, s.match_org_code,"
                + " s.match_reg_number, o.name AS registered_name,"
                + " (SELECT COALESCE(MAX(r.seq) + 1, 0) FROM cx_staged_reason r WHERE r.batch_id = s.batch_id"
                + " AND r.row_no = s.row_no) AS next_seq"
                + " FROM cx_staged_row s LEFT JOIN cx_org_subject o ON o.id = s.subject_id"
                + " WHERE s.batch_id = ? AND s.subject_store = 'ORG' AND s.match_status IN (" + outcomes + ")", rows -> {
            List<Object[]> reasons = new ArrayList<>(rows.size());
            for (Map<String, Object> r : rows) {
                String uscc = text(r.get("subject_code"));
                String orgCodeValue = text(r.get("match_org_code"));
                String regValue = text(r.get("match_reg_number"));
                // The code the row was (or would have been) found by.
                FieldRef by = !uscc.isEmpty() ? code : !orgCodeValue.isEmpty() && orgCode != FieldRef.NONE ? orgCode
                        : !regValue.isEmpty() && regNumber != FieldRef.NONE ? regNumber : name;
                String byValue = by == code ? uscc : by == orgCode ? orgCodeValue : by == regNumber ? regValue
                        : text(r.get("subject_name"));
                String subjectName = text(r.get("subject_name"));
                Reason reason = switch (MatchOutcome.valueOf((String) r.get("match_status"))) {
                    case NAME_MISMATCH -> ReasonMessages.reason(name.key, name.title, "SUBJECT_NAME_MISMATCH",
                            Severity.WARNING, name.title, subjectName, method(r), methodValue(r, uscc, orgCodeValue, regValue),
                            text(r.get("registered_name")));
                    case AMBIGUOUS -> {
                        FieldRef f = "NAME".equals(r.get("match_method")) ? name : by;
                        yield ReasonMessages.reason(f.key, f.title, "SUBJECT_AMBIGUOUS", Severity.WARNING, f.title,
                                f == name ? subjectName : byValue);
                    }
                    case UNKNOWN -> ReasonMessages.reason(by.key, by.title, "SUBJECT_UNKNOWN", Severity.WARNING, by.title,
                            byValue);
                    case MATCHED -> throw new IllegalStateException("not a warning");
                };
                reasons.add(new Object[] {batchId, r.get("row_no"), r.get("next_seq"), reason.field(), reason.title(),
                        reason.code(), reason.severity().name(), reason.message(), reason.hint()});
            }
            jdbc.batchUpdate("INSERT INTO cx_staged_reason (batch_id, row_no, seq, field, title, code, severity, message, hint)"
                    + " VALUES (?,?,?,?,?,?,?,?,?)", reasons);
            n[0] += reasons.size();
        });
        jdbc.update("UPDATE cx_staged_row SET status = 'WARNED' WHERE batch_id = ? AND status = 'ACCEPTED'"
                + " AND subject_store = 'ORG' AND match_status IN (" + outcomes + ")", batchId);
        return n[0];
    }

    private static String method(Map<String, Object> r) {
        return switch (text(r.get("match_method"))) {
            case "ORG_CODE" -> "组织机构代码";
            case "REG_NUMBER" -> "注册号";
            default -> "统一社会信用代码";
        };
    }

    private static String methodValue(Map<String, Object> r, String uscc, String orgCode, String regNumber) {
        return switch (text(r.get("match_method"))) {
            case "ORG_CODE" -> orgCode;
            case "REG_NUMBER" -> regNumber;
            default -> uscc;
        };
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Boolean postgres;

    /** PostgreSQL takes a page of new persons as one statement ({@code INSERT … SELECT … FROM (VALUES …)}); H2 keeps JDBC batches. */
    private boolean postgres() {
        if (postgres == null) {
            postgres = org.creditexchange.store.PlannerStatistics.postgres(jdbc);
        }
        return postgres;
    }

    private record FieldRef(String key, String title) {
        static final FieldRef NONE = new FieldRef("", "");
    }

    private FieldRef field(String key) {
        if (key == null) {
            return FieldRef.NONE;
        }
        return item.field(key).map(f -> new FieldRef(f.key(), f.title())).orElse(new FieldRef(key, key));
    }

    /**
     * Runs {@code select} (one parameter, the batch id; columns qualified {@code s.} when it starts so) page by page
     * in row order, so that memory stays bounded whatever the batch's size.
     */
    private void pages(String select, java.util.function.Consumer<List<Map<String, Object>>> page) {
        String rowNo = select.startsWith("SELECT s.") ? "s.row_no" : "row_no";
        int after = -1;
        while (true) {
            List<Map<String, Object>> rows = jdbc.queryForList(select + " AND " + rowNo + " > ?"
                    + " ORDER BY " + rowNo + " FETCH FIRST " + PAGE + " ROWS ONLY", batchId, after);
            if (rows.isEmpty()) {
                return;
            }
            page.accept(rows);
            after = ((Number) rows.get(rows.size() - 1).get("row_no")).intValue();
            if (rows.size() < PAGE) {
                return;
            }
        }
    }

    private static Map<String, String> values(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encrypted(String personalJson, String field) {
        if (personalJson == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(personalJson).path(field).path("encrypted");
            return node.isTextual() ? node.asText() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

}
