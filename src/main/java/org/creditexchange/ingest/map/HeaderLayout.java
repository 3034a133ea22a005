package org.creditexchange.ingest.map;

import java.util.List;
import java.util.Map;

/**
 * Where the header of a file is and which column feeds which catalog field: the result of recognising a file.
 *
 * @param itemId          the recognised catalog item
 * @param headerRowNumber the header's row number as the clerk sees it; data starts below it
 * @param headers         the header cells as written, left to right
 * @param columnFields    per column, the catalog field key it feeds, or {@code ""} for a column that feeds none
 * @param constants       field key → value for fields the file lacks but the source mapping fixes
 * @param sheetIndex      for a workbook, the 0-based index of the visible sheet holding the data (0 for CSV)
 */
public record HeaderLayout(String itemId, int headerRowNumber, List<String> headers, List<String> columnFields,
                           Map<String, String> constants, int sheetIndex) {

    public HeaderLayout {
        headers = List.copyOf(headers);
        columnFields = List.copyOf(columnFields);
        constants = Map.copyOf(constants);
    }

    /** A layout on the first (or only) sheet. */
    public HeaderLayout(String itemId, int headerRowNumber, List<String> headers, List<String> columnFields,
                        Map<String, String> constants) {
        this(itemId, headerRowNumber, headers, columnFields, constants, 0);
    }

    /** The same layout, found on another sheet. */
    public HeaderLayout onSheet(int index) {
        return new HeaderLayout(itemId, headerRowNumber, headers, columnFields, constants, index);
    }
}
