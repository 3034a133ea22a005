package org.creditexchange.catalog.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrgCodeCheckDigitTests {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "NULL,          ''",
            "'',            ''",
            "60003734-1,    600037341",
            "600037341,     600037341",
            "' 60003734-1 ', 600037341",
            "m000100y-4,    M000100Y4",
            "7152672-6X,    7152672-6X",
            "6000-37341,    6000-37341",
    })
    void normalizesWrittenForm(String input, String expected) {
        assertThat(OrgCodeCheckDigit.normalize(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "60003734, 1",
            "55138508, 2",
            "13476657, 0",
            "71526726, X",
            "M000100Y, 4",
            "M0001TGQ, X",
    })
    void computesCheckChar(String body, char expected) {
        assertThat(OrgCodeCheckDigit.checkChar(body)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"600037341", "60003734-1", "55138508-2", "134766570", "71526726-X", "71526726x",
            "M000100Y-4", "M0001TGQX"})
    void acceptsCodeWithCorrectCheckChar(String code) {
        assertThat(OrgCodeCheckDigit.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "600037342", "60003734-0", "60003734", "6000373411", "600037341-",
            "6000-37341", "60003734_1", "7152672610", "60003734-A", "6000373*1"})
    void rejectsCodeWithBadLengthCharacterOrCheck(String code) {
        assertThat(OrgCodeCheckDigit.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"6000373", "600037341", "6000373a", "6000-373"})
    void rejectsMalformedBody(String body) {
        assertThatIllegalArgumentException().isThrownBy(() -> OrgCodeCheckDigit.checkChar(body));
    }
}
