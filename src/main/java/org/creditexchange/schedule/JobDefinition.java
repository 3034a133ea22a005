package org.creditexchange.schedule;

import java.util.List;
import java.util.Map;

/**
 * A job ({@code jobs/<id>.yaml}): named steps run in order, each of a known step type.
 *
 * @param id    equals the file name
 * @param title what the job is for (shown to operators)
 * @param steps the steps, in order
 */
public record JobDefinition(String id, String title, List<Step> steps) {

    public JobDefinition {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * One step.
     *
     * @param type   a step type name, e.g. {@code process-pending}
     * @param params optional parameters of the step
     */
    public record Step(String type, Map<String, String> params) {

        public Step {
            params = params == null ? Map.of() : Map.copyOf(params);
        }
    }
}
