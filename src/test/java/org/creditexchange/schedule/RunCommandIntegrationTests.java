package org.creditexchange.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.creditexchange.ops.cli.CreditExchangeCommand;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int exit = CreditExchangeCommand.run(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void runNightlyRunsEveryStepPrintsEachSummaryAndExitsZero() {
        Run run = run("run", "nightly");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("[ok]     process-pending: 待处理批次 0 个", "[ok]     rematch: 重新比对",
                "[ok]     archive: 公示期届满转为档案", "作业 nightly 完成");
    }

    @Test
    void runningAJobThatDoesNotExistExitsTwoNamingTheKnownJobs() {
        Run run = run("run", "nighty");

        assertThat(run.exit()).isEqualTo(CreditExchangeCommand.EXIT_CONFIG);
        assertThat(run.err()).contains("no job 'nighty'", "nightly");
    }
}
