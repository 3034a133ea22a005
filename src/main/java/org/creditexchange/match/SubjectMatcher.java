package org.creditexchange.match;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The matching itself, set-based: a handful of statements over all the rows marked for matching, whatever their
 * number, each a join of the marked rows with the registry's indexes. The same SQL runs on H2 and PostgreSQL.
 *
 * <p>Rows to match carry a marker in {@code match_status} (the match step uses {@link #PENDING}, {@link Rematch}
 * its own) and the comparison forms {@code match_name_norm}, {@code match_org_code} and {@code match_reg_number}.
 * Organisations are tried in order, each method only for rows the previous ones left undecided:
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
 */
@Component
public class SubjectMatcher {

    /** The marker of the match step's rows. */
    public static final String PENDING = "PENDING";

    private static final String COMPATIBLE = """
            (COALESCE(s.subject_code, '') = '' OR o.uscc IS NULL OR o.uscc = s.subject_code)
            AND (s.match_org_code IS NULL OR o.org_code IS NULL OR o.org_code = s.match_org_code)
            AND (s.match_reg_number IS NULL OR o.reg_number IS NULL OR o.reg_number = s.match_reg_number)""";

    private static final String ROWS = "s.match_status = ? {scope} AND s.subject_store = 'ORG' AND s.match_method IS NULL";

    private record Method(String name, String candidates) {
    }

    /** Per method: (batch_id, row_no, subject id) for each candidate subject of each undecided row. */
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

    private static final String APPLY = """
            MERGE INTO cx_staged_row t
            USING (SELECT batch_id, row_no, COUNT(DISTINCT subject_id) AS n, MIN(subject_id) AS subject_id
                   FROM ({candidates}) c GROUP BY batch_id, row_no) c
            ON (t.batch_id = c.batch_id AND t.row_no = c.row_no)
            WHEN MATCHED THEN UPDATE SET match_method = ?, subject_id = CASE WHEN c.n = 1 THEN c.subject_id END""";

    private static final String PERSONS = """
            MERGE INTO cx_staged_row t
            USING (SELECT s.batch_id, s.row_no, p.id AS subject_id FROM cx_staged_row s
                   JOIN cx_person_subject p ON p.id_hash = s.subject_id_hash
                   WHERE s.match_status = ? {scope} AND s.subject_store = 'PERSON') c
            ON (t.batch_id = c.batch_id AND t.row_no = c.row_no)
            WHEN MATCHED THEN UPDATE SET match_method = 'ID_HASH', subject_id = c.subject_id""";

    private static final String NAME_AGREES = """
            (s.match_method IN ('NAME', 'ID_HASH') OR COALESCE(s.match_name_norm, '') = ''
             OR EXISTS (SELECT 1 FROM cx_org_subject o WHERE o.id = s.subject_id AND o.name_norm = s.match_name_norm)
             OR EXISTS (SELECT 1 FROM cx_org_subject_name f WHERE f.subject_id = s.subject_id
                        AND f.name_norm = s.match_name_norm))""";

    private static final Map<MatchOutcome, String> FINAL = Map.of(
            MatchOutcome.UNKNOWN, "s.match_method IS NULL",
            MatchOutcome.AMBIGUOUS, "s.subject_id IS NULL",
            MatchOutcome.MATCHED, NAME_AGREES,
            MatchOutcome.NAME_MISMATCH, "1 = 1");

    private final JdbcTemplate jdbc;

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
        for (Method m : METHODS) {
            int parts = m.name().equals("NAME") ? 2 : 1;
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                args.add(marker);
                if (batchId != null) {
                    args.add(batchId);
                }
            }
            args.add(m.name());
            jdbc.update(APPLY.replace("{candidates}", m.candidates().replace("{scope}", scope)), args.toArray());
        }
        jdbc.update(PERSONS.replace("{scope}", scope), batchId == null ? new Object[] {marker} : new Object[] {marker, batchId});

        Map<MatchOutcome, Integer> counts = new EnumMap<>(MatchOutcome.class);
        for (MatchOutcome outcome : List.of(MatchOutcome.UNKNOWN, MatchOutcome.AMBIGUOUS, MatchOutcome.MATCHED,
                MatchOutcome.NAME_MISMATCH)) {
            String sql = "UPDATE cx_staged_row s SET match_status = ? WHERE s.match_status = ? "
                    + scope + " AND " + FINAL.get(outcome);
            counts.put(outcome, jdbc.update(sql, batchId == null ? new Object[] {outcome.name(), marker}
                    : new Object[] {outcome.name(), marker, batchId}));
        }
        return counts;
    }
}
