package org.creditexchange.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real Quartz scheduler with the JDBC job store on H2 (tables by Flyway): a trigger firing every second runs a
 * job of {@code jobs/} that processes what was received. The context is closed afterwards so the trigger stops.
 */
@SpringBootTest(classes = CreditExchangeApplication.class)
@DirtiesContext
class QuartzSchedulingIntegrationTests {

    static final TestHome HOME = withJobAndSchedule(TestHome.create());

    static TestHome withJobAndSchedule(TestHome home) {
        try {
            Files.createDirectories(home.home().resolve("jobs"));
            Files.createDirectories(home.home().resolve("schedules"));
            Files.writeString(home.home().resolve("jobs/pending.yaml"),
                    "id: pending\ntitle: 处理待处理批次\nsteps:\n  - type: process-pending\n");
            Files.writeString(home.home().resolve("schedules/every-second.yaml"),
                    "id: every-second\njob: pending\ncron: \"* * * * * ?\"\nmisfire: skip\n");
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cx.home", () -> HOME.home().toString());
        registry.add("cx.data-dir", () -> HOME.data().toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + HOME.data().resolve("db/quartz") + ";AUTO_SERVER=TRUE");
    }

    @Autowired
    Scheduler scheduler;
    @Autowired
    QuartzSchedules schedules;
    @Autowired
    IntakeService intake;
    @Autowired
    BatchRepository batches;
    @Autowired
    List<StepType> stepTypes;

    @TempDir
    Path work;

    @Test
    void aTriggerEverySecondProcessesAReceivedBatchThroughItsJob() throws Exception {
        assertThat(scheduler.isStarted()).as("the scheduler waits for serve").isFalse();
        assertThat(schedules.nextFire("every-second")).as("not stored before serve starts it").isEmpty();
        Path file = FixtureFiles.penaltyXlsx(work.resolve("处罚.xlsx"),
                List.of(PenaltyRows.org(0, "定时〔2026〕1号"), PenaltyRows.org(1, "定时〔2026〕2号")));
        Batch received = intake.receive(TestHome.UNIT, "drop", file, "处罚.xlsx");
        assertThat(received.status()).isEqualTo(BatchStatus.RECEIVED);

        List<String> started = schedules.start();

        assertThat(started).singleElement().asString().startsWith("every-second (job pending");
        assertThat(scheduler.getTrigger(TriggerKey.triggerKey("every-second", QuartzSchedules.GROUP))).isNotNull();
        assertThat(schedules.nextFire("every-second")).hasValueSatisfying(t ->
                assertThat(t.toInstant()).isBefore(java.time.Instant.now().plusSeconds(5)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> batches.get(received.id()).status() == BatchStatus.DONE);
        assertThat(batches.get(received.id()).counts().accepted()).isEqualTo(2);
    }

    @Test
    void everyStepTypeCheckAcceptsHasABeanThatRunsIt() {
        assertThat(stepTypes).extracting(StepType::name).containsExactlyInAnyOrderElementsOf(StepType.AVAILABLE);
    }
}
