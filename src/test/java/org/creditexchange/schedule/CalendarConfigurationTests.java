package org.creditexchange.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.creditexchange.config.ConfigFixtures;
import org.creditexchange.config.ConfigProblem;
import org.creditexchange.config.ConfigurationLoader;
import org.creditexchange.config.PlatformConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calendars as the configuration loader reads them from {@code schedules/calendar-<year>.yaml}. */
class CalendarConfigurationTests {

    @TempDir
    Path dir;

    @Test
    void theShippedConfigurationCarriesBothCalendars() {
        PlatformConfiguration c = new ConfigurationLoader(Path.of("")).load().orThrow();

        assertThat(c.calendar().years()).containsExactly(2025, 2026);
        assertThat(c.calendar().workingDays(2026)).isEqualTo(248);
        assertThat(c.calendar().deadline(LocalDate.of(2026, 9, 30), 7)).isEqualTo(LocalDate.of(2026, 10, 15));
    }

    @Test
    void withoutASchedulesFolderTheCalendarIsEmptyAndThatIsNoMistake() {
        ConfigurationLoader.Result result = new ConfigurationLoader(ConfigFixtures.assemble(dir)).load();

        assertThat(result.problems()).isEmpty();
        WorkingDayCalendar calendar = result.orThrow().calendar();
        assertThat(calendar.years()).isEmpty();
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2026, 1, 5)))
                .isInstanceOf(CalendarYearMissingException.class)
                .hasMessageContaining("add schedules/calendar-2026.yaml");
    }

    @Test
    void otherFilesInTheSchedulesFolderAreNotCalendars() throws IOException {
        Path root = ConfigFixtures.assemble(dir);
        Files.createDirectories(root.resolve("schedules"));
        Files.writeString(root.resolve("schedules/README.md"), "triggers and calendars\n");
        Files.writeString(root.resolve("schedules/nightly.yaml"), "id: nightly\ncron: 0 0 2 * * ?\njob: nightly\n");
        Files.createDirectories(root.resolve("jobs"));
        Files.writeString(root.resolve("jobs/nightly.yaml"), "id: nightly\ntitle: t\nsteps:\n  - type: archive\n");

        ConfigurationLoader.Result result = new ConfigurationLoader(root).load();

        assertThat(result.problems()).isEmpty();
        assertThat(result.orThrow().calendar().years()).isEmpty();
        assertThat(result.orThrow().schedules()).containsOnlyKeys("nightly");
    }

    @Test
    void calendarFilesAreLoadedByYear() throws IOException {
        Path root = ConfigFixtures.assemble(dir);
        Files.createDirectories(root.resolve("schedules"));
        Files.copy(Path.of("schedules/calendar-2026.yaml"), root.resolve("schedules/calendar-2026.yaml"));

        WorkingDayCalendar calendar = new ConfigurationLoader(root).load().orThrow().calendar();

        assertThat(calendar.years()).containsExactly(2026);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
    }

    @Test
    void everyMistakeInACalendarIsReportedAtOnceSortedByLine() throws IOException {
        Path root = ConfigFixtures.assemble(dir);
        Files.createDirectories(root.resolve("schedules"));
        Files.writeString(root.resolve("schedules/calendar-2026.yaml"), """
                year: 2025
                source: test
                holidays:
                  - {name: 春节, from: 2026-02-15, to: 2026-02-23}
                  - {name: 国庆节, from: 2026-10-07, to: 2026-10-01}
                  - {name: 元旦, from: 2027-01-01}
                adjusted-working-days:
                  - {date: 2026-02-16, for: 春节}
                  - {date: 2026-10-09, for: 国庆节}
                """);

        ConfigurationLoader.Result result = new ConfigurationLoader(root).load();

        assertThat(result.configuration()).isNull();
        assertThat(result.problems()).extracting(ConfigProblem::toString).containsExactly(
                "schedules/calendar-2026.yaml:1: year: year 2025 must equal the file name's year 2026",
                "schedules/calendar-2026.yaml:5: holidays[1].to: to 2026-10-01 is before from 2026-10-07",
                "schedules/calendar-2026.yaml:6: holidays[2].from: 2027-01-01 is not in 2026 (one file per year: calendar-2026.yaml)",
                "schedules/calendar-2026.yaml:8: adjusted-working-days[0].date: 2026-02-16 is both a holiday (holidays[0] 春节) and an adjusted working day",
                "schedules/calendar-2026.yaml:9: adjusted-working-days[1].date: 2026-10-09 is a Friday: an adjusted working day (调休上班) is a Saturday or Sunday");
    }

    @Test
    void aCalendarWithTheYmlExtensionIsReported() throws IOException {
        Path root = ConfigFixtures.assemble(dir);
        Files.createDirectories(root.resolve("schedules"));
        Files.copy(Path.of("schedules/calendar-2026.yaml"), root.resolve("schedules/calendar-2026.yml"));

        assertThat(new ConfigurationLoader(root).load().problems()).extracting(ConfigProblem::toString)
                .containsExactly("schedules/calendar-2026.yml: configuration files end in .yaml, not .yml");
    }
}
