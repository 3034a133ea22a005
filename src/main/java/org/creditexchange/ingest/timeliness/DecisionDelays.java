package org.creditexchange.ingest.timeliness;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.creditexchange.schedule.WorkingDayCalendar;

/**
 * The reporting delays of one batch's rows, worked out as the rows are staged: the decision date a row states (its
 * item's {@code timeliness-field}, when the value is exactly a valid ISO date) and the {@link ReportingDelay} from it
 * to the day the batch was received. A batch has few distinct decision dates: each is counted once. Safe to use
 * from several threads (rows are staged in parallel).
 */
public final class DecisionDelays {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * A row's decision date and its delay.
     *
     * @param decisionDate the decision date the row states
     * @param delay        working days from it to the receipt
     */
    public record Dated(LocalDate decisionDate, ReportingDelay delay) {
    }

    private final WorkingDayCalendar calendar;
    private final LocalDate received;
    private final Map<LocalDate, Optional<ReportingDelay>> known = new ConcurrentHashMap<>();

    /**
     * @param calendar the working-day calendar
     * @param received the day the batch was received (Asia/Shanghai)
     */
    public DecisionDelays(WorkingDayCalendar calendar, LocalDate received) {
        this.calendar = calendar;
        this.received = received;
    }

    /**
     * The decision date and delay of a row whose decision value is {@code value}; empty when the value is not exactly
     * a valid ISO date (a rejected row keeps what the clerk typed: 2026-02-30 looks like a date and is none) or the
     * decision lies after the receipt.
     */
    public Optional<Dated> of(String value) {
        Optional<LocalDate> decision = decisionDate(value);
        if (decision.isEmpty()) {
            return Optional.empty();
        }
        LocalDate d = decision.get();
        return known.computeIfAbsent(d, k -> ReportingDelay.of(calendar, k, received)).map(delay -> new Dated(d, delay));
    }

    /** The date a value states, when it is exactly a valid ISO date. */
    static Optional<LocalDate> decisionDate(String value) {
        if (value == null || !ISO_DATE.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
