package org.creditexchange.catalog;

import java.util.List;

/**
 * The data that is never collected, as declared in {@code mappings/prohibited-data.yaml}.
 *
 * @param always           refused in every file
 * @param ofNaturalPersons refused in files of items that cover natural persons
 * @param local            refused in every file: the additions of local regulations
 */
public record ProhibitedDataDefinition(List<Category> always, List<Category> ofNaturalPersons, List<Category> local) {

    public ProhibitedDataDefinition {
        always = always == null ? List.of() : List.copyOf(always);
        ofNaturalPersons = ofNaturalPersons == null ? List.of() : List.copyOf(ofNaturalPersons);
        local = local == null ? List.of() : List.copyOf(local);
    }

    /**
     * One kind of prohibited data.
     *
     * @param category its Chinese name, shown in feedback
     * @param keywords a header containing any of these carries it
     */
    public record Category(String category, List<String> keywords) {
        public Category {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }
}
