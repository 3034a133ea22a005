package org.creditexchange.ingest.cleanse;

/**
 * Folds full-width ASCII variants, which Chinese input methods produce, into plain ASCII.
 */
public final class HalfWidth {

    private static final char FULL_WIDTH_FIRST = '\uFF01';
    private static final char FULL_WIDTH_LAST = '\uFF5E';
    private static final int OFFSET = 0xFEE0;
    private static final char IDEOGRAPHIC_SPACE = '\u3000';

    private HalfWidth() {
    }

    /**
     * Converts U+FF01–U+FF5E (full-width {@code ！} to {@code ～}, including {@code （）}, digits and
     * letters) to U+0021–U+007E and the ideographic space U+3000 to an ASCII space. Everything else,
     * Chinese characters and Chinese punctuation such as {@code 、。【】} included, is left unchanged.
     *
     * @param text the text; {@code null} gives {@code ""}
     * @return the converted text, same length as the input
     */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) {
                chars[i] = (char) (c - OFFSET);
            } else if (c == IDEOGRAPHIC_SPACE) {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }
}
