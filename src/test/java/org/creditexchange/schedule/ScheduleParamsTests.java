package org.creditexchange.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditexchange.config.ConfigFixtures;
import org.creditexchange.config.ConfigProblem;
import org.creditexchange.config.ConfigurationLoader;
import org.creditexchange.config.PlatformConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule's {@code params:} as the loader reads them and as a firing hands them to the steps of its job: the real
 * loader, the real {@link ScheduledJob} and {@link JobRunner}, and steps that remember what they were given.
 */
class ScheduleParamsTests {

    static final Instant FIRED = ZonedDateTime.parse("2026-03-02T02:00:00+08:00[Asia/Shanghai]").toInstant();

    @TempDir
    Path dir;

    Path root;
    final RecordingStep archive = new RecordingStep("archive");
    final RecordingStep rematch = new RecordingStep("rematch");

    @BeforeEach
    void aJobWithTwoSteps() throws IOException {
        root = ConfigFixtures.assemble(dir);
        Files.createDirectories(root.resolve("jobs"));
        Files.createDirectories(root.resolve("schedules"));
        Files.writeString(root.resolve("jobs/monthly.yaml"), """
                id: monthly
                title: 月度
                steps:
                  - type: archive
                    params: {month: 2026-01, keep: from-job}
                  - type: rematch
                """);
    }

    @Test
    void aSchedulesParamsReachEveryStepOfItsJobAndOverrideTheJobFilesOwn() throws IOException {
        schedule("""
                id: monthly
                job: monthly
                cron: "0 0 2 1 * ?"
                params:
                  month: 2026-10
                  limit: 5
                """);
        PlatformConfiguration c = load();
        assertThat(c.schedules().get("monthly").params()).containsExactly(Map.entry("limit", "5"),
                Map.entry("month", "2026-10"));

        Optional<JobRunner.Run> run = firing(c).fire("monthly", FIRED);

        assertThat(run).hasValueSatisfying(r -> assertThat(r.ok()).isTrue());
        assertThat(archive.seen).containsExactly(Map.of("month", "2026-10", "limit", "5", "keep", "from-job"));
        assertThat(rematch.seen).containsExactly(Map.of("month", "2026-10", "limit", "5"));
    }

    @Test
    void aScheduleWithoutParamsRunsItsJobWithTheJobFilesParams() throws IOException {
        schedule("id: monthly\njob: monthly\ncron: \"0 0 2 1 * ?\"\n");
        PlatformConfiguration c = load();
        assertThat(c.schedules().get("monthly").params()).isEmpty();

        firing(c).fire("monthly", FIRED);

        assertThat(archive.seen).containsExactly(Map.of("month", "2026-01", "keep", "from-job"));
        assertThat(rematch.seen).containsExactly(Map.of());
    }

    @Test
    void aParamWrittenWithoutValueIsEmptySoTheStepFallsBackToItsDefault() throws IOException {
        schedule("id: monthly\njob: monthly\ncron: \"0 0 2 1 * ?\"\nparams:\n  month:\n");

        firing(load()).fire("monthly", FIRED);

        assertThat(archive.seen).containsExactly(Map.of("month", "", "keep", "from-job"));
        assertThat(archive.contexts.get(0).param("month", "default")).isEqualTo("default");
    }

    @Test
    void aParamThatIsNotAPlainValueIsRefusedNamingFileAndLine() throws IOException {
        schedule("id: monthly\njob: monthly\ncron: \"0 0 2 1 * ?\"\nparams:\n  month: {from: 1, to: 3}\n");

        ConfigurationLoader.Result result = new ConfigurationLoader(root).load();

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(ConfigProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("schedules/monthly.yaml:5"));
    }

    @Test
    void aFiringOfAWorkingDaysOnlyScheduleOnADayTheCalendarCannotAnswerRunsNothing() throws IOException {
        schedule("id: monthly\njob: monthly\ncron: \"0 0 2 1 * ?\"\nworking-days-only: true\nparams: {month: 2026-10}\n");

        Optional<JobRunner.Run> run = firing(load()).fire("monthly", FIRED);

        assertThat(run).isEmpty();
        assertThat(archive.seen).isEmpty();
    }

    private void schedule(String yaml) throws IOException {
        Files.writeString(root.resolve("schedules/monthly.yaml"), yaml);
    }

    private PlatformConfiguration load() {
        return new ConfigurationLoader(root).load().orThrow();
    }

    private ScheduledJob firing(PlatformConfiguration c) {
        ScheduledJob job = new ScheduledJob();
        job.setConfiguration(c);
        job.setRunner(new JobRunner(c, List.of(archive, rematch), Clock.fixed(FIRED, ScheduleDefinition.DEFAULT_ZONE)));
        return job;
    }

    /** A step of a real type's name that only remembers the parameters it ran with. */
    static final class RecordingStep implements StepType {

        final String name;
        final List<Map<String, String>> seen = new ArrayList<>();
        final List<Context> contexts = new ArrayList<>();

        RecordingStep(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String run(Context context) {
            contexts.add(context);
            seen.add(context.params());
            return "recorded " + context.params();
        }
    }
}
