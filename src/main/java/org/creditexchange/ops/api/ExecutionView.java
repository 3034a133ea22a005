package org.creditexchange.ops.api;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.ingest.IngestHistory;
import org.creditexchange.ingest.IngestJobConfiguration;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.schedule.JobRunner;

/**
 * An execution as the API lists it: an ingest job execution (one batch processed, as the job repository keeps it) or
 * a run of a job of {@code jobs/} requested through the API. The two are told apart by {@code kind} and never share
 * an id field: {@code executionId} is what {@code /api/executions/{id}} and its {@code stop} and {@code restart}
 * take, {@code runId} is the run under {@code /api/jobs/{job}/runs/{id}}.
 *
 * @param kind          INGEST or JOB_RUN
 * @param executionId   the job execution id (INGEST); null for a job run
 * @param runId         the run id (JOB_RUN); null for an ingest execution
 * @param job           {@code ingest}, or the job of {@code jobs/}
 * @param batchId       the batch an ingest execution processes; null for a job run
 * @param status        Spring Batch's status for an ingest execution (STARTED, STOPPING, STOPPED, FAILED,
 *                      COMPLETED …), the run's state for a job run (QUEUED, RUNNING, SUCCEEDED, FAILED)
 * @param running       still at work (STARTING, STARTED, STOPPING; QUEUED, RUNNING)
 * @param startedAt     when it started (Asia/Shanghai); null while queued
 * @param endedAt       when it ended; null while running
 * @param step          the step it is in or ended in (recognize, stage, match …; a job run's last finished step type)
 * @param rowsRead      rows read from the file by the stage step of this execution; null for a job run
 * @param rowsWritten   rows staged by it; null for a job run
 * @param rowsPerSecond rows committed per second by the stage step, while running; null otherwise
 * @param percent       the share of the file read, 0 to 100; null when unknown (before the stage step, a workbook
 *                      without a declared size) and for a job run
 * @param secondsLeft   the estimated time left reading the file, while the stage step runs; null when unknown and
 *                      once past it (the steps after the stage have no estimate)
 * @param failure       why it failed or stopped: the first line of the exit description (ID numbers masked), or a
 *                      job run's failed steps; null otherwise
 * @param steps         the steps of an ingest execution in the order they ran; empty for a job run (see its link)
 * @param links         where to look further and what may be done to it (null when it may not)
 */
public record ExecutionView(Kind kind, Long executionId, Long runId, String job, Long batchId, String status,
                            boolean running, OffsetDateTime startedAt, OffsetDateTime endedAt, String step,
                            Long rowsRead, Long rowsWritten, Double rowsPerSecond, Double percent, Long secondsLeft,
                            String failure, List<Step> steps, Links links) {

    /** What ran. */
    public enum Kind { INGEST, JOB_RUN }

    /** One step of an ingest execution and its counts. */
    public record Step(String name, String status, long read, long written, long filtered, OffsetDateTime startedAt,
                       OffsetDateTime endedAt, String exitCode) {
    }

    /**
     * Where to look and what to do.
     *
     * @param self    this execution
     * @param batch   its batch; null for a job run
     * @param stop    POST here to stop it after its current chunk (OPERATOR, ADMIN); null unless running
     * @param restart POST here to restart it from its last committed chunk; null unless stopped or failed and not
     *                restarted yet
     */
    public record Links(String self, String batch, String stop, String restart) {
    }

    /** The view of ingest execution {@code e} at {@code now} (the job repository's local time). */
    static ExecutionView of(IngestHistory.Execution e, LocalDateTime now) {
        String self = "/api/executions/" + e.id();
        IngestHistory.Step current = e.current();
        IngestHistory.Step stage = e.stage();
        Duration left = stage != null && stage.status().isRunning() ? e.progress().remaining() : null;
        return new ExecutionView(Kind.INGEST, e.id(), null, IngestJobConfiguration.JOB_NAME, e.batchId(),
                e.status().name(), e.running(), local(e.startedAt()), local(e.endedAt()),
                current == null ? null : current.name(), stage == null ? 0L : stage.read(),
                stage == null ? 0L : stage.written(), e.running() ? e.rowsPerSecond(now) : null, e.progress().percent(),
                left == null ? null : Math.round(left.toMillis() / 1000.0), failure(e),
                e.steps().stream().map(s -> new Step(s.name(), s.status().name(), s.read(), s.written(), s.filtered(),
                        local(s.startedAt()), local(s.endedAt()), s.exitCode())).toList(),
                new Links(self, e.batchId() == null ? null : "/api/batches/" + e.batchId(),
                        e.running() ? self + "/stop" : null, e.restartable() ? self + "/restart" : null));
    }

    /** The view of job run {@code run}. */
    static ExecutionView of(JobRuns.Run run) {
        boolean running = run.state() == JobRuns.State.QUEUED || run.state() == JobRuns.State.RUNNING;
        List<JobRunner.StepResult> steps = run.steps();
        String failed = steps.stream().filter(s -> !s.ok()).map(s -> s.type() + ": " + s.summary())
                .collect(Collectors.joining("; "));
        return new ExecutionView(Kind.JOB_RUN, null, run.id(), run.job(), null, run.state().name(), running,
                run.startedAt(), run.finishedAt(), steps.isEmpty() ? null : steps.get(steps.size() - 1).type(), null,
                null, null, null, null, failed.isEmpty() ? null : IdNumberMasking.maskForLog(failed), List.of(),
                new Links(run.link(), null, null, null));
    }

    private static String failure(IngestHistory.Execution e) {
        if (e.exitMessage() == null) {
            return null;
        }
        String first = e.exitMessage().strip().lines().findFirst().orElse("");
        return first.isEmpty() ? null : IdNumberMasking.maskForLog(first.length() > 500 ? first.substring(0, 500) : first);
    }

    /** The job repository's local date-time (the engine's zone) in Asia/Shanghai. */
    static OffsetDateTime local(LocalDateTime t) {
        return t == null ? null : t.atZone(ZoneId.systemDefault()).withZoneSameInstant(IntakeService.ZONE)
                .toOffsetDateTime();
    }
}
