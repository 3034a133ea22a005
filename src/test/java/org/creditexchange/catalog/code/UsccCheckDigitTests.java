package org.creditexchange.catalog.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccCheckDigitTests {

    @ParameterizedTest
    @CsvSource({
            "91110000600037341L",
            "91350100M000100Y43",
            "91110108551385082Q",
            "9144030071526726XG",
            "91110108MA01ABCD1E",
            "12100000400012345P",
            "91440300MA5FAB1235",
    })
    void acceptsCodeWithCorrectCheckChar(String code) {
        assertThat(UsccCheckDigit.isValid(code)).isTrue();
        assertThat(UsccCheckDigit.diagnose(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "91110000600037341L, L",
            "91350100M000100Y43, 3",
            "91350100M0001TGQXM, 1",
            "91320000134766570W, R",
            "91110108MA01ABCD1E, E",
            "12100000400012345P, P",
    })
    void computesCheckCharFromFirst17(String code, char expected) {
        assertThat(UsccCheckDigit.checkChar(code.substring(0, 17))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "NULL,                 LENGTH",
            "'',                   LENGTH",
            "91110000600037341,    LENGTH",
            "91110000600037341LL,  LENGTH",
            "' 91110000600037341L', LENGTH",
            "91110000600037341l,   CHARACTER",
            "9111000060003734IL,   CHARACTER",
            "91110000600O37341L,   CHARACTER",
            "9111000060003734SL,   CHARACTER",
            "91110000600037341Z,   CHARACTER",
            "911100006000-7341L,   CHARACTER",
            "9111A000600037341L,   REGION",
            "911100M0600037341L,   REGION",
            "91350100M0001TGQXM,   CHECK_DIGIT",
            "91320000134766570W,   CHECK_DIGIT",
            "91110000600037341M,   CHECK_DIGIT",
            "91110000600037314L,   CHECK_DIGIT",
    })
    void diagnosesFirstProblem(String code, UsccCheckDigit.Problem expected) {
        assertThat(UsccCheckDigit.diagnose(code)).isEqualTo(Optional.of(expected));
        assertThat(UsccCheckDigit.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "91110000600037341L, 600037341",
            "91350100M000100Y43, M000100Y4",
            "9144030071526726XG, 71526726X",
    })
    void extractsOrgCodeFromPositions9To17(String uscc, String expected) {
        assertThat(UsccCheckDigit.orgCodePart(uscc)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "91110000600037341L",
            "91350100M000100Y43",
            "91110108551385082Q",
            "9144030071526726XG",
    })
    void embedsValidOrgCodeInPublishedExamples(String uscc) {
        assertThat(OrgCodeCheckDigit.isValid(UsccCheckDigit.orgCodePart(uscc))).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"9111000060003734", "911100006000373411", "9111000060003734I", "911100006000373a1"})
    void rejectsMalformedInputToCheckChar(String first17) {
        assertThatIllegalArgumentException().isThrownBy(() -> UsccCheckDigit.checkChar(first17));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"91110000600037341", "91110000600037341LL"})
    void rejectsOrgCodePartOfWrongLength(String uscc) {
        assertThatIllegalArgumentException().isThrownBy(() -> UsccCheckDigit.orgCodePart(uscc));
    }

    @Test
    void findsExactlyOneCheckCharForEveryBody() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        String first17 = "91110000600037341";
        long accepted = alphabet.chars().filter(c -> UsccCheckDigit.isValid(first17 + (char) c)).count();
        assertThat(accepted).isEqualTo(1);
    }
}
