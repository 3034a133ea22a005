package org.creditexchange.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.support.EmbeddedPostgresDatabase;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.FrontEnd;
import org.creditexchange.support.InProcessSftpServer;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shipped nightly job end to end on PostgreSQL, over four units: a drop unit whose file was received but not yet
 * processed, a unit with a front-end database (jdbc, receipts written back), a unit with an SFTP directory (feedback
 * uploaded back) and a unit whose SFTP server is down. The down unit is retried, told, and named in the digest; the
 * others are collected and processed all the same.
 */
@SpringBootTest(classes = CreditExchangeApplication.class)
class NightlyJobEndToEndIntegrationTests {

    static final String PASSWORD = "nightly-sftp-password";
    static final TestHome HOME = TestHome.create();
    static final InProcessSftpServer SFTP = InProcessSftpServer.start(HOME.data().resolveSibling("sftp-root"), "cx", PASSWORD);
    static final FrontEnd FRONT_END = FrontEnd.h2();
    static final String DB_URL = EmbeddedPostgresDatabase.newDatabaseUrl();

    static {
        try {
            Files.createDirectories(HOME.home().resolve("jobs"));
            Files.copy(Path.of("jobs/nightly.yaml"), HOME.home().resolve("jobs/nightly.yaml"));
            Files.copy(Path.of("jobs/assessment.yaml"), HOME.home().resolve("jobs/assessment.yaml"));
            Path keys = Files.createDirectories(HOME.data().resolve("keys"));
            Files.writeString(keys.resolve("known_hosts"), SFTP.knownHostsLine());
            Path connectors = HOME.home().resolve("connectors");
            Files.writeString(connectors.resolve("night-court.yaml"), """
                    code: night-court
                    name: 测试区人民法院
                    channels:
                      - id: frontend
                        type: jdbc
                        url: "%s"
                        username-env: %s
                        password-env: %s
                        pulls: [{item: admin-penalty, table: CF_XZCF, watermark: GXSJ, key: ID}]
                        receipts: {table: CX_HZ, create: true, status-column: CX_ZT}
                    """.formatted(FRONT_END.url(), FrontEnd.USER_ENV, FrontEnd.PASSWORD_ENV));
            Files.writeString(connectors.resolve("night-tax.yaml"), sftpUnit("night-tax", "测试区税务局", SFTP.port()));
            Files.writeString(connectors.resolve("night-down.yaml"), sftpUnit("night-down", "测试区城管局",
                    InProcessSftpServer.unusedPort()));
            FRONT_END.createPenaltyTable("CF_XZCF");
            FRONT_END.insertPenalty("CF_XZCF", 1, LocalDateTime.of(2026, 11, 20, 9, 0),
                    PenaltyRows.org(0, "测法罚〔2026〕1号"));
            FRONT_END.insertPenalty("CF_XZCF", 2, LocalDateTime.of(2026, 11, 20, 9, 5),
                    PenaltyRows.org(1, "测法罚〔2026〕2号").with("行政相对人代码_1(统一社会信用代码)", "91330106MA2B3C4D12"));
            FRONT_END.insertPenalty("CF_XZCF", 3, LocalDateTime.of(2026, 11, 21, 10, 0),
                    PenaltyRows.org(2, "测法罚〔2026〕3号"));
            Path outbox = Files.createDirectories(SFTP.root().resolve("night-tax/outbox"));
            FixtureFiles.penaltyXlsx(outbox.resolve("税务处罚.xlsx"), List.of(PenaltyRows.org(3, "测税罚〔2026〕1号"),
                    PenaltyRows.org(4, "测税罚〔2026〕2号")));
            Files.setLastModifiedTime(outbox.resolve("税务处罚.xlsx"),
                    java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sftpUnit(String code, String name, int port) {
        return """
                code: %s
                name: %s
                channels:
                  - id: sftp
                    type: sftp
                    host: 127.0.0.1
                    port: %d
                    username: cx
                    password-env: CX_TEST_NIGHT_SFTP_PASSWORD
                    known-hosts: keys/known_hosts
                    remote-path: /%s/outbox
                    feedback-path: /%s/answers
                    settle: 1s
                    retry: {attempts: 2, backoff: 100ms}
                """.formatted(code, name, port, code, code);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerPostgres(registry, DB_URL);
        FRONT_END.register(registry);
        registry.add("CX_TEST_NIGHT_SFTP_PASSWORD", () -> PASSWORD);
    }

    @AfterAll
    static void stop() throws IOException {
        SFTP.close();
    }

    @Autowired
    JobRunner runner;
    @Autowired
    IntakeService intake;
    @Autowired
    BatchRepository batches;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    @Test
    void theNightlyRunCollectsProcessesAndReportsEveryUnitAndOneDownUnitStopsNobody() throws Exception {
        // given a drop file received during the day but not processed (the engine stopped before it could)
        Path dropped = FixtureFiles.penaltyXlsx(work.resolve("区市监处罚.xlsx"),
                List.of(PenaltyRows.org(5, "测市监罚〔2026〕9号")));
        Batch fromDrop = intake.receive(TestHome.UNIT, "drop", dropped, "区市监处罚.xlsx");

        // when the nightly job runs
        JobRunner.Run run = runner.run("nightly");

        // then every step ran; only collect failed, because of the unit whose server is down
        assertThat(run.steps()).extracting(JobRunner.StepResult::type)
                .containsExactly("collect", "process-pending", "rematch", "archive", "digest");
        assertThat(run.steps()).filteredOn(s -> !s.ok()).extracting(JobRunner.StepResult::type).containsExactly("collect");
        assertThat(run.steps().get(0).summary()).contains("采集通道 3 个：成功 2，失败 1（night-down/sftp）", "新批次 2");

        // the drop unit's batch was processed
        assertThat(batches.get(fromDrop.id()).status()).isEqualTo(BatchStatus.DONE);
        // the front-end database's rows were pulled, loaded, and receipted back (one rejected: a bad check digit)
        Batch court = only("night-court");
        assertThat(court.counts()).isEqualTo(new Batch.Counts(3, 2, 0, 1));
        Map<String, String> receipts = receiptsByKey();
        assertThat(receipts).containsOnlyKeys("1", "2", "3");
        assertThat(receipts.get("2")).isEqualTo("REJECTED");
        assertThat(receipts.get("1")).isEqualTo("ACCEPTED");
        // the SFTP unit's file was pulled, moved away remotely, processed, and its feedback uploaded
        Batch tax = only("night-tax");
        assertThat(tax.counts().accepted()).isEqualTo(2);
        assertThat(SFTP.root().resolve("night-tax/outbox/税务处罚.xlsx")).doesNotExist();
        try (Stream<Path> answers = Files.list(SFTP.root().resolve("night-tax/answers"))) {
            assertThat(answers.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith(".xlsx")).anyMatch(n -> n.endsWith(".csv"));
        }
        for (Batch b : List.of(batches.get(fromDrop.id()), court, tax)) {
            assertThat(b.counts().accepted() + b.counts().rejected()).isEqualTo(b.counts().received());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_feedback_delivery WHERE status = 'DELIVERED'",
                Integer.class)).isEqualTo(2);

        // the down unit was tried twice, recorded, and told in its feedback folder
        assertThat(jdbc.queryForList("SELECT attempts FROM cx_channel_contact WHERE unit_code = 'night-down' AND NOT ok",
                Integer.class)).containsExactly(2);
        Path notices = HOME.data().resolve("feedback/night-down");
        try (Stream<Path> files = Files.list(notices)) {
            Path notice = files.filter(p -> p.getFileName().toString().contains("采集失败通知-sftp")).findFirst().orElseThrow();
            assertThat(Files.readString(notice, StandardCharsets.UTF_8)).contains("测试区城管局", "连续 2 次未能连接",
                    "平台将在下次定时采集时自动重试");
        }

        // and the digest names every unit with its figures, and what failed
        String digest;
        try (Stream<Path> files = Files.list(HOME.data().resolve("digests"))) {
            digest = Files.readString(files.filter(p -> p.toString().endsWith("-nightly.txt")).findFirst().orElseThrow());
        }
        assertThat(digest).contains("结论：有失败", "[FAILED] collect",
                "night-court 测试区人民法院：批次 1（完成 1，整批退回 0，重复 0）；记录 接收 3 / 入库 2 / 拒收 1",
                "night-tax 测试区税务局：批次 1（完成 1，整批退回 0，重复 0）；记录 接收 2 / 入库 2 / 拒收 0",
                "e2e-unit 测试区市场监督管理局：批次 1",
                "night-down 测试区城管局：无报送", "! 通道 sftp 无法连接，已尝试 2 次");
        try (Stream<Path> files = Files.list(HOME.data().resolve("digests"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("-nightly.json"));
        }

        // when the month's assessment runs, each unit's workbook also goes through its SFTP feedback channel
        String month = java.time.YearMonth.now(IntakeService.ZONE).toString();
        JobRunner.Run assessment = runner.run("assessment", Map.of("month", month));
        // the down unit's upload fails: the step says so, and its workbook stays in its local feedback folder
        assertThat(assessment.ok()).isFalse();
        assertThat(assessment.steps().get(0).summary()).contains("未能送达 1 份", "night-down sftp");
        assertThat(SFTP.root().resolve("night-tax/answers/" + month + "-信用信息报送考核-night-tax.xlsx")).isRegularFile();
        assertThat(notices.resolve(month + "-信用信息报送考核-night-down.xlsx")).isRegularFile();
    }

    private Batch only(String unit) {
        List<Batch> of = batches.recent(50).stream().filter(b -> b.unitCode().equals(unit)).toList();
        assertThat(of).as("batches of " + unit).hasSize(1);
        return of.get(0);
    }

    private Map<String, String> receiptsByKey() throws Exception {
        Map<String, String> byKey = new java.util.TreeMap<>();
        try (var c = FRONT_END.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SOURCE_KEY, STATUS FROM CX_HZ")) {
            while (rs.next()) {
                byKey.put(rs.getString(1), rs.getString(2));
            }
        }
        return byKey;
    }
}
