package org.creditexchange.ingest.stage;

import java.util.List;
import java.util.Map;

/**
 * Writes the JSON of staged values (objects of strings or of such objects, arrays of strings) exactly as Jackson's
 * default {@code ObjectMapper} writes them — same order, same escapes (backslash before a quote or a backslash,
 * b t n f r for those five control characters, the others as a backslash, u00 and two upper-case hex digits;
 * nothing else escaped) — without its machinery, straight to UTF-8 bytes (those of Jackson's text): a row's record
 * and content hashes are SHA-256 of these bytes, so a stored record's hash must come out the same as before.
 */
final class CompactJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Room for a value: a cell of CJK text takes three bytes a character. */
    private static final int BYTES_PER_ENTRY = 48;

    private CompactJson() {
    }

    /** An object of strings (null as {@code null}) or of nested such objects, in the map's order, as UTF-8. */
    static byte[] object(Map<String, ?> values) {
        Utf8Bytes out = new Utf8Bytes(64 + values.size() * BYTES_PER_ENTRY);
        object(out, values);
        return out.toBytes();
    }

    /** The same object without the entries of {@code left}, as if they had been removed from the map. */
    static byte[] objectWithout(Map<String, String> values, java.util.Set<String> left) {
        Utf8Bytes out = new Utf8Bytes(64 + values.size() * BYTES_PER_ENTRY);
        out.ascii('{');
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (left.contains(e.getKey())) {
                continue;
            }
            if (!first) {
                out.ascii(',');
            }
            first = false;
            string(out, e.getKey());
            out.ascii(':');
            string(out, e.getValue());
        }
        return out.ascii('}').toBytes();
    }

    /** An array of strings (null as {@code null}). */
    static byte[] array(List<String> values) {
        Utf8Bytes out = new Utf8Bytes(16 + values.size() * BYTES_PER_ENTRY);
        out.ascii('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.ascii(',');
            }
            string(out, values.get(i));
        }
        return out.ascii(']').toBytes();
    }

    private static void object(Utf8Bytes out, Map<String, ?> values) {
        out.ascii('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (!first) {
                out.ascii(',');
            }
            first = false;
            string(out, e.getKey());
            out.ascii(':');
            Object value = e.getValue();
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> inner = (Map<String, ?>) nested;
                object(out, inner);
            } else {
                string(out, (String) value);
            }
        }
        out.ascii('}');
    }

    private static void string(Utf8Bytes out, String value) {
        if (value == null) {
            out.ascii("null");
            return;
        }
        out.ascii('"');
        int from = 0;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.text(value, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> out.ascii("\\\"");
                case '\\' -> out.ascii("\\\\");
                case '\b' -> out.ascii("\\b");
                case '\t' -> out.ascii("\\t");
                case '\n' -> out.ascii("\\n");
                case '\f' -> out.ascii("\\f");
                case '\r' -> out.ascii("\\r");
                default -> out.ascii("\\u00").ascii(HEX[c >> 4]).ascii(HEX[c & 0xF]);
            }
        }
        out.text(value, from, n).ascii('"');
    }
}
