package org.creditexchange.ingest.cleanse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalCleansingTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 | 0",
            "100 | 100",
            "1234.5 | 1234.5",
            "1,234.5 | 1234.5",
            "1，234.5 | 1234.5",
            "12,345,678.90 | 12345678.90",
            "+12.5 | 12.5",
            "-12.5 | -12.5",
            "'  12.5  ' | 12.5",
            "'1 234.5' | 1234.5",
            "'１２.５' | 12.5",
            "'\u300012.5\u3000' | 12.5",
            "'12.5\u00A0' | 12.5",
            "0.2万元 | 0.2",
            "'0.2 万元' | 0.2",
            "1,000万元 | 1000",
            "1.5E+3 | 1500",
            "1.5e3 | 1500",
            "2.5E-2 | 0.025",
            "1E+2 | 100",
            ".5 | 0.5",
            "5. | 5",
            "0.00 | 0.00",
    })
    void parsesClerkWrittenAmounts(String text, String expected) {
        BigDecimal parsed = DecimalCleansing.parse(text).orElseThrow();
        assertThat(parsed.toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            " ", "万元", "2000元", "0.2万", "5%", "￥100", "$100", "100美元", "一百",
            "1,5", "12,34.5", "1,2345", ",123", "1,234,", "1.2.3", "--1", "+-1", "1-", "abc", "NaN",
            "Infinity", "1E", "1E+", "1E+1000", "0x10", "1.5万元元", "万元1", "1,234.5.6", ".", "+", "-",
    })
    void rejectsWrongUnitOrMalformedNumber(String text) {
        assertThat(DecimalCleansing.parse(text)).isEmpty();
    }
}
