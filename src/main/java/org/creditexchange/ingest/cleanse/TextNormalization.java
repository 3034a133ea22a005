package org.creditexchange.ingest.cleanse;

/**
 * Canonical form of short texts, such as template header titles and names, for equality comparison only.
 */
public final class TextNormalization {

    private TextNormalization() {
    }

    /**
     * Reduces a text to the form used to compare it with another: full-width characters become
     * half-width, Chinese brackets {@code （）} become {@code ()} and {@code 【】〔〕［］} become {@code []},
     * every kind of whitespace (including the ideographic space, no-break space, zero-width characters and
     * the byte-order mark) is removed, and ASCII letters are upper-cased. Clerks retype titles with all of
     * these variations, and none of them changes what the title means.
     *
     * <p>The result is for matching only and must not be stored or shown.
     *
     * @param text the text; {@code null} gives {@code ""}
     * @return the comparison form, never {@code null}
     */
    public static String forMatching(String text) {
        String half = HalfWidth.of(text);
        StringBuilder sb = new StringBuilder(half.length());
        for (int i = 0; i < half.length(); i++) {
            char c = half.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            switch (c) {
                case '【', '〔' -> sb.append('[');
                case '】', '〕' -> sb.append(']');
                default -> sb.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
            }
        }
        return sb.toString();
    }

    private static boolean isInvisible(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }
}
