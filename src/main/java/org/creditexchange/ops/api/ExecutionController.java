package org.creditexchange.ops.api;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.creditexchange.ingest.IngestHistory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Executions, newest first: the ingest job executions of the job repository (every process sharing the database,
 * with percent and time left for the running ones, as {@code status} shows them) and the runs of jobs requested
 * through the API; and one ingest execution with its steps. Read by ADMIN, OPERATOR and VIEWER (not by clerks:
 * executions are not per unit); stopping and restarting one is {@link OperatorActionsController}'s.
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping("/api/executions")
public class ExecutionController {

    /** The most a list shows. */
    static final int MAX_LIMIT = 500;
    /** The {@code status} that selects every execution still at work, whatever its kind. */
    static final String RUNNING = "RUNNING";

    private final IngestHistory history;
    private final JobRuns runs;

    public ExecutionController(IngestHistory history, JobRuns runs) {
        this.history = history;
        this.runs = runs;
    }

    /**
     * The latest executions, newest first.
     *
     * @param status an ingest execution's status (STARTED, STOPPED, FAILED, COMPLETED …) or a job run's state
     *               (QUEUED, SUCCEEDED, FAILED); RUNNING for everything still at work; every status when absent
     * @param limit  at most this many (1 to {@value #MAX_LIMIT})
     */
    @GetMapping
    public List<ExecutionView> list(@RequestParam(required = false) String status,
                                    @RequestParam(defaultValue = "50") int limit) {
        int n = Math.max(1, Math.min(MAX_LIMIT, limit));
        Filter filter = Filter.of(status);
        LocalDateTime now = LocalDateTime.now();
        record Entry(OffsetDateTime began, ExecutionView view) {
        }
        List<Entry> entries = new ArrayList<>();
        if (!filter.ingest().isEmpty()) {
            for (IngestHistory.Execution e : history.recent(filter.ingest(), n)) {
                entries.add(new Entry(ExecutionView.local(e.startedAt() != null ? e.startedAt() : e.createdAt()),
                        ExecutionView.of(e, now)));
            }
        }
        runs.all().stream().filter(filter.runs()).limit(n).forEach(r ->
                entries.add(new Entry(r.startedAt() != null ? r.startedAt() : r.requestedAt(), ExecutionView.of(r))));
        return entries.stream()
                .sorted(Comparator.comparing(Entry::began, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(n).map(Entry::view).toList();
    }

    /** Ingest job execution {@code id} with its steps (the id {@code status}, stop and restart use). */
    @GetMapping("/{id}")
    public ExecutionView get(@PathVariable long id) {
        return history.find(id).map(e -> ExecutionView.of(e, LocalDateTime.now()))
                .orElseThrow(() -> ApiException.notFound("没有作业执行 " + id + "（作业的运行记录见 /api/jobs）。"));
    }

    /** What {@code status} selects: the ingest statuses (none: no ingest execution) and the job runs. */
    record Filter(Set<BatchStatus> ingest, Predicate<JobRuns.Run> runs) {

        private static final Set<BatchStatus> AT_WORK = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED,
                BatchStatus.STOPPING);

        /**
         * @throws ApiException 400 for a status no execution has
         */
        static Filter of(String status) {
            if (status == null || status.isBlank()) {
                return new Filter(EnumSet.allOf(BatchStatus.class), r -> true);
            }
            String s = status.strip().toUpperCase(Locale.ROOT);
            if (s.equals(RUNNING)) {
                return new Filter(AT_WORK, r -> r.state() == JobRuns.State.QUEUED || r.state() == JobRuns.State.RUNNING);
            }
            boolean ingest = Arrays.stream(BatchStatus.values()).anyMatch(b -> b.name().equals(s));
            boolean run = Arrays.stream(JobRuns.State.values()).anyMatch(st -> st.name().equals(s));
            if (!ingest && !run) {
                Set<String> known = new LinkedHashSet<>();
                known.add(RUNNING);
                Stream.concat(Arrays.stream(BatchStatus.values()).map(Enum::name),
                        Arrays.stream(JobRuns.State.values()).map(Enum::name)).forEach(known::add);
                throw ApiException.badRequest("status 应为以下之一：" + String.join("、", known) + "（收到 " + status
                        + "）。");
            }
            return new Filter(ingest ? EnumSet.of(BatchStatus.valueOf(s)) : EnumSet.noneOf(BatchStatus.class),
                    r -> r.state().name().equals(s));
        }
    }
}
