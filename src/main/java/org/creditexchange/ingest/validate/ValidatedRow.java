package org.creditexchange.ingest.validate;

import java.util.List;
import java.util.Set;

/**
 * A row with its verdict.
 *
 * @param rowNumber      row number as the clerk sees it
 * @param cells          the original cells, left to right (clear text: mask before showing)
 * @param record         the cleansed record (fields that failed keep their trimmed raw text)
 * @param reasons        every problem found, errors and warnings
 * @param personalFields field keys whose values identify a natural person
 */
public record ValidatedRow(int rowNumber, List<String> cells, CatalogRecord record, List<Reason> reasons,
                           Set<String> personalFields) {

    public ValidatedRow {
        cells = List.copyOf(cells);
        reasons = List.copyOf(reasons);
        personalFields = Set.copyOf(personalFields);
    }

    public RowStatus status() {
        boolean warned = false;
        for (Reason r : reasons) {
            if (r.severity() == Severity.ERROR) {
                return RowStatus.REJECTED;
            }
            warned = true;
        }
        return warned ? RowStatus.WARNED : RowStatus.ACCEPTED;
    }
}
