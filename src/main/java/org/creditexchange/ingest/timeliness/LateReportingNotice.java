package org.creditexchange.ingest.timeliness;

import java.util.List;
import java.util.stream.Collectors;
import org.creditexchange.feedback.FeedbackReport;
import org.creditexchange.ingest.validate.ReasonMessages;

/**
 * The file-level notice that tells the clerk which rows of the batch were reported late (迟报): a warning about the
 * batch as a whole, not a reason on the rows, so that row verdicts and counts stay what validation made them.
 */
public final class LateReportingNotice {

    /** The notice's stable code. */
    public static final String CODE = "LATE_REPORTING";
    /** How many row numbers the notice lists before it says 等. */
    static final int ROWS_SHOWN = 20;

    private LateReportingNotice() {
    }

    /**
     * The notice for {@code late} late rows of which {@code firstRows} are the first (at most {@link #ROWS_SHOWN} are
     * shown).
     *
     * @param fieldTitle the decision-date field's title, e.g. 处罚决定日期
     * @throws IllegalArgumentException when there is no late row
     */
    public static FeedbackReport.FileProblem of(long late, List<Integer> firstRows, String fieldTitle) {
        if (late <= 0 || firstRows.isEmpty()) {
            throw new IllegalArgumentException("no late row to tell of");
        }
        String rows = firstRows.stream().limit(ROWS_SHOWN).map(String::valueOf).collect(Collectors.joining("、"))
                + (late > Math.min(firstRows.size(), ROWS_SHOWN) ? "等" : "");
        Object[] args = {String.valueOf(late), fieldTitle, String.valueOf(ReportingDelay.LIMIT), rows};
        return new FeedbackReport.FileProblem(CODE, ReasonMessages.message(CODE, args), ReasonMessages.hint(CODE, args));
    }
}
