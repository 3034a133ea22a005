package org.creditexchange.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether a firing runs its job, decided for a given date (no waiting for the scheduler). */
class ScheduledJobDecisionTests {

    private static final WorkingDayCalendar CALENDAR =
            WorkingDayCalendar.of(List.of(WorkingDayCalendarTests.shipped(2026)));

    private static ScheduleDefinition schedule(boolean workingDaysOnly) {
        return new ScheduleDefinition("s", "nightly", "0 0 2 * * ?", null, workingDaysOnly, null);
    }

    @Test
    void aWorkingDaysOnlyScheduleSkipsANationalHoliday() {
        ScheduledJob.Decision d = ScheduledJob.decide(schedule(true), CALENDAR, LocalDate.of(2026, 10, 2));

        assertThat(d.run()).isFalse();
        assertThat(d.reason()).contains("2026-10-02 is not a working day");
    }

    @Test
    void aWorkingDaysOnlyScheduleRunsOnAnAdjustedWorkingSaturdayAndSkipsAnOrdinarySunday() {
        assertThat(ScheduledJob.decide(schedule(true), CALENDAR, LocalDate.of(2026, 10, 10)).run()).isTrue();
        assertThat(ScheduledJob.decide(schedule(true), CALENDAR, LocalDate.of(2026, 10, 11)).run()).isFalse();
        assertThat(ScheduledJob.decide(schedule(true), CALENDAR, LocalDate.of(2026, 10, 12)).run()).isTrue();
    }

    @Test
    void aScheduleNotLimitedToWorkingDaysRunsOnHolidaysToo() {
        assertThat(ScheduledJob.decide(schedule(false), CALENDAR, LocalDate.of(2026, 10, 2)).run()).isTrue();
    }

    @Test
    void aYearWithoutCalendarIsNotGuessedTheFiringIsSkippedNamingTheMissingFile() {
        ScheduledJob.Decision d = ScheduledJob.decide(schedule(true), CALENDAR, LocalDate.of(2027, 1, 4));

        assertThat(d.run()).isFalse();
        assertThat(d.reason()).contains("schedules/calendar-2027.yaml");
    }
}
