package org.creditexchange.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.creditexchange.config.ConfigFixtures;
import org.creditexchange.config.ConfigurationLoader;
import org.creditexchange.config.PlatformConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs and Quartz triggers as the loader reads them. */
class JobConfigurationTests {

    @TempDir
    Path dir;

    @Test
    void theShippedNightlyJobAndScheduleAreValidAndRunAtTwoEveryNightInShanghai() {
        PlatformConfiguration c = new ConfigurationLoader(Path.of(".")).load().orThrow();

        assertThat(c.jobs().get("nightly").steps()).extracting(JobDefinition.Step::type)
                .containsExactly("collect", "process-pending", "rematch", "archive", "digest");
        ScheduleDefinition nightly = c.schedules().get("nightly");
        assertThat(nightly.job()).isEqualTo("nightly");
        assertThat(nightly.cron()).isEqualTo("0 0 2 * * ?");
        assertThat(nightly.zone()).isEqualTo(ScheduleDefinition.DEFAULT_ZONE);
        assertThat(nightly.misfire()).isEqualTo(ScheduleDefinition.FIRE_ONCE);
        assertThat(c.calendar().years()).contains(2025, 2026);
    }

    @Test
    void aScheduleWithoutZoneMisfireOrWorkingDaysRunsEveryDayInShanghaiAndFiresOnceAfterAMisfire() throws IOException {
        Path root = ConfigFixtures.assemble(dir);
        Files.createDirectories(root.resolve("jobs"));
        Files.createDirectories(root.resolve("schedules"));
        Files.writeString(root.resolve("jobs/tidy.yaml"), "id: tidy\ntitle: 转档案\nsteps:\n  - type: archive\n    params: {note: x}\n");
        Files.writeString(root.resolve("schedules/tidy.yaml"), "id: tidy\njob: tidy\ncron: 0 30 1 * * ?\n");

        PlatformConfiguration c = new ConfigurationLoader(root).load().orThrow();

        ScheduleDefinition s = c.schedules().get("tidy");
        assertThat(s.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(s.workingDaysOnly()).isFalse();
        assertThat(s.misfire()).isEqualTo("fire-once");
        assertThat(c.jobs().get("tidy").steps().get(0).params()).containsEntry("note", "x");
    }

    @Test
    void theStepTypesACheckAcceptsAreTheSixOfTheDesign() {
        assertThat(StepType.AVAILABLE).containsExactlyInAnyOrder("collect", "process-pending", "rematch", "archive",
                "assessment", "digest");
    }
}
