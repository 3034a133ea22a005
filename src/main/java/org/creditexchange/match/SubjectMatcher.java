package org.creditexchange.match;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.creditexchange.store.PlannerStatistics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The matching itself, set-based, over all the rows marked for matching, whatever their number: per method one
 * statement finds the candidates of the rows still without any (a join of the marked rows with a registry index,
 * into the narrow work table {@code cx_match_candidate}), then one statement per store writes each row's outcome
 * once. Every join is a lookup by an index, so the cost stays linear in the rows even when the planner takes a fresh
 * batch for one row. The same SQL runs on H2 and PostgreSQL.
 *
 * <p>Rows to match carry a marker in {@code match_status} (staging marks every row that is not rejected
 * {@link #PENDING}, {@link Rematch} uses its own) and the comparison forms {@code match_name_norm},
 * {@code match_org_code} and {@code match_reg_number} ({@link MatchForms}). Organisations are tried in order, each
 * method deciding only rows the previous ones left undecided:
 * <ol>
 *   <li>{@code USCC}: the row's 统一社会信用代码 ({@code subject_code});</li>
 *   <li>{@code ORG_CODE}: its 组织机构代码 (the org-code field, else USCC positions 9–17);</li>
 *   <li>{@code REG_NUMBER}: its registration number;</li>
 *   <li>{@code NAME}: its normalised name, current or former.</li>
 * </ol>
 * Methods 2–4 only consider subjects whose codes do not contradict the row's: a row with a USCC can only reach a
 * subject without one (a legacy subject), and a row's org code or registration number must agree with the
 * subject's where both have one. A method with one candidate links the row; with several it makes the row
 * {@link MatchOutcome#AMBIGUOUS}. A row linked by code whose name is neither the subject's current nor a former
 * name (after {@link SubjectNames#normalize}) is {@link MatchOutcome#NAME_MISMATCH}; a row no method links is
 * {@link MatchOutcome#UNKNOWN}. Persons are linked by their keyed ID hash ({@code ID_HASH}).
 *
 * <p>Matching one batch, the same write also marks the rows whose record the store does not hold yet as first reports
 * ({@code first_report}, see {@code TimelinessTasklet}); re-matching across batches leaves those marks alone.
 */
@Component
public class SubjectMatcher {

    /** The marker of the match step's rows. */
    public static final String PENDING = "PENDING";

    private static final String COMPATIBLE = """
            (COALESCE(s.subject_code, '') = '' OR o.uscc IS NULL OR o.uscc = s.subject_code)
            AND (s.match_org_code IS NULL OR o.org_code IS NULL OR o.org_code = s.match_org_code)
            AND (s.match_reg_number IS NULL OR o.reg_number IS NULL OR o.reg_number = s.match_reg_number)""";

    private static final String ROWS = "s.match_status = ? {scope} AND s.subject_store = 'ORG'";

    private record Method(String name, String pairs) {
    }

    /** Per method: (batch_id, row_no, subject id) for each candidate subject of each marked row. */
    private static final List<Method> METHODS = List.of(
            new Method("USCC", "SELECT s.batch_id, s.row_no, o.id AS subject_id FROM cx_staged_row s"
                    + " JOIN cx_org_subject o ON o.uscc = s.subject_code WHERE " + ROWS),
            new Method("ORG_CODE", "SELECT s.batch_id, s.row_no, o.id AS subject_id FROM cx_staged_row s"
                    + " JOIN cx_org_subject o ON o.org_code = s.match_org_code AND " + COMPATIBLE + " WHERE " + ROWS),
            new Method("REG_NUMBER", "SELECT s.batch_id, s.row_no, o.id AS subject_id FROM cx_staged_row s"
                    + " JOIN cx_org_subject o ON o.reg_number = s.match_reg_number AND " + COMPATIBLE + " WHERE " + ROWS),
            new Method("NAME", "SELECT s.batch_id, s.row_no, o.id AS subject_id FROM cx_staged_row s"
                    + " JOIN cx_org_subject o ON o.name_norm = s.match_name_norm AND " + COMPATIBLE + " WHERE " + ROWS
                    + " UNION ALL SELECT s.batch_id, s.row_no, o.id AS subject_id FROM cx_staged_row s"
                    + " JOIN cx_org_subject_name f ON f.name_norm = s.match_name_norm"
                    + " JOIN cx_org_subject o ON o.id = f.subject_id AND " + COMPATIBLE + " WHERE " + ROWS));

    /**
     * A method's candidates for the marked rows no earlier method found any for. Every join is a lookup of a
     * staged row in a registry index or of a candidate by its key: linear in the rows whatever plan is chosen.
     */
    private static final String CANDIDATES = """
            INSERT INTO cx_match_candidate (batch_id, row_no, marker, method, n, subject_id)
            SELECT c.batch_id, c.row_no, ?, ?, COUNT(DISTINCT c.subject_id), MIN(c.subject_id) FROM ({pairs}) c
            WHERE NOT EXISTS (SELECT 1 FROM cx_match_candidate d WHERE d.batch_id = c.batch_id AND d.row_no = c.row_no)
            GROUP BY c.batch_id, c.row_no""";

    /** Each marked organisation row: the first method with candidates, its subject when it has one, the outcome. */
    private static final String ORGANISATION_OUTCOMES = """
            SELECT s.batch_id, s.row_no, c.method, CASE WHEN c.n = 1 THEN c.subject_id END AS subject_id,
                   CASE WHEN c.method IS NULL THEN 'UNKNOWN'
                        WHEN c.n > 1 THEN 'AMBIGUOUS'
                        WHEN c.method = 'NAME' OR COALESCE(s.match_name_norm, '') = ''
                             OR EXISTS (SELECT 1 FROM cx_org_subject o WHERE o.id = c.subject_id
                                        AND o.name_norm = s.match_name_norm)
                             OR EXISTS (SELECT 1 FROM cx_org_subject_name f WHERE f.subject_id = c.subject_id
                                        AND f.name_norm = s.match_name_norm) THEN 'MATCHED'
                        ELSE 'NAME_MISMATCH' END AS outcome{first}
            FROM cx_staged_row s
            LEFT JOIN cx_match_candidate c ON c.batch_id = s.batch_id AND c.row_no = s.row_no{batch}
            WHERE\s""" + ROWS;

    /** Each marked person row: matched by its ID hash, else unknown. */
    private static final String PERSON_OUTCOMES = """
            SELECT s.batch_id, s.row_no, CASE WHEN p.id IS NULL THEN NULL ELSE 'ID_HASH' END AS method,
                   p.id AS subject_id, CASE WHEN p.id IS NULL THEN 'UNKNOWN' ELSE 'MATCHED' END AS outcome{first}
            FROM cx_staged_row s LEFT JOIN cx_person_subject p ON p.id_hash = s.subject_id_hash{batch}
            WHERE s.match_status = ? {scope} AND s.subject_store = 'PERSON'""";

    /**
     * A batch's row with a decision date whose record the store does not hold yet (by item, unit and key): the merge
     * will create the record from it, so it is the record's first report ({@code first_report}, which the timeliness
     * step checks against what the merge did). Written here, with the outcome, rather than by a second update of every
     * row after the merge.
     */
    private static final String FIRST_REPORT = """
            , CASE WHEN s.reporting_delay IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {store} r WHERE r.item_id = b.item_id
                   AND r.business_key = s.business_key AND r.unit_code = b.unit_code) THEN TRUE END AS first_report""";

    /** Writes outcomes (one of the two above) onto their rows: each row once. */
    private static final String APPLY = """
            MERGE INTO cx_staged_row t USING (%s) c ON (t.batch_id = c.batch_id AND t.row_no = c.row_no)
            WHEN MATCHED THEN UPDATE SET match_status = c.outcome, match_method = c.method, subject_id = c.subject_id""";

    private final JdbcTemplate jdbc;

    /** A batch's outcomes also foretell its first reports; across batches (re-matching) they leave them alone. */
    private static String outcomes(String sql, String scope, boolean batch, String store) {
        return sql.replace("{scope}", scope)
                .replace("{first}", batch ? FIRST_REPORT.replace("{store}", store) : "")
                .replace("{batch}", batch ? " JOIN cx_batch b ON b.id = s.batch_id" : "");
    }

    public SubjectMatcher(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Matches every row whose {@code match_status} is {@code marker} (and, when {@code batchId} is not null, of that
     * batch), leaving its outcome in {@code match_status}, how in {@code match_method} and the subject in
     * {@code subject_id}.
     *
     * @return rows per outcome
     */
    public Map<MatchOutcome, Integer> match(String marker, Long batchId) {
        String scope = batchId == null ? "" : "AND s.batch_id = ?";
        List<Object> one = batchId == null ? List.of(marker) : List.of(marker, batchId);
        // The work table holds this run's candidates only: emptied before (a run rolled back leaves nothing, but a
        // marker is reused) and after.
        String clear = "DELETE FROM cx_match_candidate WHERE marker = ?" + (batchId == null ? "" : " AND batch_id = ?");
        PlannerStatistics.roomForLargeBatches(jdbc);
        jdbc.update(clear, one.toArray());
        for (Method m : METHODS) {
            List<Object> args = new ArrayList<>(List.of(marker, m.name()));
            for (int i = 0; i < (m.name().equals("NAME") ? 2 : 1); i++) {
                args.addAll(one);
            }
            jdbc.update(CANDIDATES.replace("{pairs}", m.pairs().replace("{scope}", scope)), args.toArray());
        }
        String organisations = outcomes(ORGANISATION_OUTCOMES, scope, batchId != null, "cx_org_record");
        String persons = outcomes(PERSON_OUTCOMES, scope, batchId != null, "cx_person_record");
        String apply = batchId == null ? APPLY : APPLY + ", first_report = c.first_report";
        Map<MatchOutcome, Integer> counts = new EnumMap<>(MatchOutcome.class);
        for (MatchOutcome outcome : MatchOutcome.values()) {
            counts.put(outcome, 0);
        }
        RowCallbackHandler count = rs -> counts.put(MatchOutcome.valueOf(rs.getString(1)), rs.getInt(2));
        if (batchId == null) {
            // Across batches the rows cannot be told apart once decided: count what the statements will decide.
            List<Object> args = new ArrayList<>(one);
            args.addAll(one);
            jdbc.query("SELECT x.outcome, COUNT(*) FROM (" + organisations + " UNION ALL " + persons + ") x"
                    + " GROUP BY x.outcome", count, args.toArray());
        }
        jdbc.update(apply.formatted(organisations), one.toArray());
        jdbc.update(apply.formatted(persons), one.toArray());
        jdbc.update(clear, one.toArray());
        if (batchId != null) {
            // Staging marks every row of the batch that is not rejected: the batch's outcomes are those rows'.
            jdbc.query("SELECT match_status, COUNT(*) FROM cx_staged_row WHERE batch_id = ? AND match_status IN ("
                    + MatchOutcome.ALL + ") GROUP BY match_status", count, batchId);
        }
        return counts;
    }
}
