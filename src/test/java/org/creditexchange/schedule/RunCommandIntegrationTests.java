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
        HOME.useForCommands("run");
    }

    @AfterAll
    static void clear() {
        TestHome.clearCommandProperties();
    }

    @Test
    void runNightlyRunsEveryStepPrintsEachSummaryAndExitsZero() {
        CommandRun run = CommandRun.of("run", "nightly");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("[ok]     collect: 采集通道 0 个", "[ok]     process-pending: 待处理批次 0 个",
                "[ok]     rematch: 重新比对", "[ok]     archive: 公示期届满转为档案", "[ok]     digest: 运行摘要已写入",
                "作业 nightly 完成");
        try (var digests = Files.list(HOME.data().resolve("digests"))) {
            Path text = digests.filter(p -> p.toString().endsWith("-nightly.txt")).findFirst().orElseThrow();
            // Every configured unit is named, silent ones too, and the steps before the digest are listed.
            assertThat(Files.readString(text)).contains("结论：全部正常", "[ok]     collect", "[ok]     archive",
                    "e2e-unit 测试区市场监督管理局：无报送", "sample-tax");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aParameterThatIsNotKeyEqualsValueIsRefusedBeforeTheEngineStarts() {
        CommandRun run = CommandRun.of("run", "nightly", "month");

        assertThat(run.exit()).isEqualTo(CreditExchangeCommand.EXIT_CONFIG);
        assertThat(run.err()).contains("参数格式应为 键=值", "month");
    }

    @Test
    void runningAJobThatDoesNotExistExitsTwoNamingTheKnownJobs() {
        CommandRun run = CommandRun.of("run", "nighty");

        assertThat(run.exit()).isEqualTo(CreditExchangeCommand.EXIT_CONFIG);
        assertThat(run.err()).contains("no job 'nighty'", "nightly");
    }
}
