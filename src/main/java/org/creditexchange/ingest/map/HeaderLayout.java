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
 */
public record HeaderLayout(String itemId, int headerRowNumber, List<String> headers, List<String> columnFields,
                           Map<String, String> constants) {

    public HeaderLayout {
        headers = List.copyOf(headers);
        columnFields = List.copyOf(columnFields);
        constants = Map.copyOf(constants);
    }
}
