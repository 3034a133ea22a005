package org.creditexchange.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.support.CommandRun;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code reload} as an operator uses it: a file refused because the unit names a column its own way is loaded once
 * the unit's source mapping names it, by reloading the landed batch — each run a fresh engine reading today's
 * configuration; reloading again stores nothing twice.
 */
class ReloadCommandIntegrationTests {

    static final TestHome HOME = TestHome.create();
    static final String DB = HOME.commandDatabaseUrl("reload");

    @BeforeAll
    static void engineProperties() {
        HOME.useForCommands("reload");
    }

    @AfterAll
    static void clear() {
        TestHome.clearCommandProperties();
    }

    @Test
    void aMappingFixThenReloadLoadsTheRefusedFileAndAReloadAgainChangesNothing() throws Exception {
        // given a file whose 违法事实 column the unit calls 案情摘要: refused as a whole (a required column missing)
        Path file = HOME.data().resolveSibling("处罚-自编列名.csv");
        FixtureFiles.penaltyCsv(file, StandardCharsets.UTF_8, List.of(PenaltyRows.org(0, "测罚〔2026〕701号"),
                PenaltyRows.org(1, "测罚〔2026〕702号")));
        Files.writeString(file, Files.readString(file).replace("违法事实", "案情摘要"));
        CommandRun first = CommandRun.of("ingest", "--unit", TestHome.UNIT, "--json", file.toString());
        long batch = first.jsonLines().get(0).get("batch").asLong();
        assertThat(first.jsonLines().get(0).get("status").asText()).as(first.err()).isEqualTo("REJECTED");

        // when the unit's source mapping names the column, and the operator reloads the batch
        Path mapping = Files.createDirectories(HOME.home().resolve("mappings/sources").resolve(TestHome.UNIT));
        Files.writeString(mapping.resolve("admin-penalty.yaml"), """
                unit: e2e-unit
                item: admin-penalty
                header-aliases:
                  violation-facts: [案情摘要]
                """);
        CommandRun reload = CommandRun.of("reload", "--batch", String.valueOf(batch), "--reason", "映射已补充案情摘要列",
                "--operator", "ops-li");

        // then the same batch is processed with today's configuration: loaded, a new feedback, the reload audited
        assertThat(reload.exit()).as(reload.err()).isZero();
        assertThat(query("SELECT status || ' ' || rows_accepted FROM cx_batch WHERE id = " + batch)).containsExactly("DONE 2");
        assertThat(query("SELECT COUNT(*) FROM cx_org_record WHERE batch_id = " + batch)).containsExactly("2");
        assertThat(query("SELECT actor || ' ' || action || ' ' || target || ' ' || reason FROM cx_access_log "
                + "WHERE target = 'batch " + batch + "'"))
                .containsExactly("ops-li RELOAD batch " + batch + " 映射已补充案情摘要列");
        String feedback = query("SELECT feedback_path FROM cx_batch WHERE id = " + batch).get(0);
        assertThat(Path.of(feedback)).isRegularFile();

        // and reloading it again (a range: the unit's batches received today) writes no record and no version twice
        String today = LocalDate.now(IntakeService.ZONE).toString();
        CommandRun again = CommandRun.of("reload", "--unit", TestHome.UNIT, "--from", today, "--to", today);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("重新处理 1 个批次");
        assertThat(query("SELECT COUNT(*) FROM cx_org_record WHERE unit_code = 'e2e-unit'")).containsExactly("2");
        assertThat(query("SELECT COUNT(*) FROM cx_record_version WHERE unit_code = 'e2e-unit'")).containsExactly("0");
        assertThat(query("SELECT COUNT(*) FROM cx_staged_row WHERE batch_id = " + batch)).containsExactly("2");
        assertThat(query("SELECT COUNT(*) FROM cx_access_log WHERE action = 'RELOAD' AND target = 'batch " + batch + "'"))
                .containsExactly("2");
    }

    @Test
    void aBatchThatIsNeitherDoneNorRejectedIsNotReloaded() throws Exception {
        Path file = FixtureFiles.penaltyCsv(HOME.data().resolveSibling("处罚-重复.csv"), StandardCharsets.UTF_8,
                List.of(PenaltyRows.org(2, "测罚〔2026〕801号")));
        CommandRun.of("ingest", "--unit", TestHome.OTHER_UNIT, file.toString());
        CommandRun duplicate = CommandRun.of("ingest", "--unit", TestHome.OTHER_UNIT, "--json", file.toString());
        long batch = duplicate.jsonLines().get(0).get("batch").asLong();

        CommandRun reload = CommandRun.of("reload", "--batch", String.valueOf(batch));

        assertThat(reload.exit()).isNotZero();
        assertThat(reload.err()).contains("is DUPLICATE", "only DONE or REJECTED batches are reloaded");
    }

    private static List<String> query(String sql) throws Exception {
        List<String> values = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(DB, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
