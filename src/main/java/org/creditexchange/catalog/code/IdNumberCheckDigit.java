package org.creditexchange.catalog.code;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Check character of the citizen identity number (居民身份证号码, GB 11643-1999),
 * including the upgrade of the legacy 15-digit form.
 */
public final class IdNumberCheckDigit {

    /** The first problem found in a number, in the order the checks are made. */
    public enum Problem {
        /** Not exactly 18 characters (or {@code null}). */
        LENGTH,
        /** A non-digit in the first 17 positions, or a last character other than a digit or {@code X}. */
        CHARACTER,
        /** Positions 7–14 are not a real date between 1900-01-01 and today. */
        BIRTH_DATE,
        /** The 18th character does not match the computed check character. */
        CHECK_DIGIT
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final int LENGTH = 18;
    private static final int LEGACY_LENGTH = 15;

    private IdNumberCheckDigit() {
    }

    /**
     * Brings a typed number into the canonical 18-character form where that is possible.
     *
     * <p>Strips surrounding whitespace (including the ideographic space), turns full-width digits and
     * {@code Ｘ}/{@code ｘ} into ASCII, upper-cases, and upgrades a 15-digit legacy number with a real
     * {@code yyMMdd} birth date to 18 characters. Anything else is returned stripped and upper-cased
     * but otherwise unchanged, so that {@link #diagnose(String, LocalDate)} can say what is wrong with it.
     *
     * @param number the number as typed; {@code null} gives {@code ""}
     * @return the normalised number, never {@code null}
     */
    public static String normalize(String number) {
        if (number == null) {
            return "";
        }
        String stripped = number.strip();
        StringBuilder sb = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c >= '０' && c <= '９') {
                c = (char) (c - '０' + '0');
            } else if (c == 'Ｘ' || c == 'ｘ') {
                c = 'X';
            }
            sb.append(c);
        }
        String s = sb.toString().toUpperCase(Locale.ROOT);
        if (isUpgradable(s)) {
            return upgrade15(s);
        }
        return s;
    }

    /**
     * Finds the first problem in an 18-character number: length, then characters, then birth date, then check.
     *
     * @param normalized18 the number after {@link #normalize(String)}; a lower-case {@code x} counts as
     *                     {@link Problem#CHARACTER}, {@code null} or blank as {@link Problem#LENGTH}
     * @param today        the date a birth date may not be after; must not be {@code null}
     * @return the first problem, or empty when the number is valid
     * @throws NullPointerException if {@code today} is {@code null}
     */
    public static Optional<Problem> diagnose(String normalized18, LocalDate today) {
        if (today == null) {
            throw new NullPointerException("today");
        }
        if (normalized18 == null || normalized18.length() != LENGTH) {
            return Optional.of(Problem.LENGTH);
        }
        if (!allDigits(normalized18, 0, LENGTH - 1)) {
            return Optional.of(Problem.CHARACTER);
        }
        char last = normalized18.charAt(LENGTH - 1);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Optional.of(Problem.CHARACTER);
        }
        Optional<LocalDate> birth = date(normalized18.substring(6, 10), normalized18.substring(10, 12),
                normalized18.substring(12, 14));
        if (birth.isEmpty() || birth.get().isBefore(EARLIEST_BIRTH) || birth.get().isAfter(today)) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (computeCheckChar(normalized18) != last) {
            return Optional.of(Problem.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    /**
     * Same as {@link #diagnose(String, LocalDate)} with today's date in China.
     *
     * @param normalized18 the number after {@link #normalize(String)}
     * @return the first problem, or empty when the number is valid
     */
    public static Optional<Problem> diagnose(String normalized18) {
        return diagnose(normalized18, today());
    }

    /**
     * Tells whether an 18-character number is fully valid. The number is taken as given, not normalised,
     * so a 15-digit legacy number is invalid here; callers normalise first when they accept that form.
     *
     * @param normalized18 the number; {@code null} or blank is invalid
     * @param today        the date a birth date may not be after; must not be {@code null}
     * @return {@code true} when {@link #diagnose(String, LocalDate)} finds no problem
     * @throws NullPointerException if {@code today} is {@code null}
     */
    public static boolean isValid(String normalized18, LocalDate today) {
        return diagnose(normalized18, today).isEmpty();
    }

    /**
     * Same as {@link #isValid(String, LocalDate)} with today's date in China.
     *
     * @param normalized18 the number; {@code null} or blank is invalid
     * @return {@code true} when the number is fully valid
     */
    public static boolean isValid(String normalized18) {
        return isValid(normalized18, today());
    }

    /**
     * Converts a legacy 15-digit number to 18 characters: inserts the century {@code 19} before the
     * two-digit birth year and appends the check character.
     *
     * @param number15 exactly 15 ASCII digits whose positions 7–12 are a real {@code yyMMdd} date in the 1900s
     * @return the 18-character number
     * @throws IllegalArgumentException if {@code number15} is {@code null}, not 15 digits, or has no real birth date
     */
    public static String upgrade15(String number15) {
        if (!isUpgradable(number15)) {
            throw new IllegalArgumentException("expected 15 digits with a yyMMdd birth date at positions 7-12");
        }
        String first17 = number15.substring(0, 6) + "19" + number15.substring(6);
        return first17 + computeCheckChar(first17);
    }

    /**
     * Tells whether a value is an 18-character identity number with a real birth date and correct check
     * character; used to spot an identity number typed into a column meant for something else.
     *
     * @param value the value as found, not trimmed; a lower-case {@code x} check character is accepted;
     *              {@code null} or blank gives {@code false}
     * @return {@code true} when the value passes the full check against today's date in China
     */
    public static boolean looksLikeIdNumber(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        return isValid(value.substring(0, LENGTH - 1) + Character.toUpperCase(value.charAt(LENGTH - 1)), today());
    }

    /**
     * Tells whether a value is a 15-digit legacy number whose positions 7–12 are a real {@code yyMMdd} date.
     *
     * @param value the value as found; {@code null} gives {@code false}
     * @return {@code true} when {@link #upgrade15(String)} would accept it
     */
    static boolean isUpgradable(String value) {
        return value != null && value.length() == LEGACY_LENGTH && allDigits(value, 0, LEGACY_LENGTH)
                && date("19" + value.substring(6, 8), value.substring(8, 10), value.substring(10, 12)).isPresent();
    }

    private static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static char computeCheckChar(String digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }
}
