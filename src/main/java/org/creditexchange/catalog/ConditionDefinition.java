package org.creditexchange.catalog;

import java.util.List;

/**
 * "When field X holds one of these values": used by {@code required-if} and {@code check-if}.
 *
 * @param field the catalog field key whose (cleansed, canonical) value is tested
 * @param in    the canonical values that make the condition true
 */
public record ConditionDefinition(String field, List<String> in) {

    public ConditionDefinition {
        in = in == null ? List.of() : List.copyOf(in);
    }
}
