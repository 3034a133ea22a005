package org.creditexchange.ingest.stage;

import java.util.Arrays;

/**
 * Lines of PostgreSQL's CSV COPY (staging's three tables), encoded straight to UTF-8 bytes: the same bytes as
 * building the lines' text and then {@code getBytes(UTF_8)} (an unpaired surrogate becomes {@code ?}, as there),
 * without the copies in between. A text field is quoted with inner quotes doubled; a null one is left empty (NULL in CSV COPY).
 */
final class CsvLineBytes {

    private byte[] bytes;
    private int length;

    CsvLineBytes(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** Characters known to be ASCII (numbers, dates, separators), as they are. */
    CsvLineBytes ascii(String text) {
        room(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** A separator, then the value quoted (null: nothing). */
    CsvLineBytes field(String value) {
        room(1);
        bytes[length++] = ',';
        if (value == null) {
            return this;
        }
        int n = value.length();
        // At most three bytes a UTF-16 unit (a doubled quote is two, a surrogate pair four for two units).
        room(3 * n + 2);
        byte[] b = bytes;
        int at = length;
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
                if (c == '"') {
                    b[at++] = '"';
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
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
        b[at++] = '"';
        length = at;
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
