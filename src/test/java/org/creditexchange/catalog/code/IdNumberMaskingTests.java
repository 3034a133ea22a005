package org.creditexchange.catalog.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Test names carry only the index so that identity numbers never appear in reports. */
class IdNumberMaskingTests {

    @ParameterizedTest(name = "[{index}]")
    @CsvSource(nullValues = "NULL", value = {
            "NULL,               NULL",
            "'',                 ''",
            "'   ',              '   '",
            "11010519491231002X, 110105********002X",
            "110105491231002,    110105*****1002",
            "1101051949,         1101051949",
            "11010519491,        110105*9491",
            "110105194,          *********",
            "A1,                 **",
    })
    void keepsRegionAndLastFourCharacters(String value, String expected) {
        assertThat(IdNumberMasking.mask(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | NULL",
            "'' | ''",
            "身份证号11010519491231002X已登记 | 身份证号110105********002X已登记",
            "id=11010519491231002x, name=张三 | id=110105********002x, name=张三",
            "110105199003078035 | 110105********8035",
            "旧号110105491231002。 | 旧号110105*****1002。",
            "a:110105199003078035 b:440106198512310021 | a:110105********8035 b:440106********0021",
            "bad check 110105199003078036 is masked too | bad check 110105********8036 is masked too",
            "full-width １１０１０５１９９００３０７８０３５ masked | full-width １１０１０５********８０３５ masked",
            "a credit code 91330106MA2B3C4D11 stays | a credit code 91330106MA2B3C4D11 stays",
            "bad date 110105491331002 stays | bad date 110105491331002 stays",
            "usc 91110000600037341L stays | usc 91110000600037341L stays",
            "longer run 1110105199003078035 stays | longer run 1110105199003078035 stays",
            "glued X110105199003078035 stays | glued X110105199003078035 stays",
            "glued 110105199003078035a stays | glued 110105199003078035a stays",
            "amount 1234567.89 and order 20260305000001 stay | amount 1234567.89 and order 20260305000001 stay",
            "$110105199003078035\\ | $110105********8035\\",
    })
    void masksOnlyStandaloneValidIdNumbers(String text, String expected) {
        assertThat(IdNumberMasking.maskEmbedded(text)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void logMaskingFindsNumbersInsideLongerDigitRuns() {
        assertThat(IdNumberMasking.maskForLog("Value too long: U&'\\5f20\\4e09110105199003078035'"))
                .isEqualTo("Value too long: U&'\\5f20\\4e09110105********8035'");
        assertThat(IdNumberMasking.maskEmbedded("4e09110105199003078035")).isEqualTo("4e09110105199003078035");
    }
}
