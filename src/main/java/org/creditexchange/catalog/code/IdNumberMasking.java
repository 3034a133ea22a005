package org.creditexchange.catalog.code;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides personal identity numbers in reports and log lines while keeping enough to tell them apart.
 */
public final class IdNumberMasking {

    private static final int KEEP_HEAD = 6;
    private static final int KEEP_TAIL = 4;


    private IdNumberMasking() {
    }

    /**
     * Masks one value: keeps the first six (region) and last four characters and stars the rest.
     *
     * @param value the value to mask; {@code null} or blank is returned as given
     * @return the masked value of the same length; a value shorter than ten characters is starred completely
     *         because keeping six plus four characters would reveal it all
     */
    public static String mask(String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        int n = value.length();
        if (n < KEEP_HEAD + KEEP_TAIL) {
            return "*".repeat(n);
        }
        return value.substring(0, KEEP_HEAD) + "*".repeat(n - KEEP_HEAD - KEEP_TAIL) + value.substring(n - KEEP_TAIL);
    }

    /*
     * An ID-number shape: 6 region digits, a birth date (19xx/20xx, month 01-12, day 01-31) and 3 digits plus a check
     * character — whether or not the check digit is right (a mistyped number is still somebody's number) — or the
     * 15-digit legacy form with a yyMMdd birth date. Credit codes and order numbers rarely carry a date there.
     */
    private static final String DATE8 = "(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])";
    private static final String DATE6 = "[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])";
    private static final Pattern SHAPE = Pattern.compile(
            "(?<![0-9A-Za-z])(?:[0-9]{6}" + DATE8 + "[0-9]{3}[0-9Xx]|[0-9]{6}" + DATE6 + "[0-9]{3})(?![0-9A-Za-z])");
    /** The same shapes anywhere, even inside longer runs: for log lines, where over-masking costs nothing. */
    private static final Pattern SHAPE_ANYWHERE = Pattern.compile(
            "[0-9]{6}" + DATE8 + "[0-9]{3}[0-9Xx]|[0-9]{6}" + DATE6 + "[0-9]{3}");

    /**
     * Masks every identity number found in free text: 18-character numbers with a birth date in positions 7–14
     * (valid check digit or not) and 15-digit legacy numbers with a {@code yyMMdd} birth date, each standing alone
     * rather than inside a longer run of letters or digits; full-width digits count like half-width ones. Other digit
     * runs (order numbers, amounts, credit codes) are left alone.
     *
     * @param text the text, e.g. a cell or a message; {@code null} or blank is returned as given
     * @return the text with each identity number replaced by {@link #mask(String)}
     */
    public static String maskEmbedded(String text) {
        return replace(text, SHAPE);
    }

    /**
     * Masks ID-number shapes anywhere in a log line or an exception message, even inside longer runs of digits (a
     * database error quoting {@code \\4e09110105…} must not leak the number).
     *
     * @param text the line; {@code null} or blank is returned as given
     */
    public static String maskForLog(String text) {
        return replace(text, SHAPE_ANYWHERE);
    }

    /** The shortest run of digits an ID-number shape holds (a legacy number is 15 digits, a current one 17 + 1). */
    private static final int SHORTEST_RUN = 15;

    private static String replace(String text, Pattern pattern) {
        if (text == null || !hasDigitRun(text)) {
            // Most values (names, dates, amounts, codes) cannot hold an ID number: no copy, no regular expression.
            return text;
        }
        // Full-width digits are single characters like half-width ones: find on the half-width view, mask the original.
        String view = halfWidthDigits(text);
        Matcher m = pattern.matcher(view);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, m.start()).append(mask(text.substring(m.start(), m.end())));
            last = m.end();
        } while (m.find());
        return out.append(text, last, text.length()).toString();
    }

    /** Tells whether {@code text} has {@link #SHORTEST_RUN} digits (half- or full-width) in a row. */
    private static boolean hasDigitRun(String text) {
        int run = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c >= '\uFF10' && c <= '\uFF19') {
                if (++run >= SHORTEST_RUN) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    private static String halfWidthDigits(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '\uFF10' && c[i] <= '\uFF19') {
                c[i] = (char) (c[i] - '\uFF10' + '0');
            } else if (c[i] == '\uFF38' || c[i] == '\uFF58') {
                c[i] = 'X';
            }
        }
        return new String(c);
    }
}
