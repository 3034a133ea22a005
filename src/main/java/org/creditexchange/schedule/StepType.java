package org.creditexchange.schedule;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** A kind of job step ({@code process-pending}, {@code rematch}, …): a Spring bean, found by {@link #name()}. */
public interface StepType {

    /** The step types built so far: a job naming another is refused by {@code check}. */
    Set<String> AVAILABLE = Set.of("process-pending", "rematch", "archive");

    /** Step types of the design not built yet: {@code check} says so instead of accepting them. */
    Set<String> PLANNED = Set.of("collect", "assessment", "digest");

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
     * @param params the step's parameters
     */
    record Context(String job, LocalDate today, Map<String, String> params) {
    }
}
