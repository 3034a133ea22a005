package org.creditexchange.ingest.timeliness;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.creditexchange.schedule.WorkingDayCalendar;

/**
 * How late a row was reported: the working days from its decision date to the day its batch was received, counted as
 * {@link WorkingDayCalendar#workingDaysBetween} counts them (the decision day itself not counted, the receipt day
 * counted), so a decision on 2026-09-30 received on 2026-10-12 is 4 (国庆 10-01..10-07, 10-10 worked).
 *
 * <p>A day in a year without a calendar file ({@code schedules/calendar-<year>.yaml}) is counted as a working day when
 * it is Monday–Friday and the delay is marked approximate: the delay of data already received is a fact to record,
 * not a deadline to guess, and failing the batch for a missing calendar would lose the data. Such a count takes
 * weekday holidays for working days and misses 调休 weekend days: a few days a year at most.
 *
 * @param workingDays working days from the decision to the receipt, 0 when received on the decision day
 * @param approximate some of the days lie in a year without a calendar file and were counted Monday–Friday
 */
public record ReportingDelay(int workingDays, boolean approximate) {

    /** Rows are due within this many working days of the decision (DOMAIN.md §1, 双公示). */
    public static final int LIMIT = 7;

    public ReportingDelay {
        if (workingDays < 0) {
            throw new IllegalArgumentException("a reporting delay is not negative: " + workingDays);
        }
    }

    /** Reported more than {@link #LIMIT} working days after the decision (迟报). */
    public boolean late() {
        return workingDays > LIMIT;
    }

    /**
     * The delay of a row decided on {@code decision} and received on {@code received}; empty when the decision lies
     * after the receipt (a decision in the future has no reporting delay: the item's not-future rule, where it has
     * one, rejects the row; elsewhere it counts neither as on time nor as late). Never throws for a missing calendar
     * year.
     */
    public static Optional<ReportingDelay> of(WorkingDayCalendar calendar, LocalDate decision, LocalDate received) {
        if (decision.isAfter(received)) {
            return Optional.empty();
        }
        long days = 0;
        boolean approximate = false;
        LocalDate first = decision.plusDays(1);
        for (int year = first.getYear(); year <= received.getYear(); year++) {
            LocalDate from = max(first, LocalDate.of(year, 1, 1));
            LocalDate to = min(received, LocalDate.of(year, 12, 31));
            if (from.isAfter(to)) {
                continue;
            }
            if (calendar.years().contains(year)) {
                // (from - 1, to]: the day before lies outside the count, so it needs no calendar of its own.
                days += calendar.workingDaysBetween(from.minusDays(1), to);
            } else {
                days += weekdays(from, to);
                approximate = true;
            }
        }
        return Optional.of(new ReportingDelay(Math.toIntExact(days), approximate));
    }

    /** Monday–Friday days in {@code [from, to]}, without walking every day of a long span. */
    static long weekdays(LocalDate from, LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to) + 1;
        long count = span / 7 * 5;
        LocalDate day = from.plusDays(span / 7 * 7);
        for (; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                count++;
            }
        }
        return count;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
