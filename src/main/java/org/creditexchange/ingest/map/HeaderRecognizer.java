package org.creditexchange.ingest.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.ingest.cleanse.TextNormalization;
import org.creditexchange.ingest.read.RawRow;

/**
 * Finds the header row among the first rows of a file and recognises the catalog item from it — in the current
 * national layout (with the unit's own header aliases) or in a known other format such as the older 双公示 format.
 * Title rows, merged title cells, notes and blank rows above the header are normal; header titles match after
 * width, bracket, space and case normalisation, with required-markers ({@code *}, {@code (必填)}) removed.
 */
public final class HeaderRecognizer {

    /** How many rows from the top may hold the header. */
    public static final int HEADER_SEARCH_ROWS = 20;

    private static final int MIN_MATCHED_COLUMNS = 3;
    private static final String IGNORED = "\u0000ignored";

    private final Collection<CatalogItemDefinition> items;
    private final Collection<FormatDefinition> formats;
    private final BiFunction<String, String, Optional<SourceMappingDefinition>> mappings;
    private final String unit;

    /**
     * @param items    the catalog items a file may be
     * @param formats  the known other formats a file may be in
     * @param unit     the sending unit's code (its source mappings add header aliases and constants)
     * @param mappings (unit, item) → the unit's source mapping for the item, if any
     */
    public HeaderRecognizer(Collection<CatalogItemDefinition> items, Collection<FormatDefinition> formats, String unit,
                            BiFunction<String, String, Optional<SourceMappingDefinition>> mappings) {
        this.items = items;
        this.formats = formats;
        this.unit = unit;
        this.mappings = mappings;
    }

    /** Without other formats: the current national layout and the unit's mappings only. */
    public HeaderRecognizer(Collection<CatalogItemDefinition> items, String unit,
                            BiFunction<String, String, Optional<SourceMappingDefinition>> mappings) {
        this(items, List.of(), unit, mappings);
    }

    /** The outcome: a layout, or why there is none. */
    public sealed interface Recognition permits Recognized, NoHeader, MissingColumns {
    }

    /** The file is this item, laid out so. */
    public record Recognized(HeaderLayout layout) implements Recognition {
    }

    /**
     * No row among the first rows looks enough like the header of any catalog item.
     *
     * @param closest       the item whose titles matched best (at least one column), or null when nothing matched
     * @param missingTitles that item's required columns the file lacks
     */
    public record NoHeader(CatalogItemDefinition closest, List<String> missingTitles) implements Recognition {
        public NoHeader() {
            this(null, List.of());
        }
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
        Candidate closest = null;
        int limit = Math.min(firstRows.size(), HEADER_SEARCH_ROWS);
        for (Layout layout : layouts()) {
            for (int r = 0; r < limit; r++) {
                if (layout.onlyRow != null && firstRows.get(r).rowNumber() != layout.onlyRow) {
                    continue; // the unit's mapping fixes the header row
                }
                Candidate c = score(layout, firstRows.get(r));
                if (c.matched >= MIN_MATCHED_COLUMNS && (best == null || c.betterThan(best))) {
                    best = c;
                }
                if (c.matched > 0 && (closest == null || c.betterThan(closest))) {
                    closest = c;
                }
            }
        }
        if (best == null) {
            return closest == null ? new NoHeader() : new NoHeader(closest.layout.item, closest.missing());
        }
        List<String> missing = best.missing();
        if (!missing.isEmpty()) {
            return new MissingColumns(best.layout.item, missing);
        }
        return new Recognized(new HeaderLayout(best.layout.item.id(), best.row.rowNumber(), best.row.cells(),
                best.columnFields, best.layout.constants, 0, best.layout.format == null ? "" : best.layout.format.id()));
    }

    /** The current layout of every item, then every format. */
    private List<Layout> layouts() {
        List<Layout> out = new ArrayList<>();
        for (CatalogItemDefinition item : items) {
            out.add(standard(item));
        }
        for (FormatDefinition format : formats) {
            items.stream().filter(i -> i.id().equals(format.item())).findFirst()
                    .ifPresent(item -> out.add(formatted(item, format)));
        }
        return out;
    }

    private Layout standard(CatalogItemDefinition item) {
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
        Optional<SourceMappingDefinition> mapping = mappings.apply(unit, item.id());
        mapping.ifPresent(m -> m.headerAliases().forEach((key, aliases) -> {
            for (String alias : aliases) {
                forms.put(normalizeHeader(alias), key);
            }
        }));
        Map<String, String> constants = mapping.map(SourceMappingDefinition::constants).orElse(Map.of());
        Integer onlyRow = mapping.map(SourceMappingDefinition::headerRow).orElse(null);
        return new Layout(item, null, forms, Set.of(), constants.keySet(), constants, onlyRow);
    }

    private Layout formatted(CatalogItemDefinition item, FormatDefinition format) {
        Map<String, String> forms = new HashMap<>();
        Set<String> joinable = new HashSet<>();
        format.columns().forEach((key, titles) -> {
            for (String t : titles) {
                forms.put(normalizeHeader(t), key);
            }
            if (titles.size() > 1) {
                joinable.add(key);
            }
        });
        for (String t : format.ignored()) {
            forms.put(normalizeHeader(t), IGNORED);
        }
        // Fields the format does not name may still come under their current titles (a newer column added).
        for (FieldDefinition f : item.fields()) {
            if (!format.columns().containsKey(f.key())) {
                forms.putIfAbsent(normalizeHeader(f.title()), f.key());
            }
        }
        Set<String> filled = new HashSet<>(format.relaxed());
        format.derive().forEach(d -> filled.add(d.field()));
        return new Layout(item, format, forms, joinable, filled, Map.of(), null);
    }

    private Candidate score(Layout layout, RawRow row) {
        List<String> columnFields = new ArrayList<>();
        int matched = 0;
        for (String cell : row.cells()) {
            String key = layout.forms.get(normalizeHeader(cell));
            if (IGNORED.equals(key)) {
                columnFields.add("");
                matched++;
            } else if (key != null && (!columnFields.contains(key) || layout.joinable.contains(key))) {
                columnFields.add(key);
                matched++;
            } else if (key != null) {
                // The same title twice: kept, used where the first is blank, and the clerk is told.
                columnFields.add(key + HeaderLayout.REPEAT);
            } else {
                columnFields.add("");
            }
        }
        return new Candidate(layout, row, columnFields, matched);
    }

    /** The form header titles are compared in. */
    static String normalizeHeader(String title) {
        String s = TextNormalization.forMatching(title);
        s = s.replace("(必填)", "").replace("(选填)", "").replace("(可选)", "").replace("*", "");
        return s;
    }

    /**
     * One way a header may look: an item's current titles, or a format's.
     *
     * @param filled  fields the layout supplies itself (constants, derived or relaxed): not missing when absent
 * @param onlyRow the header row the unit's mapping fixes, or null
     */
    private record Layout(CatalogItemDefinition item, FormatDefinition format, Map<String, String> forms,
                          Set<String> joinable, Set<String> filled, Map<String, String> constants, Integer onlyRow) {
    }

    private record Candidate(Layout layout, RawRow row, List<String> columnFields, int matched) {

        List<String> missing() {
            List<String> missing = new ArrayList<>();
            for (FieldDefinition f : layout.item.fields()) {
                if (f.required() && !columnFields.contains(f.key()) && !layout.filled.contains(f.key())) {
                    missing.add(f.title());
                }
            }
            return missing;
        }

        boolean betterThan(Candidate other) {
            if (matched != other.matched) {
                return matched > other.matched;
            }
            // Same number of matches: the current standard before an older format, then the layout whose columns
            // the header covers more fully.
            if ((layout.format == null) != (other.layout.format == null)) {
                return layout.format == null;
            }
            double mine = (double) matched / layout.forms.size();
            double theirs = (double) other.matched / other.layout.forms.size();
            return mine > theirs;
        }
    }
}
