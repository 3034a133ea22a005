package org.creditexchange.ingest.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.creditexchange.config.ConfigurationLoader;
import org.creditexchange.schedule.WorkingDayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reporting delays over the shipped calendars (2025 and 2026, DOMAIN.md §4), counted by hand: the decision day is not
 * counted, the receipt day is.
 */
class ReportingDelayTests {

    private static final WorkingDayCalendar SHIPPED = new ConfigurationLoader(Path.of(".")).load().orThrow().calendar();

    @ParameterizedTest(name = "{0} → {1}: {2} working days, late {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # decision | received   | days | late  | why
            2026-09-30 | 2026-10-12 | 4    | false | 国庆 10-01..10-07 off; 10-08, 10-09, 10-10 (Saturday worked), 10-12
            2026-09-30 | 2026-10-15 | 7    | false | the last day in time (README: due by 2026-10-15)
            2026-09-30 | 2026-10-16 | 8    | true  | one working day past the limit
            2026-10-15 | 2026-10-15 | 0    | false | received on the decision day
            2026-10-03 | 2026-10-09 | 2    | false | decided on a holiday: 10-08 and 10-09 count
            2026-10-09 | 2026-10-12 | 2    | false | Friday → Monday across the 调休 Saturday 10-10
            2026-02-13 | 2026-02-24 | 2    | false | 春节: Saturday 02-14 worked, 02-15..02-23 off, 02-24
            2026-02-13 | 2026-03-06 | 11   | true  | 02-14, 02-24..02-27, 02-28 (Saturday worked), 03-02..03-06
            2026-09-18 | 2026-09-28 | 6    | false | Friday; Sunday 09-20 worked, 09-21..09-24, 中秋 09-25..09-27 off, 09-28
            2025-12-31 | 2026-01-05 | 2    | false | 元旦 01-01..01-03 off, Sunday 01-04 worked, Monday 01-05
            2025-09-30 | 2025-10-13 | 4    | false | 2025: 10-01..10-08 off, Saturday 10-11 worked: 10-09, 10-10, 10-11, 10-13
            """)
    void countsWorkingDaysOfTheCalendar(LocalDate decision, LocalDate received, int days, boolean late) {
        ReportingDelay delay = ReportingDelay.of(SHIPPED, decision, received).orElseThrow();

        assertThat(delay.workingDays()).isEqualTo(days);
        assertThat(delay.late()).isEqualTo(late);
        assertThat(delay.approximate()).isFalse();
    }

    @Test
    void daysBeforeTheFirstCalendarYearAreCountedMondayToFridayAndMarkedApproximate() {
        // 2024 has no calendar file: Tuesday 2024-12-31 counts as a weekday; 2025-01-01 (元旦) is off, 01-02 and 01-03 work.
        assertThat(ReportingDelay.of(SHIPPED, LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 3)))
                .contains(new ReportingDelay(3, true));
        // Years back: still a count, never a failure, and surely late.
        ReportingDelay old = ReportingDelay.of(SHIPPED, LocalDate.of(2019, 6, 3), LocalDate.of(2026, 10, 12)).orElseThrow();
        assertThat(old.approximate()).isTrue();
        assertThat(old.late()).isTrue();
        assertThat(old.workingDays()).isEqualTo(ReportingDelay.weekdays(LocalDate.of(2019, 6, 4), LocalDate.of(2024, 12, 31))
                + SHIPPED.workingDays(2025) + SHIPPED.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 10, 12)));
    }

    @Test
    void daysAfterTheLastCalendarYearAreCountedMondayToFridayAndMarkedApproximate() {
        // 12-31 from the 2026 calendar; 2027 has no file: Friday 01-01 and Monday 01-04 count as weekdays.
        assertThat(ReportingDelay.of(SHIPPED, LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 4)))
                .contains(new ReportingDelay(3, true));
    }

    @Test
    void withoutAnyCalendarEveryDayIsCountedMondayToFriday() {
        assertThat(ReportingDelay.of(WorkingDayCalendar.empty(), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12)))
                .contains(new ReportingDelay(8, true));
    }

    @Test
    void aDecisionAfterTheReceiptHasNoDelay() {
        assertThat(ReportingDelay.of(SHIPPED, LocalDate.of(2026, 10, 16), LocalDate.of(2026, 10, 15))).isEmpty();
        assertThat(ReportingDelay.of(SHIPPED, LocalDate.of(2031, 1, 1), LocalDate.of(2026, 10, 15))).isEmpty();
    }

    @Test
    void aDelayIsNeverNegative() {
        assertThatThrownBy(() -> new ReportingDelay(-1, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weekdaysInClosedFormAgreeWithCountingDayByDay() {
        LocalDate start = LocalDate.of(2023, 12, 25);
        for (int from = 0; from < 9; from++) {
            for (int length = 0; length < 40; length++) {
                LocalDate a = start.plusDays(from);
                LocalDate b = a.plusDays(length);
                long counted = a.datesUntil(b.plusDays(1))
                        .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY).count();
                assertThat(ReportingDelay.weekdays(a, b)).as("%s..%s", a, b).isEqualTo(counted);
            }
        }
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            2026-10-15    | 2026-10-15
            2026-02-30    | null
            2026-10-15T1  | null
            2026-10-15\"  | null
            " 2026-10-15" | null
            2026年10月15日 | null
            null          | null
            """)
    void aDecisionDateIsAValueThatIsExactlyAValidIsoDate(String value, LocalDate expected) {
        assertThat(DecisionDelays.decisionDate(value)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aBatchsDelaysAreCountedFromEachRowsDecisionDateToTheReceipt() {
        DecisionDelays delays = new DecisionDelays(SHIPPED, LocalDate.of(2026, 10, 12));
        assertThat(delays.of("2026-09-30")).contains(new DecisionDelays.Dated(LocalDate.of(2026, 9, 30),
                new ReportingDelay(4, false)));
        assertThat(delays.of("2026-10-13")).as("decided after the receipt").isEmpty();
        assertThat(delays.of("2026-02-30")).isEmpty();
        assertThat(delays.of(null)).isEmpty();
    }

    @Test
    void theNoticeListsTheFirstRowsAndSaysSoWhenThereAreMore() {
        assertThat(LateReportingNotice.of(2, List.of(3, 5), "处罚决定日期").message())
                .isEqualTo("本批有2条记录超过【处罚决定日期】后7个工作日才报送（迟报）：第3、5行。");
        List<Integer> first = java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList();
        assertThat(LateReportingNotice.of(1234, first, "许可决定日期").message())
                .startsWith("本批有1234条记录")
                .endsWith("第1、2、3、4、5、6、7、8、9、10、11、12、13、14、15、16、17、18、19、20等行。");
        assertThat(LateReportingNotice.of(2, List.of(3, 5), "处罚决定日期").hint()).contains("7个工作日内报送");
    }
}
