package org.creditexchange.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which days are working days, for the years whose {@code schedules/calendar-<year>.yaml} is loaded, and the
 * working-day arithmetic of the regulations' deadlines (report within 7 working days of a decision, correct within 5,
 * notify within 2). Immutable and thread-safe.
 *
 * <p>A day is a working day when it is Monday–Friday and not a holiday, or when it is an adjusted working day
 * (调休上班). Every method looks only at the days it needs; when one of them lies in a year that is not loaded it
 * throws {@link CalendarYearMissingException} naming that year's file — it never guesses.
 */
public final class WorkingDayCalendar {

    private static final WorkingDayCalendar EMPTY = new WorkingDayCalendar(new TreeMap<>());

    /** Year → bit (day of year − 1) set when that day is a working day. */
    private final Map<Integer, BitSet> working;
    private final SortedSet<Integer> years;

    private WorkingDayCalendar(TreeMap<Integer, BitSet> working) {
        this.working = working;
        this.years = Collections.unmodifiableSortedSet(new TreeSet<>(working.keySet()));
    }

    /** No year loaded: every working-day question throws {@link CalendarYearMissingException}. */
    public static WorkingDayCalendar empty() {
        return EMPTY;
    }

    /**
     * The calendar of the given years (usually checked by the configuration loader first).
     *
     * @throws IllegalArgumentException when a year is missing or given twice, or a date lies outside its year
     */
    public static WorkingDayCalendar of(Collection<CalendarDefinition> definitions) {
        TreeMap<Integer, BitSet> working = new TreeMap<>();
        for (CalendarDefinition d : definitions) {
            if (d.year() == null) {
                throw new IllegalArgumentException("a calendar without year");
            }
            int year = d.year();
            if (working.containsKey(year)) {
                throw new IllegalArgumentException("calendar year " + year + " given twice");
            }
            BitSet days = new BitSet();
            LocalDate first = LocalDate.of(year, 1, 1);
            int length = Year.of(year).length();
            for (int i = 0; i < length; i++) {
                if (!weekend(first.plusDays(i))) {
                    days.set(i);
                }
            }
            for (CalendarDefinition.Holiday h : d.holidays()) {
                for (LocalDate day = inYear(h.from(), year); !day.isAfter(inYear(h.last(), year)); day = day.plusDays(1)) {
                    days.clear(day.getDayOfYear() - 1);
                }
            }
            for (CalendarDefinition.AdjustedWorkingDay a : d.adjustedWorkingDays()) {
                days.set(inYear(a.date(), year).getDayOfYear() - 1);
            }
            working.put(year, days);
        }
        return new WorkingDayCalendar(working);
    }

    /** The loaded years, ascending. */
    public SortedSet<Integer> years() {
        return years;
    }

    /** Whether the date's year is loaded, i.e. whether questions about it can be answered. */
    public boolean covers(LocalDate date) {
        return working.containsKey(date.getYear());
    }

    /**
     * Whether {@code date} is a working day.
     *
     * @throws CalendarYearMissingException when the date's year is not loaded
     */
    public boolean isWorkingDay(LocalDate date) {
        return year(date.getYear()).get(date.getDayOfYear() - 1);
    }

    /**
     * The number of working days in {@code year}.
     *
     * @throws CalendarYearMissingException when the year is not loaded
     */
    public int workingDays(int year) {
        return year(year).cardinality();
    }

    /**
     * The {@code n}-th working day after {@code start}: {@code start} itself is never counted, whether working or
     * not, so {@code addWorkingDays(friday, 1)} is the next Monday in an ordinary week. For {@code n = 0}: {@code start}
     * itself when it is a working day, otherwise the next working day.
     *
     * @param n number of working days, at least 0
     * @throws IllegalArgumentException     when {@code n} is negative
     * @throws CalendarYearMissingException when a day to be examined lies in a year that is not loaded
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days to add must not be negative: " + n);
        }
        LocalDate day = start;
        if (n == 0) {
            while (!isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            return day;
        }
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The number of working days {@code d} with {@code from < d <= to}: {@code from} is not counted, {@code to} is
     * (so two consecutive working days are 1 apart, and a Friday to the next Monday is 1). When {@code to} is before
     * {@code from} the result is the negated count of {@code (to, from]}; equal dates give 0. For {@code n >= 1},
     * {@code workingDaysBetween(s, addWorkingDays(s, n)) == n}.
     *
     * @throws CalendarYearMissingException when a counted day lies in a year that is not loaded
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The last day of a period of {@code workingDays} working days counted from a decision: the
     * {@code workingDays}-th working day after the decision date (the decision day itself is not counted, whether
     * or not it is a working day). A delivery on or before this date is in time. Same as
     * {@link #addWorkingDays(LocalDate, int)}.
     *
     * @throws CalendarYearMissingException when the deadline runs into a year that is not loaded
     */
    public LocalDate deadline(LocalDate decision, int workingDays) {
        return addWorkingDays(decision, workingDays);
    }

    /**
     * Whether something delivered on {@code delivered} is within {@code workingDays} working days of
     * {@code decision}, i.e. {@code workingDaysBetween(decision, delivered) <= workingDays}. Only the days up to the
     * delivery are examined, so a delivery in time needs no calendar beyond its own date.
     *
     * @throws CalendarYearMissingException when a day between the two dates lies in a year that is not loaded
     */
    public boolean isWithin(LocalDate decision, LocalDate delivered, int workingDays) {
        if (delivered.isAfter(decision)) {
            // Stop counting as soon as the limit is passed: a very late delivery needs no calendar beyond that.
            int count = 0;
            for (LocalDate day = decision.plusDays(1); !day.isAfter(delivered); day = day.plusDays(1)) {
                if (isWorkingDay(day) && ++count > workingDays) {
                    return false;
                }
            }
        }
        return true;
    }

    private BitSet year(int year) {
        BitSet days = working.get(year);
        if (days == null) {
            throw new CalendarYearMissingException(year, years);
        }
        return days;
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate inYear(LocalDate date, int year) {
        if (date == null || date.getYear() != year) {
            throw new IllegalArgumentException("date " + date + " is not in calendar year " + year);
        }
        return date;
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar" + years;
    }
}
