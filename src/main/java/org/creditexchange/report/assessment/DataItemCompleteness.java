package org.creditexchange.report.assessment;

import java.util.Map;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.FieldDefinition;

/**
 * 完整率 of one row: of the item's data items required for this row — those declared {@code required}, and those
 * {@code required-if} whose condition holds for the row's values — how many hold a value. A data item an older format
 * lacks counts as required all the same: the measure is against the current catalog.
 */
final class DataItemCompleteness {

    /** Required and filled data items of one row. */
    record Count(long filled, long required) {
    }

    private final CatalogItemDefinition item;

    DataItemCompleteness(CatalogItemDefinition item) {
        this.item = item;
    }

    /**
     * @param values the row's canonical values by field key (as staged); an absent or blank value is not filled
     */
    Count count(Map<String, String> values) {
        int required = 0;
        int filled = 0;
        for (FieldDefinition f : item.fields()) {
            boolean needed = f.required()
                    || f.requiredIf() != null && f.requiredIf().holdsFor(valueOf(values, f.requiredIf().field()));
            if (needed) {
                required++;
                if (!valueOf(values, f.key()).isEmpty()) {
                    filled++;
                }
            }
        }
        return new Count(filled, required);
    }

    private static String valueOf(Map<String, String> values, String key) {
        String v = values.get(key);
        return v == null ? "" : v.strip();
    }
}
