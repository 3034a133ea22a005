package org.creditexchange.intake.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.creditexchange.config.ConfigFixtures;
import org.creditexchange.config.ConfigProblem;
import org.creditexchange.config.ConfigurationLoader;
import org.creditexchange.intake.JdbcChannelDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jdbc channel as declared in {@code connectors/<unit>.yaml}, loaded and checked by the real configuration loader. */
class JdbcChannelDefinitionTests {

    @TempDir
    Path dir;

    @Test
    void aFullDeclarationBindsWithItsDefaults() throws IOException {
        ConfigurationLoader.Result result = load("""
                  - id: frontend
                    type: jdbc
                    url: jdbc:postgresql://127.0.0.1:5432/qzj
                    username-env: CX_UNIT_J_DB_USER
                    password-env: CX_UNIT_J_DB_PASSWORD
                    page-size: 500
                    retry: {attempts: 5, backoff: 30s}
                    pulls:
                      - item: penalty
                        table: qzj.CF_XZCF
                        watermark: GXSJ
                        key: ID
                      - name: penalties-2016
                        item: penalty
                        table: CF_XZCF_2016
                        watermark: GXSJ
                        key: ID
                    receipts:
                      table: CX_HZ
                      create: true
                      columns: {batch-id: CX_PCH, status: CX_ZT}
                      status-column: CX_ZT
                """);

        assertThat(result.problems()).isEmpty();
        JdbcChannelDefinition c = (JdbcChannelDefinition) result.orThrow().connector("unit-j").orElseThrow().channels().get(0);
        assertThat(c.remote()).isTrue();
        assertThat(c.database()).isEqualTo("postgresql");
        assertThat(c.pageSize()).isEqualTo(500);
        assertThat(c.maxRowsPerFile()).isEqualTo(100_000);
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.retry().attempts()).isEqualTo(5);
        assertThat(c.pulls()).extracting(JdbcChannelDefinition.Pull::effectiveName)
                .containsExactly("qzj.CF_XZCF", "penalties-2016");
        assertThat(c.receipts().create()).isTrue();
        assertThat(c.receipts().column("batch-id")).isEqualTo("CX_PCH");
        assertThat(c.receipts().column("row-no")).isEqualTo("ROW_NO");
    }

    @Test
    void aPasswordWrittenIntoTheYamlIsRefused() throws IOException {
        ConfigurationLoader.Result result = load("""
                  - id: frontend
                    type: jdbc
                    url: jdbc:h2:mem:x
                    password: secret
                    pulls: [{item: penalty, table: T, watermark: GXSJ}]
                """);

        assertThat(result.problems()).extracting(ConfigProblem::message)
                .anySatisfy(m -> assertThat(m).startsWith("unknown key 'password'").contains("password-env"));
    }

    @Test
    void everyMistakeIsListedWithItsPathAndLine() throws IOException {
        ConfigurationLoader.Result result = load("""
                  - id: frontend
                    type: jdbc
                    url: jdbc:oracle:thin:@10.0.0.1:1521:orcl
                    password-env: ${CX_DB_PASSWORD}
                    page-size: 0
                    items: [penalty]
                    pulls:
                      - item: license
                        table: "CF_XZCF; DROP TABLE X"
                        watermark: GXSJ
                      - item: penalty
                        table: T
                        query: SELECT * FROM T
                        watermark: "GXSJ DESC"
                      - item: penalty
                        key: ID
                      - item: penalty
                        query: "DELETE FROM T"
                        watermark: GXSJ
                    receipts:
                      columns: {batch: X}
                      status-column: ZT
                """);

        List<String> problems = result.problems().stream().map(p -> p.line() + " " + p.path() + ": " + p.message()).toList();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("6 channels[0].url: unsupported database in 'oracle'"))
                .anySatisfy(p -> assertThat(p).startsWith("7 channels[0].password-env: write the environment variable's name"))
                .anySatisfy(p -> assertThat(p).startsWith("8 channels[0].page-size: page-size must be at least 1"))
                .anySatisfy(p -> assertThat(p).startsWith("11 channels[0].pulls[0].item: item 'license' is not among"))
                .anySatisfy(p -> assertThat(p).startsWith("12 channels[0].pulls[0].table: 'CF_XZCF; DROP TABLE X' is not a plain table name"))
                .anySatisfy(p -> assertThat(p).contains("channels[0].pulls[1]: a pull reads either a table or a query (it names both)"))
                .anySatisfy(p -> assertThat(p).startsWith("17 channels[0].pulls[1].watermark: 'GXSJ DESC' is not a plain column name"))
                .anySatisfy(p -> assertThat(p).contains("channels[0].pulls[2]: a pull reads either a table or a query (it names neither)"))
                .anySatisfy(p -> assertThat(p).contains("channels[0].pulls[2].watermark: a pull needs a watermark column"))
                .anySatisfy(p -> assertThat(p).contains("channels[0].pulls[3].query: the query must be one SELECT"))
                .anySatisfy(p -> assertThat(p).contains("channels[0].receipts.table: receipts need the table"))
                .anySatisfy(p -> assertThat(p).contains("channels[0].receipts.columns.batch: unknown receipt column 'batch'"))
                .anySatisfy(p -> assertThat(p).contains("channels[0].pulls[1]: receipts.status-column updates the source rows"));
    }

    @Test
    void aChannelWithoutUrlOrPullsSaysSo() {
        JdbcChannelDefinition c = new JdbcChannelDefinition("frontend", List.of(), null, " ", null, null, null, null,
                null, null, null, null);

        assertThat(c.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactly(
                "url: a jdbc channel needs the url of the front-end database",
                "pulls: a jdbc channel needs at least one pull (a table or query to read)");
    }

    @Test
    void twoPullsOfOneTableNeedNames() {
        JdbcChannelDefinition.Pull p = new JdbcChannelDefinition.Pull(null, "penalty", "T", null, "GXSJ", null);
        JdbcChannelDefinition c = new JdbcChannelDefinition("frontend", List.of(), null, "jdbc:h2:mem:x", null, null,
                null, null, null, null, List.of(p, p), null);

        assertThat(c.problems()).extracting(x -> x.path() + ": " + x.message())
                .containsExactly("pulls[1]: two pulls are named 'T': give them distinct names (name:)");
    }

    private ConfigurationLoader.Result load(String channels) throws IOException {
        Path home = ConfigFixtures.assemble(dir);
        Files.writeString(home.resolve("connectors").resolve("unit-j.yaml"), """
                code: unit-j
                name: 测试区人民法院
                channels:
                """ + channels);
        return new ConfigurationLoader(home).load();
    }
}
