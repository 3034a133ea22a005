package org.creditexchange.catalog;

import java.util.List;

/**
 * "When field X holds one of these values" (or "when field X is filled in"): used by {@code required-if},
 * {@code check-if} and rules.
 *
 * @param field  the catalog field key whose (cleansed, canonical) value is tested
 * @param in     the canonical values that make the condition true
 * @param filled true: the condition holds whenever the field has any value ({@code in} is then not used)
 */
public record ConditionDefinition(String field, List<String> in, boolean filled) {

    public ConditionDefinition {
        in = in == null ? List.of() : List.copyOf(in);
    }

    public ConditionDefinition(String field, List<String> in) {
        this(field, in, false);
    }

    /** Whether the condition holds for the field's canonical value ({@code ""} when blank). */
    public boolean holdsFor(String value) {
        return filled ? value != null && !value.isEmpty() : in.contains(value);
    }
}
