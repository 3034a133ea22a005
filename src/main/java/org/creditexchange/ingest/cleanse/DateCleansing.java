package org.creditexchange.ingest.cleanse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the many ways a clerk writes a calendar date.
 */
public final class DateCleansing {

    /** The date written for "长期" (no expiry) in licence validity columns. */
    private static final LocalDate LONG_TERM = LocalDate.of(2099, 12, 31);

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final int SERIAL_MIN = 20000;
    private static final int SERIAL_MAX = 80000;

    private static final String TIME = "(?:(?:\\s+|T)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?)?";
    private static final Pattern SEPARATED =
            Pattern.compile("([1-9]\\d{3})([-/.])(\\d{1,2})\\2(\\d{1,2})" + TIME);
    private static final Pattern CHINESE =
            Pattern.compile("([1-9]\\d{3})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日" + TIME);
    private static final Pattern COMPACT = Pattern.compile("([1-9]\\d{3})(\\d{2})(\\d{2})");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,7}");

    private DateCleansing() {
    }

    /**
     * Parses a date written as {@code 2026-03-05}, {@code 2026-3-5}, {@code 2026/3/5}, {@code 2026.3.5},
     * {@code 2026年3月5日}, {@code 20260305}, in full-width digits or with surrounding spaces, optionally
     * followed by a time ({@code 2026-03-05 00:00:00}, {@code 2026/3/5 14:30}, {@code 2026-03-05T00:00:00})
     * whose value is ignored. A bare integer from 20000 to 80000 is taken as an Excel serial day number,
     * because CSV exported from Excel writes date cells that way.
     *
     * @param text the cell text; {@code null} or blank gives empty
     * @return the date, or empty for an impossible date (2026-02-30), a two-digit year, an invalid time,
     *         mixed separators or any other form
     */
    public static Optional<LocalDate> parse(String text) {
        String s = HalfWidth.of(text).strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = COMPACT.matcher(s);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        if (INTEGER.matcher(s).matches()) {
            int serial = Integer.parseInt(s);
            if (serial >= SERIAL_MIN && serial <= SERIAL_MAX) {
                return Optional.of(EXCEL_EPOCH.plusDays(serial));
            }
            return Optional.empty();
        }
        m = SEPARATED.matcher(s);
        if (m.matches()) {
            return timeIsValid(m, 5) ? date(m.group(1), m.group(3), m.group(4)) : Optional.empty();
        }
        m = CHINESE.matcher(s);
        if (m.matches()) {
            return timeIsValid(m, 4) ? date(m.group(1), m.group(2), m.group(3)) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Tells whether a date is the conventional stand-in for "长期" (long term, no expiry).
     *
     * @param date the date; {@code null} gives {@code false}
     * @return {@code true} for 2099-12-31
     */
    public static boolean isLongTerm(LocalDate date) {
        return LONG_TERM.equals(date);
    }

    // A time that cannot exist suggests the whole cell is garbage, so the date is not trusted either.
    private static boolean timeIsValid(Matcher m, int hourGroup) {
        if (m.group(hourGroup) == null) {
            return true;
        }
        int hour = Integer.parseInt(m.group(hourGroup));
        int minute = Integer.parseInt(m.group(hourGroup + 1));
        int second = m.group(hourGroup + 2) == null ? 0 : Integer.parseInt(m.group(hourGroup + 2));
        return hour <= 23 && minute <= 59 && second <= 59;
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
