package org.creditexchange.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.creditexchange.ops.cli.CreditExchangeCommand;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.creditexchange.support.CommandRun;

/** {@code run <job>} as an operator runs it: the engine on H2, the shipped nightly job. */
class RunCommandIntegrationTests {

    static final TestHome HOME = TestHome.create();

    @BeforeAll
    static void engineProperties() throws Exception {
        Files.createDirectories(HOME.home().resolve("jobs"));
        Files.copy(Path.of("jobs/nightly.yaml"), HOME.home().resolve("jobs/nightly.yaml"));
        System.setProperty("cx.home", HOME.home().toString());
        System.setProperty("cx.data-dir", HOME.data().toString());
        System.setProperty("spring.datasource.url", "jdbc:h2:file:" + HOME.data().resolve("db/run") + ";AUTO_SERVER=TRUE");
    }

    @AfterAll
    static void clear() {
        System.clearProperty("cx.home");
        System.clearProperty("cx.data-dir");
        System.clearProperty("spring.datasource.url");
    }

    @Test
    void runNightlyRunsEveryStepPrintsEachSummaryAndExitsZero() {
        CommandRun run = CommandRun.of("run", "nightly");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("[ok]     process-pending: 待处理批次 0 个", "[ok]     rematch: 重新比对",
                "[ok]     archive: 公示期届满转为档案", "作业 nightly 完成");
    }

    @Test
    void runningAJobThatDoesNotExistExitsTwoNamingTheKnownJobs() {
        CommandRun run = CommandRun.of("run", "nighty");

        assertThat(run.exit()).isEqualTo(CreditExchangeCommand.EXIT_CONFIG);
        assertThat(run.err()).contains("no job 'nighty'", "nightly");
    }
}
