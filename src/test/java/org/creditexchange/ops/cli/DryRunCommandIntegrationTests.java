package org.creditexchange.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creditexchange.support.CommandRun;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ingest --dry-run}: the clerk's file is checked as it would be processed — the same verdicts as the real run
 * after it — and its feedback written aside, but nothing is stored: no record, no registry entry, no staging, no
 * landed copy, and the real file afterwards is no duplicate of the dry run.
 */
class DryRunCommandIntegrationTests {

    static final TestHome HOME = TestHome.create();
    static final String DB = HOME.commandDatabaseUrl("dry-run");

    @BeforeAll
    static void engineProperties() {
        HOME.useForCommands("dry-run");
    }

    @AfterAll
    static void clear() {
        TestHome.clearCommandProperties();
    }

    @Test
    void aDryRunStoresNothingAndTellsWhatTheRealRunThenDoes() throws Exception {
        Path file = FixtureFiles.penaltyCsv(HOME.data().resolveSibling("试报-处罚.csv"), StandardCharsets.UTF_8, List.of(
                PenaltyRows.org(0, "试报〔2026〕1号"), PenaltyRows.person("试报〔2026〕2号"),
                PenaltyRows.org(1, "试报〔2026〕3号").with("行政相对人代码_1(统一社会信用代码)", "91330106MA2H000XXX")));

        CommandRun dry = CommandRun.of("ingest", "--unit", TestHome.UNIT, "--dry-run", file.toString());

        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("试运行 批次", "接收 3 行，可入库 2 行", "将拒绝 1 行", "未写入信用库", "反馈（试运行）")
                .doesNotContain(PenaltyRows.PERSON_ID);
        assertThat(dry.err()).doesNotContain(PenaltyRows.PERSON_ID);
        // nothing kept: no record, no subject registered, no staging; the batch stays only as the trace of the run
        for (String table : List.of("cx_org_record", "cx_person_record", "cx_person_subject", "cx_org_subject",
                "cx_staged_row", "cx_staged_content", "cx_staged_reason", "cx_record_version")) {
            assertThat(query("SELECT COUNT(*) FROM " + table)).as(table).containsExactly("0");
        }
        assertThat(query("SELECT status || ' ' || channel_id FROM cx_batch")).containsExactly("DRY_RUN dry-run");
        assertThat(Path.of(query("SELECT landed_path FROM cx_batch").get(0))).doesNotExist();
        // the feedback was written aside, never into the unit's folder
        try (var files = Files.list(HOME.data().resolve("dry-run").resolve(TestHome.UNIT))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".xlsx"))
                    .anyMatch(n -> n.endsWith(".csv"));
        }
        assertThat(HOME.feedback()).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());

        // when the clerk then sends the file for real, it is new (no duplicate of the dry run) and ends as foretold
        CommandRun real = CommandRun.of("ingest", "--unit", TestHome.UNIT, "--json", file.toString());
        JsonNode done = real.jsonLines().get(0);
        assertThat(done.get("status").asText()).as(real.err()).isEqualTo("DONE");
        Matcher foretold = Pattern.compile("可入库 (\\d+) 行（其中有警告 (\\d+) 行），将拒绝 (\\d+) 行").matcher(dry.out());
        assertThat(foretold.find()).isTrue();
        assertThat(done.get("accepted").asLong()).isEqualTo(Long.parseLong(foretold.group(1)));
        assertThat(done.get("warned").asLong()).isEqualTo(Long.parseLong(foretold.group(2)));
        assertThat(done.get("rejected").asLong()).isEqualTo(Long.parseLong(foretold.group(3)));
        assertThat(query("SELECT COUNT(*) FROM cx_person_subject")).containsExactly("1");
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
