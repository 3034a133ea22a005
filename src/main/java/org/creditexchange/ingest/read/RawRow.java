package org.creditexchange.ingest.read;

import java.util.List;

/**
 * One row as read from a file, before any mapping: positional cell texts.
 *
 * @param rowNumber the row number as the clerk sees it: the 1-based spreadsheet row for XLSX/XLS,
 *                  the 1-based record position (title and header rows counted) for CSV
 * @param cells     cell texts left to right; a missing or blank cell is {@code ""}, never null
 */
public record RawRow(int rowNumber, List<String> cells) {

    public RawRow {
        cells = List.copyOf(cells);
    }

    /** The cell at {@code index}, or {@code ""} when the row is shorter. */
    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    /** True when every cell is blank after trimming (such rows are not data). */
    public boolean isBlank() {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
