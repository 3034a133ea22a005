package org.creditexchange.catalog.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationNumberCheckDigitTests {

    @ParameterizedTest
    @CsvSource({
            "11010800123456, 9",
            "44030110006752, 0",
            "31000000000000, 0",
            "11000000000000, 9",
            "12345678901234, 5",
            "00000000000000, 5",
            "99999999999999, 3",
            "51010000012345, 4",
    })
    void computesCheckDigitFromFirst14(String first14, char expected) {
        assertThat(RegistrationNumberCheckDigit.checkChar(first14)).isEqualTo(expected);
        assertThat(RegistrationNumberCheckDigit.isValid(first14 + expected)).isTrue();
    }

    /*
     * Reference: the ISO 7064 recursion run over all 15 digits, accepting when the last step's
     * sum lands on 1. The production code uses (carry + check) mod 10 = 1 and (11 - carry) mod 10.
     */
    @ParameterizedTest
    @ValueSource(strings = {"11010800123456", "44030110006752", "31000000000000", "12345678901234",
            "00000000000000", "99999999999999", "51010000012345", "37020000000001", "64000000000099"})
    void agreesWithFullRecursionForEveryCandidateDigit(String first14) {
        for (char c = '0'; c <= '9'; c++) {
            boolean expected = fullRecursionAccepts(first14 + c);
            assertThat(RegistrationNumberCheckDigit.isValid(first14 + c)).as("digit %s", c).isEqualTo(expected);
            assertThat(RegistrationNumberCheckDigit.checkChar(first14) == c).as("digit %s", c).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "110108001234568", "110108001234560", "440301100067521", "11010800123456",
            "1101080012345690", "11010800123456X", "11010800123456 ", "１10108001234569"})
    void rejectsNumberWithBadLengthCharacterOrCheck(String number) {
        assertThat(RegistrationNumberCheckDigit.isValid(number)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1101080012345", "110108001234569", "1101080012345A"})
    void rejectsMalformedFirst14(String first14) {
        assertThatIllegalArgumentException().isThrownBy(() -> RegistrationNumberCheckDigit.checkChar(first14));
    }

    private static boolean fullRecursionAccepts(String number) {
        int p = 10;
        int s = 0;
        for (char ch : number.toCharArray()) {
            s = (p + ch - '0') % 10;
            if (s == 0) {
                s = 10;
            }
            p = (2 * s) % 11;
        }
        return s == 1;
    }
}
