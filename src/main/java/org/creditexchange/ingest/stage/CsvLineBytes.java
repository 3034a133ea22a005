package org.creditexchange.ingest.stage;

/**
 * Lines of PostgreSQL's CSV COPY (staging's three tables), encoded straight to UTF-8 bytes: the same bytes as
 * building the lines' text and then {@code getBytes(UTF_8)} (an unpaired surrogate becomes {@code ?}, as there),
 * without the copies in between. A field is quoted with inner quotes doubled; a null one is left empty (NULL in CSV
 * COPY). A field may also be given already encoded (a row's JSON): it is copied, its quotes doubled.
 */
final class CsvLineBytes {

    private final Utf8Bytes out;

    CsvLineBytes(int capacity) {
        out = new Utf8Bytes(capacity);
    }

    /** Characters known to be ASCII (numbers, dates, separators), as they are. */
    CsvLineBytes ascii(String text) {
        out.ascii(text);
        return this;
    }

    /** A separator, then the value quoted (null: nothing). */
    CsvLineBytes field(String value) {
        out.ascii(',');
        if (value == null) {
            return this;
        }
        out.ascii('"');
        int from = 0;
        for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', from)) {
            out.text(value, from, quote + 1).ascii('"');
            from = quote + 1;
        }
        out.text(value, from, value.length()).ascii('"');
        return this;
    }

    /**
     * A separator, then a value already in UTF-8 quoted (null: nothing): no byte of a multi-byte sequence is below
     * 0x80, so the quotes to double are the bytes {@code "}.
     */
    CsvLineBytes field(byte[] utf8) {
        out.ascii(',');
        if (utf8 == null) {
            return this;
        }
        out.ascii('"');
        int from = 0;
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '"') {
                out.utf8(utf8, from, i + 1).ascii('"');
                from = i + 1;
            }
        }
        out.utf8(utf8, from, utf8.length).ascii('"');
        return this;
    }

    /** How many bytes so far. */
    int length() {
        return out.length();
    }

    /** The bytes so far. */
    byte[] toBytes() {
        return out.toBytes();
    }
}
