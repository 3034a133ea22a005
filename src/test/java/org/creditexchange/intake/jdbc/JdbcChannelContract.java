package org.creditexchange.intake.jdbc;

import org.creditexchange.support.FrontEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.intake.JdbcChannelDefinition;
import org.creditexchange.intake.collect.ChannelCollection;
import org.creditexchange.intake.collect.ChannelCollector;
import org.creditexchange.intake.collect.ChannelCollector.Collected;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The jdbc channel against a real front-end database: incremental pulls landed as batches and loaded, ties at the
 * watermark, a failure between landing and commit, receipts written back. Subclasses give the engine's database and
 * the front-end (H2, PostgreSQL, MariaDB). Every test has its own channel and tables, so their watermarks stay apart.
 */
@SpringBootTest(classes = CreditExchangeApplication.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class JdbcChannelContract {

    static final String UNIT = "jdbc-unit";
    static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 20, 2, 0);

    @Autowired
    JdbcCollector collector;
    @Autowired
    JdbcReceiptDelivery delivery;
    @Autowired
    IntakeService intake;
    @Autowired
    IngestService ingest;
    @Autowired
    BatchRepository batches;
    @Autowired
    PlatformConfiguration configuration;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChannelCollection collection;

    @TempDir
    Path work;

    abstract FrontEnd frontEnd();

    /** Declares the test unit, whose channels all read {@code fe}; to be called before the engine starts. */
    static void declareUnit(TestHome home, FrontEnd fe) {
        String login = "    url: \"" + fe.url() + "\"\n"
                + "    username-env: " + FrontEnd.USER_ENV + "\n"
                + "    password-env: " + FrontEnd.PASSWORD_ENV + "\n";
        String yaml = "code: " + UNIT + "\n"
                + "name: 测试区人民法院\n"
                + "channels:\n"
                + "  - id: penalties\n    type: jdbc\n" + login
                + "    page-size: 2\n"
                + "    pulls: [{item: admin-penalty, table: CF_XZCF, watermark: GXSJ, key: ID}]\n"
                + "  - id: ties-keyed\n    type: jdbc\n" + login
                + "    page-size: 2\n"
                + "    pulls: [{item: admin-penalty, table: FE_TIES_K, watermark: GXSJ, key: ID}]\n"
                + "  - id: ties-unkeyed\n    type: jdbc\n" + login
                + "    page-size: 2\n"
                + "    pulls: [{item: admin-penalty, table: FE_TIES_U, watermark: GXSJ}]\n"
                + "  - id: restart\n    type: jdbc\n" + login
                + "    page-size: 2\n"
                + "    max-rows-per-file: 2\n"
                + "    pulls: [{item: admin-penalty, table: CF_XZCF_R, watermark: GXSJ, key: ID}]\n"
                + "  - id: receipts\n    type: jdbc\n" + login
                + "    pulls: [{item: admin-penalty, table: CF_XZCF_H, watermark: GXSJ, key: ID}]\n"
                + "    receipts: {table: CX_HZ, create: true, status-column: CX_ZT}\n"
                + "  - id: unreachable\n    type: jdbc\n"
                + "    url: jdbc:postgresql://127.0.0.1:1/qzj\n"
                + "    connect-timeout: 5s\n"
                + "    retry: {attempts: 1}\n"
                + "    pulls: [{item: admin-penalty, table: CF_XZCF, watermark: GXSJ}]\n"
                + "  - id: no-login\n    type: jdbc\n"
                + "    url: \"" + fe.url() + "\"\n"
                + "    username-env: CX_TEST_FE_NOBODY\n"
                + "    pulls: [{item: admin-penalty, table: CF_XZCF, watermark: GXSJ}]\n";
        try {
            Files.writeString(home.home().resolve("connectors").resolve(UNIT + ".yaml"), yaml);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void removeHook() {
        collector.beforeCommit(null);
    }

    @Test
    void firstPullThenIncrementalPullOfNewAndUpdatedRowsLoadsTheNationalColumnsIntoTheStore() throws Exception {
        // given a front-end table in the national column codes, two of three rows sharing an update time
        FrontEnd fe = frontEnd();
        fe.createPenaltyTable("CF_XZCF");
        fe.insertPenalty("CF_XZCF", 1, T0, PenaltyRows.org(0, "京法罚〔2026〕1号"));
        fe.insertPenalty("CF_XZCF", 2, T0, PenaltyRows.org(1, "京法罚〔2026〕2号"));
        fe.insertPenalty("CF_XZCF", 3, T0.plusMinutes(1), PenaltyRows.org(2, "京法罚〔2026〕3号"));

        // when it is pulled and the batch processed
        Collected first = collect("penalties");
        Batch b1 = ingest.process(single(first));

        // then the rows are one batch, recognised from the CF_* header and loaded
        assertThat(first.rows()).isEqualTo(3);
        assertThat(b1.originalName()).matches("penalties-CF_XZCF-\\d{8}T\\d{6}\\.csv");
        assertThat(b1.channelId()).isEqualTo("penalties");
        assertThat(b1.status()).isEqualTo(BatchStatus.DONE);
        assertThat(b1.itemId()).isEqualTo("admin-penalty");
        assertThat(b1.counts()).isEqualTo(new Batch.Counts(3, 3, 0, 0));
        assertThat(count("SELECT COUNT(*) FROM cx_org_record WHERE batch_id = ?", b1.id())).isEqualTo(3);

        // when a row is corrected (its update time moves on) and a new one arrives
        fe.execute("UPDATE CF_XZCF SET CF_NR_FK = 3, CF_NR = '罚款三万元', GXSJ = TIMESTAMP '2026-11-21 09:00:00' WHERE ID = 2");
        fe.insertPenalty("CF_XZCF", 4, T0.plusDays(1), PenaltyRows.org(3, "京法罚〔2026〕4号"));
        Collected second = collect("penalties");
        Batch b2 = ingest.process(single(second));

        // then only those two come, the corrected record gets a new version, the new one is added
        assertThat(second.rows()).isEqualTo(2);
        assertThat(b2.counts()).isEqualTo(new Batch.Counts(2, 2, 0, 0));
        assertThat(jdbc.queryForMap("SELECT version, batch_id FROM cx_org_record WHERE business_key LIKE ?",
                "京法罚〔2026〕2号|%")).containsEntry("version", 2).containsEntry("batch_id", b2.id());
        assertThat(count("SELECT COUNT(*) FROM cx_org_record WHERE business_key LIKE ?", "京法罚〔2026〕_号|%")).isEqualTo(4);
        assertThat(jdbc.queryForMap("SELECT from_watermark, from_key, to_watermark, to_key, row_count, source_table, "
                + "key_column FROM cx_jdbc_pull WHERE batch_id = ?", b2.id()))
                .containsEntry("from_watermark", "2026-11-20 02:01:00").containsEntry("from_key", "3")
                .containsEntry("to_watermark", "2026-11-21 09:00:00").containsEntry("to_key", "2")
                .containsEntry("row_count", 2L).containsEntry("source_table", "CF_XZCF").containsEntry("key_column", "ID");

        // and with nothing new, nothing is landed
        Collected third = collect("penalties");
        assertThat(third.batchIds()).isEmpty();
        assertThat(third.rows()).isZero();
    }

    @Test
    void aTieAtTheWatermarkAcrossPageBoundariesIsReadOnceWithAKey() throws Exception {
        FrontEnd fe = frontEnd();
        tiesTable(fe, "FE_TIES_K");

        Collected first = collect("ties-keyed");

        assertThat(landedIds(single(first))).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(count("SELECT pages FROM cx_jdbc_pull WHERE batch_id = ?", single(first))).isEqualTo(4);

        // rows at the last watermark with higher keys, and a later one, come next time; nothing comes twice
        fe.execute("INSERT INTO FE_TIES_K VALUES (8, TIMESTAMP '2026-11-20 03:00:00', 'K 8')",
                "INSERT INTO FE_TIES_K VALUES (9, TIMESTAMP '2026-11-20 03:00:00', 'K 9')",
                "INSERT INTO FE_TIES_K VALUES (10, TIMESTAMP '2026-11-20 04:00:00', 'K 10')");
        Collected second = collect("ties-keyed");

        assertThat(landedIds(single(second))).containsExactly("8", "9", "10");
        assertThat(collect("ties-keyed").batchIds()).isEmpty();
    }

    @Test
    void aTieAtTheWatermarkIsReadWholeWithoutAKey() throws Exception {
        FrontEnd fe = frontEnd();
        tiesTable(fe, "FE_TIES_U");

        Collected first = collect("ties-unkeyed");

        List<String> ids = landedIds(single(first));
        assertThat(ids).hasSize(7).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7");
        // page one: the two next rows reach into the tie, so it takes the whole tie; page two: the last row
        assertThat(count("SELECT pages FROM cx_jdbc_pull WHERE batch_id = ?", single(first))).isEqualTo(2);

        fe.execute("INSERT INTO FE_TIES_U VALUES (8, TIMESTAMP '2026-11-20 04:00:00', 'U 8')",
                "INSERT INTO FE_TIES_U VALUES (9, TIMESTAMP '2026-11-20 04:00:00', 'U 9')",
                "INSERT INTO FE_TIES_U VALUES (10, TIMESTAMP '2026-11-20 04:00:00', 'U 10')");
        Collected second = collect("ties-unkeyed");

        assertThat(landedIds(single(second))).hasSize(3).containsExactlyInAnyOrder("8", "9", "10");
        assertThat(collect("ties-unkeyed").batchIds()).isEmpty();
    }

    @Test
    void aFailureBetweenLandingAndCommitLosesNothingAndLoadsNothingTwice() throws Exception {
        // given five rows sharing one update time, pulled two to a file
        FrontEnd fe = frontEnd();
        fe.createPenaltyTable("CF_XZCF_R");
        for (int i = 1; i <= 5; i++) {
            fe.insertPenalty("CF_XZCF_R", i, T0, PenaltyRows.org(i, "京法罚〔2026〕R" + i + "号"));
        }

        // when the engine fails after landing the second file, before its batch and watermark are committed
        AtomicInteger landings = new AtomicInteger();
        Path[] withdrawn = new Path[1];
        List<Long> landedFirst = new ArrayList<>();
        collector.beforeCommit(batchId -> {
            if (landings.incrementAndGet() == 2) {
                withdrawn[0] = batches.get(batchId).landedPath();
                throw new IOException("the engine stopped (injected)");
            }
        });
        assertThatThrownBy(() -> collect("restart")).hasMessageContaining("injected")
                .isInstanceOfSatisfying(ChannelCollector.PartlyLanded.class, e -> landedFirst.addAll(e.landedBatchIds()));

        // then only the first file's batch is recorded (and reported), and the watermark stands after it
        List<Long> recorded = batchIdsOf("restart");
        assertThat(recorded).hasSize(1).isEqualTo(landedFirst);
        // and the withdrawn file's bytes do not linger in the landing zone
        assertThat(withdrawn[0]).isNotNull().doesNotExist();
        assertThat(jdbc.queryForMap("SELECT key_value, last_batch_id FROM cx_jdbc_watermark WHERE channel_id = 'restart'"))
                .containsEntry("key_value", "2").containsEntry("last_batch_id", recorded.get(0));

        // when the next collect runs and every batch is processed
        collector.beforeCommit(null);
        Collected again = collect("restart");
        List<Long> all = batchIdsOf("restart");
        for (long id : all) {
            assertThat(ingest.process(id).status()).isEqualTo(BatchStatus.DONE);
        }

        // then every source row is staged exactly once and loaded once
        assertThat(again.rows()).isEqualTo(3);
        assertThat(all).hasSize(3);
        assertThat(count("SELECT COUNT(*) FROM cx_staged_row WHERE batch_id IN (SELECT id FROM cx_batch "
                + "WHERE channel_id = 'restart')")).isEqualTo(5);
        assertThat(jdbc.queryForList("SELECT version FROM cx_org_record WHERE business_key LIKE ?", Integer.class,
                "京法罚〔2026〕R_号|%")).hasSize(5).containsOnly(1);
        assertThat(count("SELECT COUNT(*) FROM cx_batch WHERE channel_id = 'restart' AND status <> 'DONE'")).isZero();
    }

    @Test
    void receiptsAreWrittenBackOncePerRowAndTheSourceRowsMarked(CapturedOutput output) throws Exception {
        // given rows, one with a bad credit code and one about a person
        FrontEnd fe = frontEnd();
        fe.createPenaltyTable("CF_XZCF_H");
        fe.execute("DROP TABLE IF EXISTS CX_HZ");
        fe.insertPenalty("CF_XZCF_H", 11, T0, PenaltyRows.org(0, "京法罚〔2026〕H1号"));
        fe.insertPenalty("CF_XZCF_H", 12, T0, PenaltyRows.org(1, "京法罚〔2026〕H2号")
                .with("行政相对人代码_1(统一社会信用代码)", "91330106MA2H00014X"));
        fe.insertPenalty("CF_XZCF_H", 13, T0, PenaltyRows.person("京法罚〔2026〕H3号"));
        fe.insertPenalty("CF_XZCF_H", 14, T0.plusHours(1), PenaltyRows.org(2, "京法罚〔2026〕H4号"));
        ConnectorDefinition unit = unit();

        // when the batch is processed (its feedback is then delivered by every kind that applies)
        Batch batch = ingest.process(single(collect("receipts")));

        // then the receipts were delivered to the front-end
        assertThat(batch.counts()).isEqualTo(new Batch.Counts(4, 3, 0, 1));
        assertThat(delivery.appliesTo(unit, batch)).isTrue();
        assertThat(jdbc.queryForObject("SELECT status FROM cx_feedback_delivery WHERE batch_id = ? AND delivery = ?",
                String.class, batch.id(), delivery.name())).isEqualTo("DELIVERED");

        // and the receipt table was created and holds one row per row received, as staged
        List<List<String>> receipts = query(fe, "SELECT ROW_NO, SOURCE_KEY, STATUS, STATUS_NAME, REASON_CODE, "
                + "REASON_MESSAGE, SOURCE_TABLE FROM CX_HZ WHERE BATCH_ID = ? ORDER BY ROW_NO", batch.id());
        assertThat(receipts).hasSize((int) batch.counts().received());
        Map<String, String> staged = new HashMap<>();
        jdbc.query("SELECT row_no, status FROM cx_staged_row WHERE batch_id = ?",
                rs -> { staged.put(rs.getString(1), rs.getString(2)); }, batch.id());
        assertThat(receipts).allSatisfy(r -> assertThat(r.get(2)).isEqualTo(staged.get(r.get(0))));
        assertThat(receipts).extracting(r -> r.get(1)).containsExactly("11", "12", "13", "14");
        assertThat(receipts).extracting(r -> r.get(3)).containsExactly("接收", "拒收", "接收", "接收");
        assertThat(receipts.get(1).get(4)).isEqualTo("USCC_CHECK_DIGIT");
        assertThat(receipts.get(1).get(5)).contains("校验位");
        assertThat(receipts.get(0).get(6)).isEqualTo("CF_XZCF_H");
        // and the source rows carry their status
        assertThat(query(fe, "SELECT CX_ZT FROM CF_XZCF_H ORDER BY ID")).extracting(r -> r.get(0))
                .containsExactly("ACCEPTED", "REJECTED", "ACCEPTED", "ACCEPTED");

        // when it is delivered again (a retry), the receipts are replaced, not added to
        delivery.deliver(unit, batch, batch.feedbackPath(), batch.receiptPath());
        delivery.deliver(unit, batch, batch.feedbackPath(), batch.receiptPath());
        assertThat(query(fe, "SELECT COUNT(*) FROM CX_HZ WHERE BATCH_ID = ?", batch.id()).get(0).get(0)).isEqualTo("4");

        // and the person's ID number is in neither the receipts nor the log (booleans: a failure must not print it)
        assertThat(String.valueOf(query(fe, "SELECT * FROM CX_HZ")).contains(PenaltyRows.PERSON_ID)).isFalse();
        assertThat(output.getAll().contains(PenaltyRows.PERSON_ID)).as("clear ID number in the log").isFalse();
    }

    @Test
    void batchesThatCameOtherwiseGetNoReceiptsInTheFrontEnd() throws Exception {
        Path file = Files.writeString(work.resolve("other.csv"), "a,b\n1,2\n");
        Batch batch = intake.receive(UNIT, "cli", file, "other.csv");

        assertThat(delivery.appliesTo(unit(), batch)).isFalse();
    }

    @Test
    void anUnreachableDatabaseFailsClearly() {
        assertThatThrownBy(() -> collect("unreachable"))
                .isInstanceOf(FrontEndDatabaseException.class)
                .hasMessageStartingWith("unit jdbc-unit, channel unreachable (jdbc:postgresql://127.0.0.1:1/qzj): "
                        + "cannot connect to the front-end database");
        assertThat(batchIdsOf("unreachable")).isEmpty();
    }

    @Test
    void theCollectStepFindsTheCollectorByTypeAndRecordsTheFailedContact() {
        ConnectorDefinition unit = unit();

        ChannelCollection.Outcome outcome = collection.collect(unit, channel("unreachable"));

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.message()).contains("FrontEndDatabaseException", "cannot connect to the front-end database");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_channel_contact WHERE unit_code = ? AND channel_id = ? "
                + "AND ok = FALSE", Long.class, UNIT, "unreachable")).isPositive();
    }

    @Test
    void aLoginVariableThatIsNotSetIsNamed() {
        assertThatThrownBy(() -> collect("no-login"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("unit jdbc-unit, channel no-login: environment variable CX_TEST_FE_NOBODY (username-env) is not set");
    }

    private Collected collect(String channel) throws Exception {
        return collector.collect(unit(), channel(channel));
    }

    private JdbcChannelDefinition channel(String id) {
        return (JdbcChannelDefinition) unit().channels().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private ConnectorDefinition unit() {
        return configuration.connector(UNIT).orElseThrow();
    }

    private static long single(Collected collected) {
        assertThat(collected.batchIds()).hasSize(1);
        return collected.batchIds().get(0);
    }

    private List<Long> batchIdsOf(String channel) {
        return jdbc.queryForList("SELECT id FROM cx_batch WHERE unit_code = ? AND channel_id = ? ORDER BY id", Long.class,
                UNIT, channel);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** Row 1 before a tie of five at 02:00, row 7 after it. */
    private static void tiesTable(FrontEnd fe, String table) throws SQLException {
        List<String> sql = new ArrayList<>(List.of("DROP TABLE IF EXISTS " + table,
                "CREATE TABLE " + table + " (ID BIGINT NOT NULL PRIMARY KEY, GXSJ TIMESTAMP NULL, MC VARCHAR(50))"));
        String[] times = {"01:00", "02:00", "02:00", "02:00", "02:00", "02:00", "03:00"};
        for (int id = 1; id <= times.length; id++) {
            // Each table's own names: the same content from two tables would be one file, landed once.
            sql.add("INSERT INTO " + table + " VALUES (" + id + ", TIMESTAMP '2026-11-20 " + times[id - 1] + ":00', '"
                    + table + " " + id + "')");
        }
        fe.execute(sql.toArray(String[]::new));
    }

    /** The ID column of a batch's landed file, in file order. */
    private List<String> landedIds(long batchId) throws IOException {
        Batch batch = batches.get(batchId);
        List<String> ids = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(batch.landedPath(), StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(in, CSVFormat.DEFAULT)) {
            int column = -1;
            for (CSVRecord r : csv) {
                if (column < 0) {
                    column = r.toList().stream().map(String::toUpperCase).toList().indexOf("ID");
                    assertThat(column).isGreaterThanOrEqualTo(0);
                } else {
                    ids.add(r.get(column));
                }
            }
        }
        return ids;
    }

    private static List<List<String>> query(FrontEnd fe, String sql, Object... args) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = fe.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }
}
