package org.creditexchange.schedule;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** A kind of job step ({@code process-pending}, {@code rematch}, …): a Spring bean, found by {@link #name()}. */
public interface StepType {

    /** The step types built so far: a job naming another is refused by {@code check}. */
    Set<String> AVAILABLE = Set.of("collect", "process-pending", "rematch", "archive", "assessment", "digest");

    /** The name used in {@code jobs/*.yaml}. */
    String name();

    /**
     * Runs the step.
     *
     * @return a one-line summary with counts, for the operator and the log
     * @throws RuntimeException when the step itself failed
     */
    String run(Context context);

    /**
     * What a step is run with.
     *
     * @param job    the job id
     * @param today  the business date (Asia/Shanghai) of the run
     * @param params the step's parameters: those of the job file, overridden by the run's ({@code run job k=v})
     * @param run    the run so far: when it started and the steps already done (a digest reports on them)
     */
    record Context(String job, LocalDate today, Map<String, String> params, RunSoFar run) {

        public Context {
            params = Map.copyOf(params);
        }

        /** A parameter, or {@code fallback} when absent or blank. */
        public String param(String key, String fallback) {
            String v = params.get(key);
            return v == null || v.isBlank() ? fallback : v.trim();
        }
    }

    /**
     * What a step can know of the run it belongs to.
     *
     * @param startedAt when the run started
     * @param done      the steps finished before this one, in order
     */
    record RunSoFar(java.time.OffsetDateTime startedAt, java.util.List<JobRunner.StepResult> done) {

        public RunSoFar {
            done = java.util.List.copyOf(done);
        }
    }
}
