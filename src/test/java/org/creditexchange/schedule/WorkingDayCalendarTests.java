package org.creditexchange.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.creditexchange.config.ConfigProblem;
import org.creditexchange.config.YamlFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Working-day arithmetic over the shipped calendars ({@code schedules/calendar-2025.yaml} and
 * {@code calendar-2026.yaml}). Every expected date below is counted by hand from DOMAIN.md §4 and the 2025 notice.
 */
class WorkingDayCalendarTests {

    static CalendarDefinition shipped(int year) {
        List<ConfigProblem> problems = new ArrayList<>();
        Path file = Path.of("schedules/calendar-" + year + ".yaml");
        CalendarDefinition d = YamlFile.read(file, file, CalendarDefinition.class, problems).orElseThrow().value();
        assertThat(problems).isEmpty();
        return d;
    }

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.of(List.of(shipped(2025), shipped(2026)));

    @ParameterizedTest(name = "{0} working: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # date     | working | why
            2026-01-01 | false   | 元旦 (Thursday)
            2026-01-02 | false   | 元旦 (Friday)
            2026-01-03 | false   | 元旦 (Saturday)
            2026-01-04 | true    | 调休 (Sunday)
            2026-01-05 | true    | Monday
            2026-01-10 | false   | ordinary Saturday
            2026-02-13 | true    | Friday before 春节
            2026-02-14 | true    | 调休 (Saturday)
            2026-02-15 | false   | 春节 (Sunday, first day)
            2026-02-16 | false   | 春节 (Monday)
            2026-02-20 | false   | 春节 (Friday)
            2026-02-23 | false   | 春节 (Monday, last day)
            2026-02-24 | true    | Tuesday after 春节
            2026-02-28 | true    | 调休 (Saturday)
            2026-03-01 | false   | ordinary Sunday
            2026-04-03 | true    | Friday before 清明
            2026-04-04 | false   | 清明 (Saturday)
            2026-04-06 | false   | 清明 (Monday)
            2026-04-07 | true    | Tuesday after 清明
            2026-05-01 | false   | 劳动节 (Friday)
            2026-05-04 | false   | 劳动节 (Monday)
            2026-05-05 | false   | 劳动节 (Tuesday, last day)
            2026-05-06 | true    | Wednesday after 劳动节
            2026-05-09 | true    | 调休 (Saturday)
            2026-05-10 | false   | ordinary Sunday
            2026-06-18 | true    | Thursday before 端午
            2026-06-19 | false   | 端午 (Friday)
            2026-06-21 | false   | 端午 (Sunday)
            2026-06-22 | true    | Monday after 端午
            2026-09-19 | false   | ordinary Saturday
            2026-09-20 | true    | 调休 (Sunday)
            2026-09-25 | false   | 中秋 (Friday)
            2026-09-28 | true    | Monday after 中秋
            2026-09-30 | true    | Wednesday before 国庆
            2026-10-01 | false   | 国庆 (Thursday)
            2026-10-05 | false   | 国庆 (Monday)
            2026-10-07 | false   | 国庆 (Wednesday, last day)
            2026-10-08 | true    | Thursday after 国庆
            2026-10-09 | true    | Friday
            2026-10-10 | true    | 调休 (Saturday)
            2026-10-11 | false   | ordinary Sunday
            2026-12-31 | true    | Thursday
            2025-01-01 | false   | 元旦 2025 (Wednesday, one day)
            2025-01-02 | true    | Thursday
            2025-01-26 | true    | 调休 2025 (Sunday)
            2025-02-04 | false   | 春节 2025 (Tuesday, last day)
            2025-02-05 | true    | Wednesday after 春节 2025
            2025-02-08 | true    | 调休 2025 (Saturday)
            2025-10-08 | false   | 国庆、中秋 2025 (Wednesday, last day)
            2025-10-11 | true    | 调休 2025 (Saturday)
            2025-12-31 | true    | Wednesday
            """)
    void isWorkingDay(LocalDate date, boolean working, String why) {
        assertThat(CALENDAR.isWorkingDay(date)).as(why).isEqualTo(working);
    }

    @Test
    void theYearsHave248WorkingDaysEach() {
        assertThat(CALENDAR.years()).containsExactly(2025, 2026);
        assertThat(CALENDAR.workingDays(2026)).isEqualTo(248);
        assertThat(CALENDAR.workingDays(2025)).isEqualTo(248);
        // (2025-12-31, 2026-12-31] is the whole of 2026, and needs only the 2026 calendar.
        assertThat(WorkingDayCalendar.of(List.of(shipped(2026)))
                .workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31))).isEqualTo(248);
    }

    @Test
    void theShippedFilesHoldExactlyTheNoticesDates() {
        CalendarDefinition d = shipped(2026);
        assertThat(d.year()).isEqualTo(2026);
        assertThat(d.source()).contains("2026年部分节假日安排").contains("2025年11月4日");
        assertThat(d.holidays()).extracting(h -> h.from() + ".." + h.last()).containsExactly(
                "2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06", "2026-05-01..2026-05-05",
                "2026-06-19..2026-06-21", "2026-09-25..2026-09-27", "2026-10-01..2026-10-07");
        assertThat(d.adjustedWorkingDays()).extracting(a -> a.date().toString()).containsExactly(
                "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        assertThat(d.adjustedWorkingDays()).allSatisfy(a ->
                assertThat(a.date().getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # start    | n | expected   | why
            2026-02-13 | 0 | 2026-02-13 | a working day is its own 0th
            2026-02-14 | 0 | 2026-02-14 | an adjusted working day is too
            2026-02-15 | 0 | 2026-02-24 | 0 on a holiday: the next working day, after 春节
            2026-02-13 | 1 | 2026-02-14 | 调休 Saturday counts
            2026-02-14 | 1 | 2026-02-24 | 春节 02-15..02-23 skipped
            2026-02-13 | 2 | 2026-02-24 | 02-14, 02-24
            2026-02-20 | 1 | 2026-02-24 | from inside 春节
            2026-02-24 | 4 | 2026-02-28 | 02-25, 26, 27, 调休 28
            2026-02-24 | 5 | 2026-03-02 | Sunday 03-01 skipped
            2026-01-09 | 1 | 2026-01-12 | ordinary weekend
            2026-09-18 | 1 | 2026-09-20 | 调休 Sunday
            2026-09-18 | 2 | 2026-09-21 | Monday
            2026-09-24 | 1 | 2026-09-28 | 中秋 09-25..09-27 skipped
            2026-09-30 | 1 | 2026-10-08 | 国庆 10-01..10-07 skipped
            2026-09-30 | 3 | 2026-10-10 | 10-08, 10-09, 调休 10-10
            2026-09-30 | 4 | 2026-10-12 | Sunday 10-11 skipped
            2026-12-30 | 1 | 2026-12-31 | last day of the loaded years
            2025-12-31 | 1 | 2026-01-04 | across the year: 元旦 01-01..01-03 skipped, 调休 Sunday 01-04
            2024-12-31 | 1 | 2025-01-02 | the start itself is not examined: 2024 need not be loaded
            """)
    void addWorkingDays(LocalDate start, int n, LocalDate expected, String why) {
        assertThat(CALENDAR.addWorkingDays(start, n)).as(why).isEqualTo(expected);
    }

    /**
     * The regulations' periods: report within 7 working days of a decision, correct within 5, notify within 2. The
     * decision day is not counted; the deadline is the last day in time.
     */
    @ParameterizedTest(name = "decision {0} + {1} working days: by {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # decision | days | deadline   | counted
            2026-09-30 | 7    | 2026-10-15 | 国庆 10-01..07 off; 10-08, 09, 调休 10, 12, 13, 14, 15
            2026-10-03 | 7    | 2026-10-15 | decided on a holiday: counting starts the same way
            2026-02-13 | 7    | 2026-03-02 | 调休 02-14; 春节 02-15..23 off; 02-24, 25, 26, 27, 调休 28, 03-02
            2026-01-05 | 7    | 2026-01-14 | ordinary: 01-06, 07, 08, 09, 12, 13, 14
            2026-04-30 | 5    | 2026-05-11 | 劳动节 05-01..05 off; 05-06, 07, 08, 调休 09, 11
            2026-06-18 | 2    | 2026-06-23 | 端午 06-19..21 off; 06-22, 23
            2025-12-30 | 7    | 2026-01-09 | 2025-12-31; 元旦 off; 调休 01-04, 05, 06, 07, 08, 09
            2025-09-30 | 7    | 2025-10-16 | 国庆、中秋 2025 10-01..08 off; 10-09, 10, 调休 11, 13, 14, 15, 16
            2025-01-24 | 5    | 2025-02-07 | 调休 01-26, 01-27; 春节 01-28..02-04 off; 02-05, 06, 07
            """)
    void deadline(LocalDate decision, int days, LocalDate deadline, String counted) {
        assertThat(CALENDAR.deadline(decision, days)).as(counted).isEqualTo(deadline);
        assertThat(CALENDAR.workingDaysBetween(decision, deadline)).isEqualTo(days);
        assertThat(CALENDAR.isWithin(decision, deadline, days)).isTrue();
        assertThat(CALENDAR.isWithin(decision, deadline.plusDays(1), days)).isEqualTo(!CALENDAR.isWorkingDay(deadline.plusDays(1)));
        assertThat(CALENDAR.isWithin(decision, CALENDAR.addWorkingDays(deadline, 1), days)).isFalse();
    }

    @ParameterizedTest(name = "({0}, {1}] = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # from     | to         | working days
            2026-02-13 | 2026-02-24 | 2
            2026-02-14 | 2026-02-23 | 0
            2026-02-24 | 2026-02-24 | 0
            2026-01-09 | 2026-01-12 | 1
            2026-01-01 | 2026-01-31 | 21
            2026-09-30 | 2026-10-15 | 7
            2026-10-15 | 2026-09-30 | -7
            2025-12-31 | 2026-12-31 | 248
            2024-12-31 | 2026-12-31 | 496
            """)
    void workingDaysBetween(LocalDate from, LocalDate to, int expected) {
        assertThat(CALENDAR.workingDaysBetween(from, to)).isEqualTo(expected);
    }

    @Test
    void addingAndCountingAgreeOverTheWholeOfBothYears() {
        for (LocalDate start = LocalDate.of(2025, 1, 1); start.isBefore(LocalDate.of(2026, 12, 1)); start = start.plusDays(1)) {
            LocalDate zero = CALENDAR.addWorkingDays(start, 0);
            assertThat(CALENDAR.isWorkingDay(zero)).isTrue();
            assertThat(CALENDAR.workingDaysBetween(start, zero)).isEqualTo(zero.equals(start) ? 0 : 1);
            assertThat(zero.equals(start)).isEqualTo(CALENDAR.isWorkingDay(start));
            for (int n = 1; n <= 10; n++) {
                LocalDate d = CALENDAR.addWorkingDays(start, n);
                assertThat(CALENDAR.isWorkingDay(d)).isTrue();
                assertThat(CALENDAR.workingDaysBetween(start, d)).as("%s + %d = %s", start, n, d).isEqualTo(n);
                assertThat(CALENDAR.workingDaysBetween(start, d.minusDays(1))).isEqualTo(n - 1);
            }
        }
    }

    @Test
    void aDeadlinePastTheLastLoadedYearIsAnErrorNamingTheMissingFile() {
        // 2026-12-28 (Monday) + 7: 12-29, 30, 31 are working days, then 2027 — which has no calendar.
        assertThatThrownBy(() -> CALENDAR.deadline(LocalDate.of(2026, 12, 28), 7))
                .isInstanceOfSatisfying(CalendarYearMissingException.class, e -> assertThat(e.year()).isEqualTo(2027))
                .hasMessage("no working-day calendar for 2027: add schedules/calendar-2027.yaml (loaded: 2025, 2026)");
        assertThat(CALENDAR.deadline(LocalDate.of(2026, 12, 28), 3)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2024, 12, 31)))
                .isInstanceOf(CalendarYearMissingException.class).hasMessageContaining("schedules/calendar-2024.yaml");
        assertThatThrownBy(() -> CALENDAR.addWorkingDays(LocalDate.of(2024, 12, 31), 0))
                .isInstanceOf(CalendarYearMissingException.class).hasMessageContaining("2024");
        assertThatThrownBy(() -> CALENDAR.workingDaysBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1)))
                .isInstanceOf(CalendarYearMissingException.class).hasMessageContaining("2027");
        assertThatThrownBy(() -> CALENDAR.workingDays(2027)).isInstanceOf(CalendarYearMissingException.class);
    }

    @Test
    void aGapBetweenLoadedYearsIsReportedToo() {
        CalendarDefinition y2024 = new CalendarDefinition(2024, "test", List.of(), List.of());
        WorkingDayCalendar gap = WorkingDayCalendar.of(List.of(y2024, shipped(2026)));

        assertThatThrownBy(() -> gap.workingDaysBetween(LocalDate.of(2024, 12, 1), LocalDate.of(2026, 1, 10)))
                .isInstanceOfSatisfying(CalendarYearMissingException.class, e -> assertThat(e.year()).isEqualTo(2025))
                .hasMessage("no working-day calendar for 2025: add schedules/calendar-2025.yaml (loaded: 2024, 2026)");
    }

    @Test
    void isWithinLooksNoFurtherThanItMust() {
        LocalDate decision = LocalDate.of(2026, 12, 28);
        assertThat(CALENDAR.isWithin(decision, LocalDate.of(2026, 12, 31), 7)).isTrue();
        // Late already on 12-31 (the third working day > 2): 2027 is never looked at.
        assertThat(CALENDAR.isWithin(decision, LocalDate.of(2027, 1, 10), 2)).isFalse();
        assertThatThrownBy(() -> CALENDAR.isWithin(decision, LocalDate.of(2027, 1, 4), 7))
                .isInstanceOf(CalendarYearMissingException.class).hasMessageContaining("2027");
        // Delivered before (or on) the decision date: in time.
        assertThat(CALENDAR.isWithin(decision, decision, 0)).isTrue();
        assertThat(CALENDAR.isWithin(decision, decision.minusDays(3), 0)).isTrue();
    }

    @Test
    void theEmptyCalendarAnswersNothing() {
        WorkingDayCalendar empty = WorkingDayCalendar.empty();
        assertThat(empty.years()).isEmpty();
        assertThat(empty.covers(LocalDate.of(2026, 1, 5))).isFalse();
        assertThatThrownBy(() -> empty.deadline(LocalDate.of(2026, 1, 5), 7))
                .isInstanceOf(CalendarYearMissingException.class)
                .hasMessage("no working-day calendar for 2026: add schedules/calendar-2026.yaml (no calendar year is loaded)");
    }

    @Test
    void wrongArgumentsAreRefused() {
        assertThatThrownBy(() -> CALENDAR.addWorkingDays(LocalDate.of(2026, 1, 5), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingDayCalendar.of(List.of(shipped(2026), shipped(2026))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026 given twice");
        CalendarDefinition outside = new CalendarDefinition(2026, "test",
                List.of(new CalendarDefinition.Holiday("x", LocalDate.of(2027, 1, 1), null)), List.of());
        assertThatThrownBy(() -> WorkingDayCalendar.of(List.of(outside)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in calendar year 2026");
    }
}
