package org.creditexchange.ingest.cleanse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HalfWidthTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | ''",
            "'' | ''",
            "２０２６ | 2026",
            "ＡＢＣｘｙｚ | ABCxyz",
            "（有限公司） | (有限公司)",
            "！ | !",
            "～ | ~",
            "，．：；？ | ,.:;?",
            "［］ | []",
            "－＋％ | -+%",
            "'a　b' | 'a b'",
            "北京市朝阳区 | 北京市朝阳区",
            "【】〔〕、。 | 【】〔〕、。",
            "'ab 12' | 'ab 12'",
            "'\u00A0' | '\u00A0'",
            "｟ | ｟",
            "＠９ | @9",
    })
    void foldsFullWidthAsciiAndIdeographicSpaceOnly(String input, String expected) {
        assertThat(HalfWidth.of(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "\uFF08, (",
            "\uFF09, )",
            "\uFF01, !",
            "\uFF5E, ~",
    })
    void mapsRangeEndsAndBracketsByCodePoint(char fullWidth, char expected) {
        assertThat(HalfWidth.of(String.valueOf(fullWidth))).isEqualTo(String.valueOf(expected));
    }
}
