package org.creditexchange.ingest.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The COPY line's bytes must be those of the line's text in UTF-8, whatever the text. */
class CsvLineBytesTests {

    /** Quotes, separators, line breaks, backslashes, CJK, full-width forms, emoji and unpaired surrogates. */
    private static final String ALPHABET = "\"\",\n\r\\Na Z09\u0000\u007f\u0080\u07ff\u0800罚款（）、。\u3000\uff10"
            + "\ud83d\ude00\ud83d\ude00\ud83d\udfff\ufffd";

    @Test
    void encodesAsTheTextWouldBeEncoded() {
        Random random = new Random(20261125);
        for (int round = 0; round < 5_000; round++) {
            String[] values = new String[random.nextInt(4)];
            StringBuilder text = new StringBuilder("7,").append(round);
            CsvLineBytes line = new CsvLineBytes(random.nextInt(40)).ascii("7,").ascii(Integer.toString(round));
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(6) == 0 ? null : text(random);
                line.field(values[i]);
                text.append(',');
                if (values[i] != null) {
                    text.append('"').append(values[i].replace("\"", "\"\"")).append('"');
                }
            }
            byte[] expected = text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
            assertThat(line.ascii("\n").toBytes()).as("round %d: %s", round, text).isEqualTo(expected);
        }
    }

    @Test
    void copiesAFieldGivenInUtf8AsItsTextWouldBeWritten() {
        Random random = new Random(20261126);
        for (int round = 0; round < 5_000; round++) {
            String value = random.nextInt(6) == 0 ? null : text(random);
            byte[] utf8 = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            // The text a lone surrogate's '?' decodes to: what the bytes stand for.
            String decoded = utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
            assertThat(new CsvLineBytes(random.nextInt(40)).ascii("1").field(utf8).toBytes())
                    .as("round %d: %s", round, value)
                    .isEqualTo(new CsvLineBytes(0).ascii("1").field(decoded).toBytes());
        }
    }

    @Test
    void leavesANullFieldEmptyAndQuotesAnEmptyOne() {
        assertThat(new String(new CsvLineBytes(0).ascii("1").field((String) null).field("").field("a\"b").toBytes(),
                StandardCharsets.UTF_8)).isEqualTo("1,,\"\",\"a\"\"b\"");
    }

    private static String text(Random random) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
