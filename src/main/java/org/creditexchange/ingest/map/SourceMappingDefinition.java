package org.creditexchange.ingest.map;

import java.util.List;
import java.util.Map;

/**
 * How one source unit's files for one catalog item deviate from the standard template, as declared in
 * {@code mappings/sources/<unit>/<item>.yaml}. A unit that uses the standard template needs none.
 *
 * @param unit             the connector code
 * @param item             the catalog item id
 * @param headerAliases    field key → further header titles this unit uses for it
 * @param constants        field key → value used for every row when the file has no such column
 * @param codeTranslations field key → (source code → canonical value), applied before code checks
 * @param headerRow        the header's row number when it is always the same (1-based, as the clerk sees it),
 *                         or null to search the first rows
 * @param sheet            the name of the sheet holding the data, or null to take the first sheet with a header
 * @param dateFormats      date patterns this unit writes (java.time, e.g. {@code dd/MM/yyyy}), tried before the
 *                         usual forms — for orders the usual forms cannot tell apart
 */
public record SourceMappingDefinition(String unit, String item, Map<String, List<String>> headerAliases,
                                      Map<String, String> constants,
                                      Map<String, Map<String, String>> codeTranslations,
                                      Integer headerRow, String sheet, List<String> dateFormats) {

    public SourceMappingDefinition {
        headerAliases = headerAliases == null ? Map.of() : Map.copyOf(headerAliases);
        constants = constants == null ? Map.of() : Map.copyOf(constants);
        codeTranslations = codeTranslations == null ? Map.of() : Map.copyOf(codeTranslations);
        dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
    }

    /** A mapping of aliases, constants and translations only. */
    public SourceMappingDefinition(String unit, String item, Map<String, List<String>> headerAliases,
                                   Map<String, String> constants, Map<String, Map<String, String>> codeTranslations) {
        this(unit, item, headerAliases, constants, codeTranslations, null, null, null);
    }
}
