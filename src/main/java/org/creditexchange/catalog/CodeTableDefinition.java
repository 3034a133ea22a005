package org.creditexchange.catalog;

import java.util.List;

/**
 * A code list (代码表), as declared in {@code mappings/codes/<id>.yaml}, shared between catalog items.
 *
 * @param id          stable id, equal to the file name without {@code .yaml}
 * @param title       Chinese title
 * @param entries     the canonical values and what else means them
 * @param otherPrefix a prefix after which free text is allowed (e.g. {@code 其他-} in 证件类型), or null
 */
public record CodeTableDefinition(String id, String title, List<Entry> entries, String otherPrefix) {

    public CodeTableDefinition {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /**
     * One code value.
     *
     * @param value   the canonical value stored and reported
     * @param aliases codes and spellings that sources send for it (e.g. {@code "1"}, {@code "01"})
     */
    public record Entry(String value, List<String> aliases) {
        public Entry {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }
}
