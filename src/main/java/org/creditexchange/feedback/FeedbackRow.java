package org.creditexchange.feedback;

import java.util.List;
import org.creditexchange.ingest.validate.Reason;
import org.creditexchange.ingest.validate.RowStatus;

/**
 * One data row of a batch as the feedback shows it.
 *
 * @param rowNumber row number as the clerk sees it in a spreadsheet program
 * @param status    the row's verdict
 * @param reasons   the row's problems (errors and warnings), empty for a clean accepted row
 * @param cells     the row's original cell texts in file order, personal ID numbers masked; null when the feedback
 *                  does not show the row (an accepted row without reasons)
 */
public record FeedbackRow(int rowNumber, RowStatus status, List<Reason> reasons, List<String> cells) {
}
