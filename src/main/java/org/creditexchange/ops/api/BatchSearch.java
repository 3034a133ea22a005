package org.creditexchange.ops.api;

import java.time.LocalDate;
import java.util.List;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.IntakeService;
import org.springframework.stereotype.Component;

/** Finds batches by unit, status and day received (Asia/Shanghai), newest first. */
@Component
public class BatchSearch {

    /** The most a list answers, whatever the caller asks. */
    static final int MAX_LIMIT = 500;

    private final BatchRepository batches;

    public BatchSearch(BatchRepository batches) {
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
        return batches.search(filter.unit(), filter.status(),
                filter.from() == null ? null : filter.from().atStartOfDay(IntakeService.ZONE).toOffsetDateTime(),
                filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(IntakeService.ZONE).toOffsetDateTime(),
                Math.max(1, Math.min(MAX_LIMIT, filter.limit())));
    }
}
