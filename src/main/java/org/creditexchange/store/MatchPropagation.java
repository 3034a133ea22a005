package org.creditexchange.store;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries a re-match (after a registry update) from staging into the credit store, set-based: stored records take
 * their staged row's new match outcome and subject; a HELD record whose subject is now matched is released
 * (ACTIVE, disclosed again), and an ACTIVE one whose subject now disagrees or is ambiguous is held.
 */
@Component
public class MatchPropagation {

    private static final String UPDATE = """
            UPDATE %1$s t SET
                match_status = (SELECT s.match_status FROM cx_staged_row s WHERE s.batch_id = t.batch_id AND s.row_no = t.row_no),
                subject_id = (SELECT s.subject_id FROM cx_staged_row s WHERE s.batch_id = t.batch_id AND s.row_no = t.row_no),
                updated_at = ?
            WHERE t.match_status IN ('UNKNOWN', 'NAME_MISMATCH', 'AMBIGUOUS')
              AND EXISTS (SELECT 1 FROM cx_staged_row s WHERE s.batch_id = t.batch_id AND s.row_no = t.row_no
                          AND s.match_status <> t.match_status)
            """;
    private static final String RELEASE = "UPDATE %1$s SET state = 'ACTIVE', updated_at = ? "
            + "WHERE state = 'HELD' AND match_status = 'MATCHED'";
    /** A record whose subject now turns out to disagree (or to be ambiguous) stops being disclosed. */
    private static final String HOLD = "UPDATE %1$s SET state = 'HELD', updated_at = ? "
            + "WHERE state = 'ACTIVE' AND match_status IN ('NAME_MISMATCH', 'AMBIGUOUS')";

    private final JdbcTemplate jdbc;

    public MatchPropagation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What changed in the store. */
    public record Result(int rematched, int released, int held) {
    }

    @Transactional
    public Result propagate() {
        OffsetDateTime now = OffsetDateTime.now();
        int rematched = 0;
        int released = 0;
        int held = 0;
        for (String table : new String[] {"cx_org_record", "cx_person_record"}) {
            rematched += jdbc.update(UPDATE.formatted(table), now);
            released += jdbc.update(RELEASE.formatted(table), now);
            held += jdbc.update(HOLD.formatted(table), now);
        }
        return new Result(rematched, released, held);
    }
}
