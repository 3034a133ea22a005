package org.creditexchange.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.ops.bench.SyntheticPenalties;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An operator stops a large batch in the middle and restarts it: the stop takes effect after the chunk in progress,
 * the restart goes on from the last committed chunk (committed rows are not read again), and the end is what an
 * uninterrupted run gives: every row staged once, received = accepted + rejected, one record per accepted row.
 */
@SpringBootTest(classes = CreditExchangeApplication.class)
class StopAndRestartIntegrationTests {

    static final TestHome HOME = TestHome.create();
    static final int ROWS = 12_000;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerH2(registry);
    }

    @Autowired
    IntakeService intake;
    @Autowired
    IngestService ingest;
    @Autowired
    IngestExecutions executions;
    @Autowired
    BatchRepository batches;
    @Autowired
    JobExplorer explorer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformConfiguration configuration;
    @Autowired
    RunningIngests runningIngests;

    @TempDir
    Path work;

    @Test
    void aStoppedBatchRestartsFromItsLastCommittedChunkAndEndsAsAnUninterruptedRun() throws Exception {
        SyntheticPenalties rows = new SyntheticPenalties(configuration.catalog().item("admin-penalty").orElseThrow(),
                1000, 5);
        Path file = work.resolve("大批量处罚.csv");
        rows.writeCsv(file, ROWS);
        Batch batch = intake.receive(TestHome.UNIT, "drop", file, "大批量处罚.csv");

        // given the batch being processed in another thread, past its first committed chunk
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                ingest.process(batch.id());
            } catch (IngestFailedException expected) {
                // a stopped job ends the batch FAILED, to be restarted
            }
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> staged(batch.id()) > 0);
        JobExecution execution = explorer.findRunningJobExecutions(IngestJobConfiguration.JOB_NAME).iterator().next();
        // what `status` shows of it: the batch, rows committed so far
        RunningIngests.Running shown = runningIngests.now().get(0);
        assertThat(shown.executionId()).isEqualTo(execution.getId());
        assertThat(shown.batchId()).isEqualTo(batch.id());

        // when an operator stops it
        long stoppedBatch = executions.stop(execution.getId(), "ops-zhao", "夜间维护");
        running.get(60, TimeUnit.SECONDS);

        // then it stopped part-way, its committed chunks kept, and it no longer shows as running
        assertThat(runningIngests.now()).isEmpty();
        assertThat(stoppedBatch).isEqualTo(batch.id());
        assertThat(explorer.getJobExecution(execution.getId()).getStatus())
                .isEqualTo(org.springframework.batch.core.BatchStatus.STOPPED);
        assertThat(batches.get(batch.id()).status()).isEqualTo(BatchStatus.FAILED);
        long stagedWhenStopped = staged(batch.id());
        assertThat(stagedWhenStopped).isPositive().isLessThan(ROWS);

        // when it is restarted
        Batch done = executions.restart(execution.getId(), "ops-zhao", "维护结束");

        // then the restart read only what was left, and the end is an uninterrupted run's
        JobExecution restarted = explorer.getLastJobExecution(execution.getJobInstance());
        assertThat(restarted.getId()).isNotEqualTo(execution.getId());
        StepExecution stage = stageOf(restarted);
        assertThat(stage.getReadCount()).isEqualTo(ROWS - stagedWhenStopped);
        assertThat(done.status()).isEqualTo(BatchStatus.DONE);
        assertThat(done.counts().received()).isEqualTo(ROWS);
        assertThat(done.counts().accepted() + done.counts().rejected()).isEqualTo(ROWS);
        assertThat(done.counts().rejected()).isEqualTo(ROWS / 20);
        assertThat(staged(batch.id())).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_org_record WHERE batch_id = ?", Long.class, batch.id()))
                .isEqualTo(done.counts().accepted());
        assertThat(jdbc.queryForList("SELECT action FROM cx_access_log WHERE actor = 'ops-zhao' ORDER BY id", String.class))
                .containsExactly("STOP", "RESTART");
    }

    @Test
    void onlyARunningExecutionIsStoppedAndOnlyAStoppedOrFailedOneRestarted() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> executions.stop(987_654, "ops", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no ingest job execution 987654");
    }

    private long staged(long batchId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM cx_staged_row WHERE batch_id = ?", Long.class, batchId);
        return n == null ? 0 : n;
    }

    private static StepExecution stageOf(JobExecution execution) {
        List<StepExecution> stage = execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals("stage")).toList();
        assertThat(stage).hasSize(1);
        return stage.get(0);
    }
}
