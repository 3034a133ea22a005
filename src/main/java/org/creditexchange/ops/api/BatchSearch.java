package org.creditexchange.ops.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.IntakeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Finds batches by unit, status and day received (Asia/Shanghai), newest first. */
@Component
public class BatchSearch {

    /** The most a list answers, whatever the caller asks. */
    static final int MAX_LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final BatchRepository batches;

    public BatchSearch(JdbcTemplate jdbc, BatchRepository batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * What to find; null fields do not filter.
     *
     * @param from the first day received, inclusive
     * @param to   the last day received, inclusive
     */
    public record Filter(String unit, BatchStatus status, LocalDate from, LocalDate to, int limit) {
    }

    public List<Batch> find(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT id FROM cx_batch WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.unit() != null) {
            sql.append(" AND unit_code = ?");
            args.add(filter.unit());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(filter.status().name());
        }
        if (filter.from() != null) {
            sql.append(" AND received_at >= ?");
            args.add(filter.from().atStartOfDay(IntakeService.ZONE).toOffsetDateTime());
        }
        if (filter.to() != null) {
            sql.append(" AND received_at < ?");
            args.add(filter.to().plusDays(1).atStartOfDay(IntakeService.ZONE).toOffsetDateTime());
        }
        int limit = Math.max(1, Math.min(MAX_LIMIT, filter.limit()));
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        // Ids first, then each batch through its repository: one mapping of the batch table, not two.
        return jdbc.queryForList(sql.toString(), Long.class, args.toArray()).stream()
                .map(batches::find).flatMap(Optional::stream).toList();
    }
}
