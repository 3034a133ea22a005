package org.creditexchange.ingest.map;

import java.util.List;
import java.util.Map;

/**
 * Where the header of a file is and which column feeds which catalog field: the result of recognising a file.
 *
 * @param itemId          the recognised catalog item
 * @param headerRowNumber the header's row number as the clerk sees it; data starts below it
 * @param headers         the header cells as written, left to right
 * @param columnFields    per column, the catalog field key it feeds, or {@code ""} for a column that feeds none; a
 *                        repeated column of a field is marked {@code key#2} (used when the first one is blank)
 * @param constants       field key → value for fields the file lacks but the source mapping fixes
 * @param sheetIndex      for a workbook, the 0-based index of the visible sheet holding the data (0 for CSV)
 * @param formatId        the known other format the file is in ({@code mappings/formats/}), {@code ""} for the
 *                        current national layout
 * @param refused         columns refused because they carry prohibited data: their values are never kept
 */
public record HeaderLayout(String itemId, int headerRowNumber, List<String> headers, List<String> columnFields,
                           Map<String, String> constants, int sheetIndex, String formatId, List<RefusedColumn> refused) {

    public HeaderLayout {
        headers = List.copyOf(headers);
        columnFields = List.copyOf(columnFields);
        constants = Map.copyOf(constants);
        formatId = formatId == null ? "" : formatId;
        refused = refused == null ? List.of() : List.copyOf(refused);
    }

    /** A layout in the current national format on the first (or only) sheet. */
    public HeaderLayout(String itemId, int headerRowNumber, List<String> headers, List<String> columnFields,
                        Map<String, String> constants) {
        this(itemId, headerRowNumber, headers, columnFields, constants, 0, "", List.of());
    }

    /** A layout without refused columns. */
    public HeaderLayout(String itemId, int headerRowNumber, List<String> headers, List<String> columnFields,
                        Map<String, String> constants, int sheetIndex, String formatId) {
        this(itemId, headerRowNumber, headers, columnFields, constants, sheetIndex, formatId, List.of());
    }

    /** The same layout, found on another sheet. */
    public HeaderLayout onSheet(int index) {
        return new HeaderLayout(itemId, headerRowNumber, headers, columnFields, constants, index, formatId, refused);
    }

    /** The same layout with these columns refused. */
    public HeaderLayout refusing(List<RefusedColumn> columns) {
        return new HeaderLayout(itemId, headerRowNumber, headers, columnFields, constants, sheetIndex, formatId, columns);
    }

    /** Marks a repeated column of a field (the clerk's template holds the same title twice). */
    public static final String REPEAT = "#2";

    /** The field column {@code index} feeds ({@code ""} for none), without the repeat mark. */
    public String fieldOf(int index) {
        String key = index < columnFields.size() ? columnFields.get(index) : "";
        return key.endsWith(REPEAT) ? key.substring(0, key.length() - REPEAT.length()) : key;
    }

    /** Whether column {@code index} repeats a field an earlier column already feeds. */
    public boolean isRepeat(int index) {
        return index < columnFields.size() && columnFields.get(index).endsWith(REPEAT);
    }

    /** Whether column {@code index} was refused. */
    public boolean isRefused(int index) {
        return refused.stream().anyMatch(r -> r.index() == index);
    }

    /**
     * A column refused as prohibited data.
     *
     * @param index    0-based column index
     * @param title    its header as written
     * @param category the kind of prohibited data (e.g. 血型)
     */
    public record RefusedColumn(int index, String title, String category) {
    }
}
