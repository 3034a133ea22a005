package org.creditexchange.ingest.stage;

import java.util.Arrays;

/**
 * Growable UTF-8 bytes written straight from text: the same bytes as {@code getBytes(UTF_8)} of the text (an unpaired
 * surrogate becomes {@code ?}, as there), without building the text and then copying it. Staging's JSON and its COPY
 * lines are written with it: a row's JSON is encoded once, then hashed and copied as it is.
 */
final class Utf8Bytes {

    private byte[] bytes;
    private int length;

    Utf8Bytes(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** A character known to be ASCII. */
    Utf8Bytes ascii(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Characters known to be ASCII (numbers, dates, separators, escapes), as they are. */
    Utf8Bytes ascii(String text) {
        room(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** Characters {@code [from, to)} of {@code value}, encoded; {@code to} must not split a surrogate pair. */
    Utf8Bytes text(String value, int from, int to) {
        // At most three bytes a UTF-16 unit (a surrogate pair is four for two units).
        room(3 * (to - from));
        byte[] b = bytes;
        int at = length;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, value.charAt(++i));
                    b[at++] = (byte) (0xF0 | cp >> 18);
                    b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[at++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    b[at++] = '?';
                }
            } else {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        length = at;
        return this;
    }

    /** Bytes {@code [from, to)} of already encoded UTF-8, as they are. */
    Utf8Bytes utf8(byte[] encoded, int from, int to) {
        room(to - from);
        System.arraycopy(encoded, from, bytes, length, to - from);
        length += to - from;
        return this;
    }

    /** How many bytes so far. */
    int length() {
        return length;
    }

    /** The bytes so far. */
    byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }
}
