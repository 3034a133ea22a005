package org.creditexchange.ingest.stage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Stored records' hashes are SHA-256 of this JSON: it must be, byte for byte, what Jackson's default mapper wrote
 * before (otherwise every record would look changed on its next load and get a new version).
 */
class CompactJsonTests {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    /** Every control character, quotes, backslashes, DEL, CJK and full-width forms, line separators, emoji halves. */
    private static final String ALPHABET = "\u0000\u0001\b\t\n\u000b\f\r\u001f \"\\/'a Z09,:{}[]\u007f\u0080"
            + "罚款（）、。\u3000\uff10\u2028\u2029\ud83d\ude00\ud83d\uffff";

    @Test
    void writesWhatJacksonWritesForAnyStrings() throws Exception {
        Random random = new Random(20261125);
        for (int round = 0; round < 2_000; round++) {
            Map<String, Object> record = new LinkedHashMap<>();
            List<String> cells = new ArrayList<>();
            int n = random.nextInt(8);
            for (int i = 0; i < n; i++) {
                record.put(text(random), text(random));
                cells.add(random.nextInt(10) == 0 ? null : text(random));
            }
            record.put("sealed", Map.of("hash", text(random)));
            record.put("none", null);

            assertSame(CompactJson.object(record), JACKSON.writeValueAsString(record));
            assertSame(CompactJson.array(cells), JACKSON.writeValueAsString(cells));

            // the fact hash's text: the same object without the sender's provenance
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                values.put(text(random), text(random));
            }
            values.put("remarks", text(random));
            values.put("z", text(random));
            Set<String> left = Set.of("remarks", "source-unit");
            Map<String, String> facts = new LinkedHashMap<>(values);
            left.forEach(facts::remove);
            assertSame(CompactJson.objectWithout(values, left), JACKSON.writeValueAsString(facts));
        }
    }

    @Test
    void escapesAsJacksonDoes() {
        assertThat(text(CompactJson.object(Map.of("值", "a\"b\\c\n\t\u0001/"))))
                .isEqualTo("{\"值\":\"a\\\"b\\\\c\\n\\t\\u0001/\"}");
        assertThat(text(CompactJson.array(List.of("", "（已拒收）")))).isEqualTo("[\"\",\"（已拒收）\"]");
    }

    /** What the hash is taken of: the UTF-8 bytes of Jackson's text (a lone surrogate becomes '?' there). */
    private static void assertSame(byte[] ours, String jackson) {
        assertThat(ours).as(jackson).isEqualTo(jackson.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static String text(Random random) {
        int length = random.nextInt(12);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
