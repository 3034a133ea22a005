package org.creditexchange.ingest.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.ingest.cleanse.TextNormalization;
import org.creditexchange.ingest.read.RawRow;

/**
 * Finds the header row among the first rows of a file and recognises the catalog item from it. Title rows,
 * merged title cells, notes and blank rows above the header are normal; header titles match after width,
 * bracket, space and case normalisation, with required-markers ({@code *}, {@code (必填)}) removed.
 */
public final class HeaderRecognizer {

    /** How many rows from the top may hold the header. */
    public static final int HEADER_SEARCH_ROWS = 20;

    private static final int MIN_MATCHED_COLUMNS = 3;

    private final Collection<CatalogItemDefinition> items;
    private final BiFunction<String, String, Optional<SourceMappingDefinition>> mappings;
    private final String unit;

    /**
     * @param items    the catalog items a file may be
     * @param unit     the sending unit's code (its source mappings add header aliases and constants)
     * @param mappings (unit, item) → the unit's source mapping for the item, if any
     */
    public HeaderRecognizer(Collection<CatalogItemDefinition> items, String unit,
                            BiFunction<String, String, Optional<SourceMappingDefinition>> mappings) {
        this.items = items;
        this.unit = unit;
        this.mappings = mappings;
    }

    /** The outcome: a layout, or why there is none. */
    public sealed interface Recognition permits Recognized, NoHeader, MissingColumns {
    }

    /** The file is this item, laid out so. */
    public record Recognized(HeaderLayout layout) implements Recognition {
    }

    /** No row among the first rows looks like the header of any catalog item. */
    public record NoHeader() implements Recognition {
    }

    /** The header names this item but lacks required columns (their Chinese titles). */
    public record MissingColumns(CatalogItemDefinition item, List<String> missingTitles) implements Recognition {
    }

    /**
     * Recognises the file from its first rows.
     *
     * @param firstRows the file's first rows in order (at most {@link #HEADER_SEARCH_ROWS} are looked at)
     */
    public Recognition recognize(List<RawRow> firstRows) {
        Candidate best = null;
        int limit = Math.min(firstRows.size(), HEADER_SEARCH_ROWS);
        for (CatalogItemDefinition item : items) {
            Map<String, String> forms = headerForms(item);
            for (int r = 0; r < limit; r++) {
                Candidate c = score(item, forms, firstRows.get(r));
                if (c.matched >= MIN_MATCHED_COLUMNS && (best == null || c.betterThan(best))) {
                    best = c;
                }
            }
        }
        if (best == null) {
            return new NoHeader();
        }
        List<String> missing = new ArrayList<>();
        for (FieldDefinition f : best.item.fields()) {
            if (f.required() && !best.columnFields.contains(f.key()) && !best.constants.containsKey(f.key())) {
                missing.add(f.title());
            }
        }
        if (!missing.isEmpty()) {
            return new MissingColumns(best.item, missing);
        }
        return new Recognized(new HeaderLayout(best.item.id(), best.row.rowNumber(), best.row.cells(),
                best.columnFields, best.constants));
    }

    private Candidate score(CatalogItemDefinition item, Map<String, String> forms, RawRow row) {
        List<String> columnFields = new ArrayList<>();
        int matched = 0;
        for (String cell : row.cells()) {
            String key = forms.get(normalizeHeader(cell));
            if (key != null && !columnFields.contains(key)) {
                columnFields.add(key);
                matched++;
            } else {
                columnFields.add("");
            }
        }
        Map<String, String> constants = mappings.apply(unit, item.id())
                .map(SourceMappingDefinition::constants).orElse(Map.of());
        return new Candidate(item, row, columnFields, constants, matched);
    }

    private Map<String, String> headerForms(CatalogItemDefinition item) {
        Map<String, String> forms = new HashMap<>();
        for (FieldDefinition f : item.fields()) {
            forms.putIfAbsent(normalizeHeader(f.title()), f.key());
            if (f.column() != null) {
                forms.putIfAbsent(normalizeHeader(f.column()), f.key());
            }
            for (String alias : f.aliases()) {
                forms.putIfAbsent(normalizeHeader(alias), f.key());
            }
        }
        mappings.apply(unit, item.id()).ifPresent(m -> m.headerAliases().forEach((key, aliases) -> {
            for (String alias : aliases) {
                forms.put(normalizeHeader(alias), key);
            }
        }));
        return forms;
    }

    /** The form header titles are compared in. */
    static String normalizeHeader(String title) {
        String s = TextNormalization.forMatching(title);
        s = s.replace("(必填)", "").replace("(选填)", "").replace("(可选)", "").replace("*", "");
        return s;
    }

    private record Candidate(CatalogItemDefinition item, RawRow row, List<String> columnFields,
                             Map<String, String> constants, int matched) {

        boolean betterThan(Candidate other) {
            if (matched != other.matched) {
                return matched > other.matched;
            }
            // Same number of matches: the item whose fields the header covers more fully wins.
            double mine = (double) matched / item.fields().size();
            double theirs = (double) other.matched / other.item.fields().size();
            return mine > theirs;
        }
    }
}
