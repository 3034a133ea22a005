package org.creditexchange.catalog.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Test names carry only the index so that identity numbers never appear in reports. */
class IdNumberCheckDigitTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {
            "11010519491231002X",
            "110105199003078035",
            "440106198512310021",
            "320583199602294565",
            "110101200002290018",
            "110105202501010011",
            "11010519000101001X",
    })
    void acceptsNumberWithRealBirthDateAndCorrectCheck(String number) {
        assertThat(IdNumberCheckDigit.diagnose(number, TODAY)).isEmpty();
        assertThat(IdNumberCheckDigit.isValid(number, TODAY)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(nullValues = "NULL", value = {
            "NULL,                LENGTH",
            "'',                  LENGTH",
            "11010519491231002,   LENGTH",
            "11010519491231002XX, LENGTH",
            "110105491231002,     LENGTH",
            "11010519491231002x,  CHARACTER",
            "1101051949123100AX,  CHARACTER",
            "11010519491231002Y,  CHARACTER",
            "１10105199003078035, CHARACTER",
            "11010519900230001X,  BIRTH_DATE",
            "110105199013010018,  BIRTH_DATE",
            "110105189912310015,  BIRTH_DATE",
            "11010520300101001X,  BIRTH_DATE",
            "110105199003078036,  CHECK_DIGIT",
            "110105199003078030,  CHECK_DIGIT",
            "440106198512310022,  CHECK_DIGIT",
            "11010519491231002X0, LENGTH",
    })
    void diagnosesFirstProblem(String number, IdNumberCheckDigit.Problem expected) {
        assertThat(IdNumberCheckDigit.diagnose(number, TODAY)).isEqualTo(Optional.of(expected));
        assertThat(IdNumberCheckDigit.isValid(number, TODAY)).isFalse();
    }

    @ParameterizedTest(name = "[{index}] today {1}: {2}")
    @CsvSource({
            "110105202501010011, 2025-01-01, true",
            "110105202501010011, 2024-12-31, false",
    })
    void rejectsBirthDateAfterToday(String number, LocalDate today, boolean expected) {
        assertThat(IdNumberCheckDigit.isValid(number, today)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}]")
    @CsvSource({
            "110105491231002, 11010519491231002X",
            "440106851231002, 440106198512310021",
            "320583960229456, 320583199602294565",
    })
    void upgradesLegacyFifteenDigitNumber(String legacy, String expected) {
        assertThat(IdNumberCheckDigit.upgrade15(legacy)).isEqualTo(expected);
        assertThat(IdNumberCheckDigit.isValid(expected, TODAY)).isTrue();
    }

    @ParameterizedTest(name = "[{index}]")
    @NullAndEmptySource
    @ValueSource(strings = {"11010549123100", "1101054912310021", "11010549123100X", "110105491331002",
            "320583000229456", "110105490231002"})
    void refusesToUpgradeMalformedLegacyNumber(String legacy) {
        assertThatIllegalArgumentException().isThrownBy(() -> IdNumberCheckDigit.upgrade15(legacy));
    }

    @ParameterizedTest(name = "[{index}]")
    @CsvSource(nullValues = "NULL", value = {
            "NULL,                    ''",
            "'',                      ''",
            "'  11010519491231002x ', 11010519491231002X",
            "'　110105199003078035　', 110105199003078035",
            "１１０１０５１９４９１２３１００２ｘ, 11010519491231002X",
            "１１０１０５１９４９１２３１００２Ｘ, 11010519491231002X",
            "110105491231002,         11010519491231002X",
            "' 110105491231002 ',     11010519491231002X",
            "１１０１０５４９１２３１００２, 11010519491231002X",
            "110105491331002,         110105491331002",
            "11010549123100x,         11010549123100X",
            "abc,                     ABC",
            "110105199003078036,      110105199003078036",
    })
    void normalizesWidthCaseAndLegacyForm(String input, String expected) {
        assertThat(IdNumberCheckDigit.normalize(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(nullValues = "NULL", value = {
            "11010519491231002X,    true",
            "11010519491231002x,    true",
            "110105199003078035,    true",
            "110105199003078036,    false",
            "11010519900230001X,    false",
            "110105491231002,       false",
            "' 110105199003078035', false",
            "91110000600037341L,    false",
            "NULL,                  false",
            "'',                    false",
    })
    void recognisesIdNumberInAnotherColumn(String value, boolean expected) {
        assertThat(IdNumberCheckDigit.looksLikeIdNumber(value)).isEqualTo(expected);
    }
}
