package org.creditexchange.intake.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueKindTests {

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(ValueKind.INTEGER, 42L, "42"),
                Arguments.of(ValueKind.INTEGER, new BigDecimal("18446744073709551615"), "18446744073709551615"),
                Arguments.of(ValueKind.DECIMAL, new BigDecimal("2.000000"), "2.000000"),
                Arguments.of(ValueKind.DECIMAL, new BigDecimal("1E+3"), "1000"),
                Arguments.of(ValueKind.FLOAT, 20000000.0, "20000000"),
                Arguments.of(ValueKind.FLOAT, 0.1, "0.1"),
                Arguments.of(ValueKind.DATE, LocalDate.of(2026, 10, 15), "2026-10-15"),
                Arguments.of(ValueKind.TIMESTAMP, LocalDateTime.of(2026, 11, 24, 2, 0), "2026-11-24 02:00:00"),
                Arguments.of(ValueKind.TIMESTAMP, LocalDateTime.of(2026, 11, 24, 2, 0, 0, 123_456_000), "2026-11-24 02:00:00.123456"),
                Arguments.of(ValueKind.TIMESTAMP_TZ, OffsetDateTime.of(2026, 11, 24, 2, 0, 0, 0, ZoneOffset.ofHours(8)),
                        "2026-11-24T02:00:00+08:00"),
                Arguments.of(ValueKind.TEXT, "20261124020000", "20261124020000"));
    }

    @ParameterizedTest
    @MethodSource("values")
    void textFormParsesBackToTheSameValue(ValueKind kind, Object value, String text) {
        assertThat(kind.text(value)).isEqualTo(text);
        Object parsed = kind.parse(text);
        if (value instanceof BigDecimal d) {
            assertThat((BigDecimal) (parsed instanceof Long l ? BigDecimal.valueOf(l) : parsed)).isEqualByComparingTo(d);
        } else {
            assertThat(parsed).isEqualTo(value);
        }
        assertThat(kind.text(parsed)).isEqualTo(text);
    }
}
