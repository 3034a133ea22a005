package org.creditexchange.ingest.cleanse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DateCleansingTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-05 | 2026-03-05",
            "2026-3-5 | 2026-03-05",
            "2026/3/5 | 2026-03-05",
            "2026/03/05 | 2026-03-05",
            "2026.3.5 | 2026-03-05",
            "2026.03.05 | 2026-03-05",
            "2026年3月5日 | 2026-03-05",
            "2026年03月05日 | 2026-03-05",
            "2026 年 3 月 5 日 | 2026-03-05",
            "20260305 | 2026-03-05",
            "２０２６年３月５日 | 2026-03-05",
            "２０２６－０３－０５ | 2026-03-05",
            "'  2026-03-05  ' | 2026-03-05",
            "'\u30002026-03-05\u3000' | 2026-03-05",
            "2026-03-05 00:00:00 | 2026-03-05",
            "2026-03-05 00:00:00.0 | 2026-03-05",
            "2026/3/5 14:30 | 2026-03-05",
            "2026-03-05T00:00:00 | 2026-03-05",
            "2026-03-05T23:59:59.999 | 2026-03-05",
            "2026年3月5日 9:05 | 2026-03-05",
            "2024-02-29 | 2024-02-29",
            "2099-12-31 | 2099-12-31",
            "1949-10-01 | 1949-10-01",
            "46086 | 2026-03-05",
            "45000 | 2023-03-15",
            "20000 | 1954-10-03",
            "80000 | 2119-01-11",
    })
    void parsesClerkWrittenForms(String text, LocalDate expected) {
        assertThat(DateCleansing.parse(text)).isEqualTo(Optional.of(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            " ", "\u3000",
            "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "20260230", "20261301",
            "26-3-5", "26/03/05", "260305", "3/5/2026", "05.03.2026",
            "2026-3/5", "2026/3-5", "2026.3-5", "2026年3月5", "2026年3-5日",
            "2026-03-05 24:00", "2026-03-05 12:60", "2026-03-05 12:00:61", "2026-03-05T", "2026-03-05 午后",
            "19999", "80001", "0", "123", "4500.5", "45000.0", "-45000", "123456789",
            "0000-01-01", "02026-03-05", "2026-003-05", "2026-03-005",
            "长期", "N/A", "2026", "2026-03", "2026年3月",
    })
    void rejectsImpossibleOrAmbiguousDates(String text) {
        assertThat(DateCleansing.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "2099-12-31, true",
            "2099-12-30, false",
            "9999-12-31, false",
            "2026-03-05, false",
            "NULL,       false",
    })
    void recognisesLongTermDate(LocalDate date, boolean expected) {
        assertThat(DateCleansing.isLongTerm(date)).isEqualTo(expected);
    }
}
