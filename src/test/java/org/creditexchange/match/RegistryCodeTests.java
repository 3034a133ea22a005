package org.creditexchange.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.creditexchange.match.RegistryCode.Kind;
import org.junit.jupiter.api.Test;

class RegistryCodeTests {

    @Test
    void aValidUsccGivesTheUsccAndItsOrganisationCode() {
        assertThat(RegistryCode.classify(" 91110000600037341L ")).isEqualTo(
                new RegistryCode(Kind.USCC, "91110000600037341L", "600037341", null));
    }

    @Test
    void aUsccTypedWithALowerCaseLetterIsUpperCasedAndAccepted() {
        assertThat(RegistryCode.classify("91110000600037341l").uscc()).isEqualTo("91110000600037341L");
    }

    @Test
    void eighteenCharactersFailingTheCheckAreAnInvalidUsccKeptAsWritten() {
        assertThat(RegistryCode.classify("91110000600037341M")).isEqualTo(
                new RegistryCode(Kind.INVALID_USCC, null, null, "91110000600037341M"));
        assertThat(Kind.INVALID_USCC.invalid()).isTrue();
    }

    @Test
    void fifteenDigitsAreARegistrationNumberValidOrNotByIso7064() {
        String first14 = "33010600001234";
        char check = org.creditexchange.catalog.code.RegistrationNumberCheckDigit.checkChar(first14);
        assertThat(RegistryCode.classify(first14 + check).kind()).isEqualTo(Kind.REG_NUMBER);
        assertThat(RegistryCode.classify(first14 + (char) ('0' + (check - '0' + 1) % 10)).kind())
                .isEqualTo(Kind.INVALID_REG_NUMBER);
    }

    @Test
    void thirteenDigitAndChineseCharacterNumbersAreLegacyNumbersAsWritten() {
        assertThat(RegistryCode.classify("3301002001234")).isEqualTo(
                new RegistryCode(Kind.LEGACY, null, null, "3301002001234"));
        assertThat(RegistryCode.classify("企合浙绍总字第002112号").regNumber()).isEqualTo("企合浙绍总字第002112号");
    }

    @Test
    void aBlankCodeIsMissing() {
        assertThat(RegistryCode.classify("\u3000 ").kind()).isEqualTo(Kind.MISSING);
        assertThat(RegistryCode.classify(null).kind()).isEqualTo(Kind.MISSING);
    }

    @Test
    void namesCompareAcrossBracketStylesWidthsSpacesAndCase() {
        assertThat(SubjectNames.normalize("星玩（舟山）科技\u3000有限公司 ")).isEqualTo("星玩(舟山)科技有限公司");
        assertThat(SubjectNames.normalize("杭州ａｂｃ Tech有限公司")).isEqualTo("杭州ABCTECH有限公司");
    }
}
