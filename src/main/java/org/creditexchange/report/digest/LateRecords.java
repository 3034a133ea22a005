package org.creditexchange.report.digest;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts a unit's accepted rows reported late — first reports more than 7 working days after their decision (the
 * reporting delay kept by the ingest job's timeliness step) — among its processed batches received in a window.
 */
@Component
public class LateRecords {

    private final JdbcTemplate jdbc;

    public LateRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Late accepted rows of {@code unit}'s DONE batches received in [from, to). */
    public long count(String unit, OffsetDateTime from, OffsetDateTime to) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM cx_staged_row s JOIN cx_batch b ON b.id = s.batch_id "
                + "WHERE b.unit_code = ? AND b.received_at >= ? AND b.received_at < ? AND b.status = 'DONE' "
                + "AND s.first_report = TRUE AND s.status IN ('ACCEPTED', 'WARNED') AND s.reporting_delay > ?",
                Long.class, unit, from, to, org.creditexchange.ingest.timeliness.ReportingDelay.LIMIT);
        return n == null ? 0 : n;
    }
}
