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
 * The matching itself, set-based: one statement per store over all the rows marked for matching, whatever their
 * number, each a join of the marked rows with the registry's indexes that writes every row once (a staged row is
 * wide: each pass over a batch's rows costs a rewrite of all of them). The same SQL runs on H2 and PostgreSQL.
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

    /** One method's candidates: per marked row, how many subjects it finds and the least of their ids. */
    private static String candidates(String pairs) {
        return "SELECT c.batch_id, c.row_no, COUNT(DISTINCT c.subject_id) AS n, MIN(c.subject_id) AS subject_id"
                + " FROM (" + pairs + ") c GROUP BY c.batch_id, c.row_no";
    }

    private static final String USCC = candidates("SELECT s.batch_id, s.row_no, o.id AS subject_id FROM cx_staged_row s"
            + " JOIN cx_org_subject o ON o.uscc = s.subject_code WHERE " + ROWS);
    private static final String ORG_CODE = candidates("SELECT s.batch_id, s.row_no, o.id AS subject_id"
            + " FROM cx_staged_row s JOIN cx_org_subject o ON o.org_code = s.match_org_code AND " + COMPATIBLE
            + " WHERE " + ROWS);
    private static final String REG_NUMBER = candidates("SELECT s.batch_id, s.row_no, o.id AS subject_id"
            + " FROM cx_staged_row s JOIN cx_org_subject o ON o.reg_number = s.match_reg_number AND " + COMPATIBLE
            + " WHERE " + ROWS);
    private static final String NAME = candidates("SELECT s.batch_id, s.row_no, o.id AS subject_id FROM cx_staged_row s"
            + " JOIN cx_org_subject o ON o.name_norm = s.match_name_norm AND " + COMPATIBLE + " WHERE " + ROWS
            + " UNION ALL SELECT s.batch_id, s.row_no, o.id AS subject_id FROM cx_staged_row s"
            + " JOIN cx_org_subject_name f ON f.name_norm = s.match_name_norm"
            + " JOIN cx_org_subject o ON o.id = f.subject_id AND " + COMPATIBLE + " WHERE " + ROWS);
    /** How many times the marker (and the batch) stand in {@link #ORGANISATIONS}. */
    private static final int ORGANISATION_SCOPES = 6;

    /** Each marked organisation row: the first method with candidates, its subject when it has one, the outcome. */
    private static final String ORGANISATION_OUTCOMES = """
            SELECT m.batch_id, m.row_no, m.method, m.subject_id,
                   CASE WHEN m.method IS NULL THEN 'UNKNOWN'
                        WHEN m.subject_id IS NULL THEN 'AMBIGUOUS'
                        WHEN m.method = 'NAME' OR COALESCE(m.name_norm, '') = ''
                             OR EXISTS (SELECT 1 FROM cx_org_subject o WHERE o.id = m.subject_id
                                        AND o.name_norm = m.name_norm)
                             OR EXISTS (SELECT 1 FROM cx_org_subject_name f WHERE f.subject_id = m.subject_id
                                        AND f.name_norm = m.name_norm) THEN 'MATCHED'
                        ELSE 'NAME_MISMATCH' END AS outcome
            FROM (SELECT s.batch_id, s.row_no, s.match_name_norm AS name_norm,
                         CASE WHEN u.n > 0 THEN 'USCC' WHEN c.n > 0 THEN 'ORG_CODE'
                              WHEN r.n > 0 THEN 'REG_NUMBER' WHEN nm.n > 0 THEN 'NAME' END AS method,
                         CASE WHEN u.n > 0 THEN CASE WHEN u.n = 1 THEN u.subject_id END
                              WHEN c.n > 0 THEN CASE WHEN c.n = 1 THEN c.subject_id END
                              WHEN r.n > 0 THEN CASE WHEN r.n = 1 THEN r.subject_id END
                              WHEN nm.n = 1 THEN nm.subject_id END AS subject_id
                  FROM cx_staged_row s
                  LEFT JOIN ({uscc}) u ON u.batch_id = s.batch_id AND u.row_no = s.row_no
                  LEFT JOIN ({orgCode}) c ON c.batch_id = s.batch_id AND c.row_no = s.row_no
                  LEFT JOIN ({regNumber}) r ON r.batch_id = s.batch_id AND r.row_no = s.row_no
                  LEFT JOIN ({name}) nm ON nm.batch_id = s.batch_id AND nm.row_no = s.row_no
                  WHERE {rows}) m"""
            .replace("{uscc}", USCC).replace("{orgCode}", ORG_CODE).replace("{regNumber}", REG_NUMBER)
            .replace("{name}", NAME).replace("{rows}", ROWS);

    /** Each marked person row: matched by its ID hash, else unknown. */
    private static final String PERSON_OUTCOMES = """
            SELECT s.batch_id, s.row_no, CASE WHEN p.id IS NULL THEN NULL ELSE 'ID_HASH' END AS method,
                   p.id AS subject_id, CASE WHEN p.id IS NULL THEN 'UNKNOWN' ELSE 'MATCHED' END AS outcome
            FROM cx_staged_row s LEFT JOIN cx_person_subject p ON p.id_hash = s.subject_id_hash
            WHERE s.match_status = ? {scope} AND s.subject_store = 'PERSON'""";

    /** Writes outcomes (one of the two above) onto their rows: each row once. */
    private static final String APPLY = """
            MERGE INTO cx_staged_row t USING (%s) c ON (t.batch_id = c.batch_id AND t.row_no = c.row_no)
            WHEN MATCHED THEN UPDATE SET match_status = c.outcome, match_method = c.method, subject_id = c.subject_id""";

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
        List<Object> one = batchId == null ? List.of(marker) : List.of(marker, batchId);
        List<Object> organisationArgs = new ArrayList<>();
        for (int i = 0; i < ORGANISATION_SCOPES; i++) {
            organisationArgs.addAll(one);
        }
        String organisations = ORGANISATION_OUTCOMES.replace("{scope}", scope);
        String persons = PERSON_OUTCOMES.replace("{scope}", scope);
        PlannerStatistics.roomForLargeBatches(jdbc);
        Map<MatchOutcome, Integer> counts = new EnumMap<>(MatchOutcome.class);
        for (MatchOutcome outcome : MatchOutcome.values()) {
            counts.put(outcome, 0);
        }
        RowCallbackHandler count = rs -> counts.put(MatchOutcome.valueOf(rs.getString(1)), rs.getInt(2));
        if (batchId == null) {
            // Across batches the rows cannot be told apart once decided: count what the statements will decide.
            List<Object> args = new ArrayList<>(organisationArgs);
            args.addAll(one);
            jdbc.query("SELECT x.outcome, COUNT(*) FROM (" + organisations + " UNION ALL " + persons + ") x"
                    + " GROUP BY x.outcome", count, args.toArray());
        }
        jdbc.update(APPLY.formatted(organisations), organisationArgs.toArray());
        jdbc.update(APPLY.formatted(persons), one.toArray());
        if (batchId != null) {
            // Staging marks every row of the batch that is not rejected: the batch's outcomes are those rows'.
            jdbc.query("SELECT match_status, COUNT(*) FROM cx_staged_row WHERE batch_id = ? AND match_status IN ("
                    + MatchOutcome.ALL + ") GROUP BY match_status", count, batchId);
        }
        return counts;
    }
}
