package org.creditexchange.schedule;

import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * A working-day question touched a year for which no {@code schedules/calendar-<year>.yaml} is loaded. Holidays are
 * announced year by year: a deadline that runs past the last loaded year is an error to report, not a guess.
 */
public class CalendarYearMissingException extends RuntimeException {

    private final int year;

    public CalendarYearMissingException(int year, SortedSet<Integer> loaded) {
        super("no working-day calendar for " + year + ": add schedules/calendar-" + year + ".yaml ("
                + (loaded.isEmpty() ? "no calendar year is loaded"
                : "loaded: " + loaded.stream().map(String::valueOf).collect(Collectors.joining(", "))) + ")");
        this.year = year;
    }

    /** The year whose calendar file is missing. */
    public int year() {
        return year;
    }
}
