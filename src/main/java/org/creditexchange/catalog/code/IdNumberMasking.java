package org.creditexchange.catalog.code;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides personal identity numbers in reports and log lines while keeping enough to tell them apart.
 */
public final class IdNumberMasking {

    private static final int KEEP_HEAD = 6;
    private static final int KEEP_TAIL = 4;

    /*
     * Only ASCII letters and digits count as a boundary breaker: Chinese text written right against a
     * number ("身份证号110105...登记") must still have the number masked.
     */
    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![0-9A-Za-z])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])");

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

    /**
     * Masks every identity number found in free text: 18-character numbers that pass the full check
     * (see {@link IdNumberCheckDigit#looksLikeIdNumber(String)}) and 15-digit legacy numbers with a real
     * {@code yyMMdd} birth date, each standing alone rather than inside a longer run of letters or digits.
     * Digit runs that fail these checks (order numbers, amounts, credit codes) are left alone.
     *
     * @param text the text, e.g. a log line; {@code null} or blank is returned as given
     * @return the text with each identity number replaced by {@link #mask(String)}
     */
    public static String maskEmbedded(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        Matcher m = CANDIDATE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String candidate = m.group();
            boolean isId = candidate.length() == 18
                    ? IdNumberCheckDigit.looksLikeIdNumber(candidate)
                    : IdNumberCheckDigit.isUpgradable(candidate);
            m.appendReplacement(out, Matcher.quoteReplacement(isId ? mask(candidate) : candidate));
        }
        m.appendTail(out);
        return out.toString();
    }
}
