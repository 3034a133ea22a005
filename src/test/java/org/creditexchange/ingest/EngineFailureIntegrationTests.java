package org.creditexchange.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.Builder;
import org.apache.camel.builder.NotifyBuilder;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.drop.DropRoutes;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** When the engine itself fails, the file goes to failed/, the batch is FAILED, and processing it again resumes. */
@SpringBootTest(classes = CreditExchangeApplication.class)
class EngineFailureIntegrationTests {

    static final TestHome HOME = TestHome.create();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerH2(registry);
    }

    @Autowired
    CamelContext camel;
    @Autowired
    DropRoutes dropRoutes;
    @Autowired
    BatchRepository batches;
    @Autowired
    IngestService ingest;
    @Autowired
    JobExplorer explorer;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    @Test
    void failedFeedbackLeavesTheFileInFailedAndARestartFinishesWithoutLoadingTwice() throws Exception {
        // given a feedback folder that cannot be created (a plain file stands in its place)
        Files.createDirectories(HOME.feedback().getParent());
        Files.writeString(HOME.feedback(), "not a folder");
        dropRoutes.startAll();
        Path file = FixtureFiles.penaltyXlsx(work.resolve("fails.xlsx"), List.of(
                PenaltyRows.org(0, "故障〔2026〕1号"), PenaltyRows.org(1, "故障〔2026〕2号").with("违法事实", "")));
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("drop-" + TestHome.UNIT + "-drop")
                .filter(Builder.header("CamelFileNameOnly").isEqualTo("fails.xlsx")).whenDone(1).create();

        // when it is dropped
        Files.move(file, HOME.inbox().resolve("fails.xlsx"), StandardCopyOption.ATOMIC_MOVE);

        // then the engine failure is recorded and the file is kept in failed/, not done/
        assertThat(done.matches(60, TimeUnit.SECONDS)).isTrue();
        Batch failed = batches.recent(1).get(0);
        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.failureMessage()).isNotBlank();
        assertThat(failed.feedbackPath()).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> names(HOME.failed()).stream().anyMatch(n -> n.startsWith("fails")));
        assertThat(names(HOME.done())).noneMatch(n -> n.startsWith("fails"));

        // when the operator fixes the cause and processes the batch again
        Files.delete(HOME.feedback());
        Batch restarted = ingest.process(failed.id());

        // then the job resumes at the failed step: rows are staged and merged once, feedback is written
        assertThat(restarted.status()).isEqualTo(BatchStatus.DONE);
        assertThat(restarted.counts()).isEqualTo(new Batch.Counts(2, 1, 0, 1));
        assertThat(restarted.feedbackPath()).exists();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_staged_row WHERE batch_id = ?", Integer.class, failed.id())).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_org_record WHERE batch_id = ?", Integer.class, failed.id())).isEqualTo(1);
        var instance = explorer.getLastJobInstance(IngestJobConfiguration.JOB_NAME);
        var executions = explorer.getJobExecutions(instance);
        assertThat(executions).hasSize(2);
        long stageRuns = executions.stream().flatMap(e -> e.getStepExecutions().stream())
                .filter(s -> s.getStepName().equals("stage")).count();
        assertThat(stageRuns).as("the stage step is not run again").isEqualTo(1);
    }

    private static List<String> names(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }
}
