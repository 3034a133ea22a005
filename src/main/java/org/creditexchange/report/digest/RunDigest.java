package org.creditexchange.report.digest;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a run did, per unit, for the operators who were asleep: written by the {@code digest} step.
 *
 * @param job   the job id
 * @param from  start of the window reported on
 * @param to    end of the window (when the digest was made)
 * @param steps the run's steps before the digest, with their summaries
 * @param units one entry per configured unit, silent ones too
 */
public record RunDigest(String job, OffsetDateTime from, OffsetDateTime to, List<Step> steps, List<Unit> units) {

    public RunDigest {
        steps = List.copyOf(steps);
        units = List.copyOf(units);
    }

    /** True when a step failed, a batch failed or a channel could not be reached. */
    public boolean hasFailures() {
        return steps.stream().anyMatch(s -> !s.ok()) || units.stream().anyMatch(u -> !u.failures().isEmpty());
    }

    /** One step of the run. */
    public record Step(String type, boolean ok, String summary) {
    }

    /**
     * One unit over the window.
     *
     * @param code            unit code
     * @param name            unit name
     * @param batches         batches received in the window
     * @param done            of which processed (DONE)
     * @param rejected        of which refused as a whole (REJECTED)
     * @param duplicates      of which duplicates
     * @param rowsReceived    rows of the processed batches
     * @param rowsLoaded      rows accepted
     * @param rowsRejected    rows rejected
     * @param lateRecords     accepted rows reported more than 7 working days after their decision, -1 when unknown
     * @param failures        what failed: FAILED batches and unreachable channels, one line each
     * @param pendingFeedback feedback deliveries still pending
     */
    public record Unit(String code, String name, int batches, int done, int rejected, int duplicates, long rowsReceived,
                       long rowsLoaded, long rowsRejected, long lateRecords, List<String> failures, int pendingFeedback) {

        public Unit {
            failures = List.copyOf(failures);
        }

        public boolean silent() {
            return batches == 0 && failures.isEmpty();
        }
    }
}
