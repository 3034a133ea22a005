package org.creditexchange.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditexchange.ingest.cleanse.TextNormalization;

/** Tells whether a column header names prohibited data, and which kind. */
public final class ProhibitedData {

    private final List<ProhibitedDataDefinition.Category> everywhere = new ArrayList<>();
    private final List<ProhibitedDataDefinition.Category> personal;

    public ProhibitedData(ProhibitedDataDefinition definition) {
        everywhere.addAll(definition.always());
        everywhere.addAll(definition.local());
        personal = definition.ofNaturalPersons();
    }

    /** Nothing is prohibited (for tests of other parts). */
    public static ProhibitedData none() {
        return new ProhibitedData(new ProhibitedDataDefinition(null, null, null));
    }

    /**
     * The category {@code header} belongs to, or empty.
     *
     * @param coversPersons whether the file's item covers natural persons (then personal finances are refused too)
     */
    public Optional<String> category(String header, boolean coversPersons) {
        String h = TextNormalization.forMatching(header);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> c = match(h, everywhere);
        return c.isPresent() || !coversPersons ? c : match(h, personal);
    }

    /** Whether an item covers natural persons. */
    public static boolean coversPersons(CatalogItemDefinition item) {
        return item.subjectKinds().contains("自然人");
    }

    private static Optional<String> match(String header, List<ProhibitedDataDefinition.Category> categories) {
        for (ProhibitedDataDefinition.Category c : categories) {
            for (String k : c.keywords()) {
                if (header.contains(TextNormalization.forMatching(k))) {
                    return Optional.of(c.category());
                }
            }
        }
        return Optional.empty();
    }
}
