package org.creditexchange.ingest.map;

import java.util.List;
import java.util.Map;

/**
 * A data row with its cells assigned to catalog fields, nothing cleansed yet.
 *
 * @param rowNumber  row number as the clerk sees it
 * @param cells      the original cells, left to right
 * @param rawByField field key → raw text ({@code ""} when the file has no column for the field)
 */
public record MappedRow(int rowNumber, List<String> cells, Map<String, String> rawByField) {

    public String raw(String field) {
        return rawByField.getOrDefault(field, "");
    }
}
