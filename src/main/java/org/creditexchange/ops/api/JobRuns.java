package org.creditexchange.ops.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.schedule.JobRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Job runs requested through the API: queued and run one after the other in the background by {@link JobRunner},
 * the latest {@value #KEPT} kept in memory to be polled (a restart forgets them; the log and the run digest keep
 * what each did). Counted in the metric {@code cx.api.job.runs} by job and outcome.
 */
@Component
@ConditionalOnWebApplication
public class JobRuns implements DisposableBean {

    static final int KEPT = 200;

    private static final Logger log = LoggerFactory.getLogger(JobRuns.class);

    /** Where a run stands. */
    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

    /**
     * One run.
     *
     * @param id          the run's id (counting from 1 since the engine started)
     * @param job         the job id
     * @param params      the run's parameters, overriding the steps' own
     * @param state       where it stands; FAILED when a step failed (the other steps still ran) or the job could not run
     * @param requestedBy the user who asked for it
     * @param steps       each finished step's outcome
     * @param link        where to poll it
     */
    public record Run(long id, String job, Map<String, String> params, State state, String requestedBy,
                      OffsetDateTime requestedAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                      List<JobRunner.StepResult> steps, String link) {

        Run with(State s, OffsetDateTime started, OffsetDateTime finished, List<JobRunner.StepResult> done) {
            return new Run(id, job, params, s, requestedBy, requestedAt, started, finished, done, link);
        }
    }

    private final JobRunner runner;
    private final ObjectProvider<MeterRegistry> meters;
    private final AtomicLong ids = new AtomicLong();
    private final NavigableMap<Long, Run> runs = new TreeMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cx-api-job");
        t.setDaemon(true);
        return t;
    });

    public JobRuns(JobRunner runner, ObjectProvider<MeterRegistry> meters) {
        this.runner = runner;
        this.meters = meters;
    }

    /** Queues a run of {@code job} (known to exist) and returns it as QUEUED. */
    public Run submit(String job, Map<String, String> params, String requestedBy) {
        long id = ids.incrementAndGet();
        Run queued = new Run(id, job, Map.copyOf(params), State.QUEUED, requestedBy, now(), null, null, List.of(),
                "/api/jobs/" + job + "/runs/" + id);
        put(queued);
        executor.execute(() -> run(queued));
        return queued;
    }

    private void run(Run queued) {
        OffsetDateTime started = now();
        put(queued.with(State.RUNNING, started, null, List.of()));
        Run finished;
        try {
            JobRunner.Run run = runner.run(queued.job(), queued.params());
            finished = queued.with(run.ok() ? State.SUCCEEDED : State.FAILED, started, now(), run.steps());
        } catch (RuntimeException e) {
            log.error("Job {} (run {} requested by {}) could not run: {}", queued.job(), queued.id(),
                    queued.requestedBy(), e.getMessage(), e);
            finished = queued.with(State.FAILED, started, now(),
                    List.of(new JobRunner.StepResult("-", false, "失败 (failed): " + e.getMessage())));
        }
        put(finished);
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            Counter.builder("cx.api.job.runs").description("job runs requested through the REST API, by outcome")
                    .tag("job", queued.job()).tag("outcome", finished.state() == State.SUCCEEDED ? "ok" : "failed")
                    .register(registry).increment();
        }
    }

    /** The run, if it is still kept. */
    public Optional<Run> find(String job, long id) {
        synchronized (runs) {
            return Optional.ofNullable(runs.get(id)).filter(r -> r.job().equals(job));
        }
    }

    /** The kept runs of {@code job}, newest first. */
    public List<Run> of(String job) {
        synchronized (runs) {
            return runs.descendingMap().values().stream().filter(r -> r.job().equals(job)).toList();
        }
    }

    /** Every kept run, newest first. */
    public List<Run> all() {
        synchronized (runs) {
            return List.copyOf(runs.descendingMap().values());
        }
    }

    private void put(Run run) {
        synchronized (runs) {
            runs.put(run.id(), run);
            while (runs.size() > KEPT) {
                runs.pollFirstEntry();
            }
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(IntakeService.ZONE);
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
            log.warn("A job requested through the API was still running at shutdown");
        }
    }
}
