package org.creditexchange.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creditexchange.config.PlatformConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs a job of {@code jobs/} now, step by step, in the calling thread. A failing step is reported and the next
 * steps still run: at night nobody watches, and one failure must not hide the rest of the work.
 */
@Service
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final PlatformConfiguration configuration;
    private final Map<String, StepType> stepTypes = new TreeMap<>();
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public JobRunner(PlatformConfiguration configuration, List<StepType> stepTypes) {
        this(configuration, stepTypes, Clock.system(ScheduleDefinition.DEFAULT_ZONE));
    }

    JobRunner(PlatformConfiguration configuration, List<StepType> stepTypes, Clock clock) {
        this.configuration = configuration;
        stepTypes.forEach(t -> this.stepTypes.put(t.name(), t));
        this.clock = clock;
    }

    /** The outcome of one step. */
    public record StepResult(String type, boolean ok, String summary) {
    }

    /** The outcome of a run: ok when every step was. */
    public record Run(String job, LocalDate today, List<StepResult> steps) {
        public boolean ok() {
            return steps.stream().allMatch(StepResult::ok);
        }
    }

    /** Runs job {@code jobId} with the parameters of its file only. */
    public Run run(String jobId) {
        return run(jobId, Map.of());
    }

    /**
     * Runs job {@code jobId}.
     *
     * @param runParams parameters for every step of this run ({@code run assessment month=2026-10}); they override
     *                  the steps' own parameters of the same name
     * @throws IllegalArgumentException when there is no such job
     */
    public Run run(String jobId, Map<String, String> runParams) {
        JobDefinition job = configuration.jobs().get(jobId);
        if (job == null) {
            throw new IllegalArgumentException("no job '" + jobId + "' (known jobs: "
                    + String.join(", ", configuration.jobs().keySet()) + ")");
        }
        LocalDate today = LocalDate.now(clock.withZone(ScheduleDefinition.DEFAULT_ZONE));
        java.time.OffsetDateTime startedAt = java.time.OffsetDateTime.now(clock.withZone(ScheduleDefinition.DEFAULT_ZONE));
        log.info("Job {}: started for {} ({} step(s))", jobId, today, job.steps().size());
        List<StepResult> results = new ArrayList<>();
        for (JobDefinition.Step step : job.steps()) {
            StepType type = stepTypes.get(step.type());
            if (type == null) {
                // check refuses such a job; this is only reached for a configuration built by hand.
                results.add(new StepResult(step.type(), false, "step type not available: " + step.type()));
                continue;
            }
            try {
                Map<String, String> params = new TreeMap<>(step.params());
                params.putAll(runParams);
                String summary = type.run(new StepType.Context(jobId, today, params,
                        new StepType.RunSoFar(startedAt, results)));
                log.info("Job {}: step {}: {}", jobId, step.type(), summary);
                results.add(new StepResult(step.type(), true, summary));
            } catch (RuntimeException e) {
                log.error("Job {}: step {} failed: {}", jobId, step.type(), e.getMessage(), e);
                results.add(new StepResult(step.type(), false, "失败 (failed): " + e.getMessage()));
            }
        }
        Run run = new Run(jobId, today, List.copyOf(results));
        log.info("Job {}: {}", jobId, run.ok() ? "finished" : "finished with failures");
        return run;
    }
}
