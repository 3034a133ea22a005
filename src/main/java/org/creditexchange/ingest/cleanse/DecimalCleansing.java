package org.creditexchange.ingest.cleanse;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a decimal amount as a clerk writes it in a column whose unit is 万元 (ten thousand yuan).
 */
public final class DecimalCleansing {

    private static final String UNIT = "万元";

    /*
     * Commas are only accepted in proper groups of three: "1,5" may mean 1.5 to some writers, and
     * guessing 15 would silently change an amount by a factor of ten.
     */
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?:[eE][+-]?\\d{1,3})?");
    // The exponent is capped at three digits so that a typo cannot expand into a number with millions of digits.
    private static final Pattern PLAIN = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,3})?");

    private DecimalCleansing() {
    }

    /**
     * Parses an amount: full-width characters are folded, all whitespace is removed, thousands separators
     * ({@code ,} or {@code ，}) in groups of three are dropped, a leading {@code +} and scientific notation
     * ({@code 1.5E+3}) are accepted, and a trailing {@code 万元} is stripped because it is the column's unit.
     * Any other unit ({@code 2000元}, {@code 5%}) gives empty so that the caller can report it rather than
     * store a number in the wrong unit.
     *
     * @param text the cell text; {@code null} or blank gives empty
     * @return the amount, with a negative scale (from an exponent) widened to scale 0; empty for anything else
     */
    public static Optional<BigDecimal> parse(String text) {
        String s = removeWhitespace(HalfWidth.of(text));
        if (s.endsWith(UNIT)) {
            s = s.substring(0, s.length() - UNIT.length());
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        } else if (!PLAIN.matcher(s).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(s);
        return Optional.of(value.scale() < 0 ? value.setScale(0) : value);
    }

    private static String removeWhitespace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
