package org.creditexchange.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creditexchange.catalog.Catalog;
import org.creditexchange.catalog.ProhibitedData;
import org.creditexchange.config.PlatformConfiguration;
import org.junit.jupiter.api.Test;

/** A job's steps run in order; a failing step is reported and the following steps still run. */
class JobRunnerTests {

    private final List<String> ran = new ArrayList<>();

    private StepType step(String name, boolean fails) {
        return new StepType() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String run(Context context) {
                ran.add(name + "@" + context.today());
                if (fails) {
                    throw new StepFailedException(name + " broke");
                }
                return name + " did 3";
            }
        };
    }

    private static PlatformConfiguration configuration(JobDefinition job) {
        return new PlatformConfiguration(Path.of("."), Map.of(), new Catalog(Map.of(), Map.of()), Map.of(), Map.of(),
                ProhibitedData.none(), WorkingDayCalendar.empty(), Map.of(job.id(), job), Map.of());
    }

    private static JobDefinition job(String... types) {
        return new JobDefinition("nightly", "t", java.util.Arrays.stream(types).map(t -> new JobDefinition.Step(t, null)).toList());
    }

    // 2026-10-01 17:00 UTC is already 2026-10-02 in Shanghai.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-01T17:00:00Z"), ZoneOffset.UTC);

    @Test
    void stepsRunInOrderOnTheShanghaiDateAndEachReportsItsSummary() {
        JobRunner runner = new JobRunner(configuration(job("a", "b")), List.of(step("b", false), step("a", false)), CLOCK);

        JobRunner.Run run = runner.run("nightly");

        assertThat(run.ok()).isTrue();
        assertThat(run.today()).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(ran).containsExactly("a@2026-10-02", "b@2026-10-02");
        assertThat(run.steps()).extracting(JobRunner.StepResult::summary).containsExactly("a did 3", "b did 3");
    }

    @Test
    void aFailingStepIsReportedAndTheNextStepsStillRun() {
        JobRunner runner = new JobRunner(configuration(job("a", "b", "c")),
                List.of(step("a", false), step("b", true), step("c", false)), CLOCK);

        JobRunner.Run run = runner.run("nightly");

        assertThat(run.ok()).isFalse();
        assertThat(ran).hasSize(3);
        assertThat(run.steps()).extracting(JobRunner.StepResult::ok).containsExactly(true, false, true);
        assertThat(run.steps().get(1).summary()).contains("b broke");
    }

    @Test
    void anUnknownJobIsRefusedNamingTheKnownOnes() {
        JobRunner runner = new JobRunner(configuration(job("a")), List.of(step("a", false)), CLOCK);

        assertThatThrownBy(() -> runner.run("nighty")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no job 'nighty'").hasMessageContaining("nightly");
    }
}
