package org.creditexchange.report.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditexchange.support.CommandRun;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code run assessment month=…} as an operator runs it: the engine on H2, the shipped job file. */
class AssessmentRunCommandIntegrationTests {

    static final TestHome HOME = TestHome.create();

    @BeforeAll
    static void engineProperties() throws Exception {
        Files.createDirectories(HOME.home().resolve("jobs"));
        Files.copy(Path.of("jobs/assessment.yaml"), HOME.home().resolve("jobs/assessment.yaml"));
        HOME.useForCommands("assessment");
    }

    @AfterAll
    static void clear() {
        TestHome.clearCommandProperties();
    }

    @Test
    void runAssessmentForAMonthWritesEveryUnitsWorkbookAndTheSummaryAndExitsZero() throws Exception {
        CommandRun run = CommandRun.of("run", "assessment", "month=2026-10", "units=e2e-unit,sample-tax");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("[ok]     assessment: 2026-10 报送考核：2 个单位，0 个有报送，2 个本月无报送",
                "作业 assessment 完成");
        Path summary = HOME.data().resolve("reports/assessment/2026-10-考核汇总.xlsx");
        try (XSSFWorkbook wb = AssessmentContract.open(summary)) {
            assertThat(AssessmentContract.rows(wb.getSheet("考核汇总")).subList(2, 4))
                    .extracting(r -> r.get(0) + " " + r.get(r.size() - 1))
                    .containsExactly("e2e-unit 本月无报送", "sample-tax 本月无报送");
        }
        assertThat(HOME.feedback().resolve("2026-10-信用信息报送考核-e2e-unit.xlsx")).exists();
        assertThat(HOME.data().resolve("drop/sample-tax/feedback/2026-10-信用信息报送考核-sample-tax.xlsx")).exists();
    }
}
