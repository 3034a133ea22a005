package org.creditexchange.ingest.stage;

import java.util.List;
import java.util.Map;

/**
 * Writes the JSON of staged values (objects of strings or of such objects, arrays of strings) exactly as Jackson's
 * default {@code ObjectMapper} writes them — same order, same escapes (backslash before a quote or a backslash,
 * b t n f r for those five control characters, the others as a backslash, u00 and two upper-case hex digits;
 * nothing else escaped) — without its machinery: a row's record and
 * content hashes are SHA-256 of this text, so a stored record's hash must come out the same as before.
 */
final class CompactJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CompactJson() {
    }

    /** An object of strings (null as {@code null}) or of nested such objects, in the map's order. */
    static String object(Map<String, ?> values) {
        StringBuilder out = new StringBuilder(64 + values.size() * 32);
        object(out, values);
        return out.toString();
    }

    /** The same object without the entries of {@code left}, as if they had been removed from the map. */
    static String objectWithout(Map<String, String> values, java.util.Set<String> left) {
        StringBuilder out = new StringBuilder(64 + values.size() * 32);
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (left.contains(e.getKey())) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(':');
            string(out, e.getValue());
        }
        return out.append('}').toString();
    }

    /** An array of strings (null as {@code null}). */
    static String array(List<String> values) {
        StringBuilder out = new StringBuilder(16 + values.size() * 16);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, values.get(i));
        }
        return out.append(']').toString();
    }

    private static void object(StringBuilder out, Map<String, ?> values) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(':');
            Object value = e.getValue();
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> inner = (Map<String, ?>) nested;
                object(out, inner);
            } else {
                string(out, (String) value);
            }
        }
        out.append('}');
    }

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int from = 0;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(value, from, n).append('"');
    }
}
