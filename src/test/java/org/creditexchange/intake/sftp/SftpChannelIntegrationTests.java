package org.creditexchange.intake.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.SftpChannelDefinition;
import org.creditexchange.intake.collect.ChannelCollector.Collected;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.InProcessSftpServer;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sftp channel against an SFTP server running in this JVM: files pulled and landed, cleared away on the server
 * only once landed, the host key checked, feedback uploaded back. Each scenario has a unit (and a remote folder) of
 * its own.
 */
@SpringBootTest(classes = CreditExchangeApplication.class)
@ExtendWith(OutputCaptureExtension.class)
class SftpChannelIntegrationTests {

    static final String USER = "cx";
    static final String PASSWORD = "s3cret-for-tests";
    static final String PASSPHRASE = "key-passphrase-for-tests";
    static final String WRONG_PASSWORD = "wrong-password-for-tests";
    static final TestHome HOME = TestHome.create();
    static final InProcessSftpServer SERVER = InProcessSftpServer.start(HOME.data().resolveSibling("sftp-root"), USER,
            PASSWORD);

    static {
        try {
            Path keys = Files.createDirectories(HOME.data().resolve("keys"));
            Files.writeString(keys.resolve("sftp_known_hosts"), SERVER.knownHostsLine());
            Files.writeString(keys.resolve("changed_known_hosts"), SERVER.otherKnownHostsLine());
            SERVER.authorizeNewKey(keys.resolve("sftp_ecdsa"), PASSPHRASE);
            connector("sftp-password", SERVER.port(), """
                    password-env: CX_TEST_SFTP_PASSWORD
                    remote-path: /password/outbox
                    include: "*.xlsx,*.csv"
                    """);
            connector("sftp-feedback", SERVER.port(), """
                    password-env: CX_TEST_SFTP_PASSWORD
                    remote-path: /feedback/outbox
                    feedback-path: /feedback/answers
                    """);
            connector("sftp-key", SERVER.port(), """
                    private-key: keys/sftp_ecdsa
                    passphrase-env: CX_TEST_SFTP_PASSPHRASE
                    remote-path: key/outbox
                    after-landing: delete
                    """);
            connector("sftp-landing", SERVER.port(), """
                    password-env: CX_TEST_SFTP_PASSWORD
                    remote-path: /landing/outbox
                    done-path: /landing/archive
                    """);
            connector("sftp-stuck", SERVER.port(), """
                    password-env: CX_TEST_SFTP_PASSWORD
                    remote-path: /stuck/outbox
                    done-path: /stuck/done
                    """);
            // Each of these fails before anything is taken.
            Files.writeString(keys.resolve("empty_known_hosts"), "");
            connector("sftp-impostor", SERVER.port(), """
                    password-env: CX_TEST_SFTP_PASSWORD
                    remote-path: /sftp-impostor/outbox
                    """, "keys/changed_known_hosts");
            connector("sftp-stranger", SERVER.port(), """
                    password-env: CX_TEST_SFTP_PASSWORD
                    remote-path: /sftp-stranger/outbox
                    """, "keys/empty_known_hosts");
            connector("sftp-wrong-password", SERVER.port(), """
                    password-env: CX_TEST_SFTP_WRONG_PASSWORD
                    remote-path: /sftp-wrong-password/outbox
                    """);
            connector("sftp-unset-secret", SERVER.port(), """
                    password-env: CX_TEST_SFTP_UNSET
                    remote-path: /sftp-unset-secret/outbox
                    """);
            connector("sftp-down", InProcessSftpServer.unusedPort(), """
                    password-env: CX_TEST_SFTP_PASSWORD
                    remote-path: /sftp-down/outbox
                    feedback-path: /sftp-down/answers
                    """);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void connector(String code, int port, String settings) throws IOException {
        connector(code, port, settings, "keys/sftp_known_hosts");
    }

    private static void connector(String code, int port, String settings, String knownHosts) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                code: %s
                name: 测试区人民法院
                channels:
                  - id: sftp
                    type: sftp
                    host: 127.0.0.1
                    port: %d
                    username: %s
                    known-hosts: %s
                """.formatted(code, port, USER, knownHosts));
        settings.lines().forEach(l -> yaml.append("    ").append(l).append('\n'));
        Files.writeString(HOME.home().resolve("connectors").resolve(code + ".yaml"), yaml);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerH2(registry);
        // Secrets are read through Spring's Environment: OS variables in production, properties here.
        registry.add("CX_TEST_SFTP_PASSWORD", () -> PASSWORD);
        registry.add("CX_TEST_SFTP_PASSPHRASE", () -> PASSPHRASE);
        registry.add("CX_TEST_SFTP_WRONG_PASSWORD", () -> WRONG_PASSWORD);
    }

    @AfterAll
    static void stopServer() throws IOException {
        SERVER.close();
    }

    @Autowired
    SftpCollector collector;
    @Autowired
    SftpFeedbackDelivery delivery;
    @Autowired
    PlatformConfiguration configuration;
    @Autowired
    IngestService ingest;
    @Autowired
    BatchRepository batches;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    @Test
    void pullsWithPasswordLandsEveryWaitingFileAndMovesItIntoDoneOnlyThen(CapturedOutput output) throws Exception {
        // given two workbooks waiting in the unit's outbox, and files that must not be taken
        Path outbox = remote("/password/outbox");
        Path first = waiting(outbox, "处罚-一月.xlsx", penalties("测罚〔2026〕101号", "测罚〔2026〕102号"));
        Path second = waiting(outbox, "处罚-二月.XLSX", penalties("测罚〔2026〕103号"));
        Files.setLastModifiedTime(first, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path hidden = waiting(outbox, ".处罚-三月.xlsx", first);
        Path partial = waiting(outbox, "处罚-三月.xlsx.part", first);
        Path temporary = waiting(outbox, "upload.tmp", first);
        Path officeLock = waiting(outbox, "~$处罚-一月.xlsx", first);
        Path notIncluded = waiting(outbox, "说明.txt", first);
        Path beingWritten = Files.copy(first, outbox.resolve("处罚-四月.xlsx"));

        // when the channel is collected
        Collected collected = collector.collect(unit("sftp-password"), channel("sftp-password"));

        // then both workbooks are landed as batches, oldest first, unchanged
        assertThat(collected.batchIds()).hasSize(2);
        Batch a = batches.get(collected.batchIds().get(0));
        Batch b = batches.get(collected.batchIds().get(1));
        assertThat(List.of(a.originalName(), b.originalName())).containsExactly("处罚-一月.xlsx", "处罚-二月.XLSX");
        assertThat(a.status()).isEqualTo(BatchStatus.RECEIVED);
        assertThat(a.unitCode()).isEqualTo("sftp-password");
        assertThat(a.channelId()).isEqualTo("sftp");
        assertThat(Files.readAllBytes(b.landedPath())).isEqualTo(Files.readAllBytes(localCopyOf("测罚〔2026〕103号")));

        // and they left the outbox for the done folder, named with their batch
        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();
        assertThat(namesUnder(outbox.resolve(".done"))).containsExactlyInAnyOrder(
                "处罚-一月." + a.id() + ".xlsx", "处罚-二月." + b.id() + ".XLSX");
        assertThat(namesUnder(HOME.data().resolve("work/sftp/sftp-password"))).isEmpty();

        // and what must not be taken is still there
        assertThat(List.of(hidden, partial, temporary, officeLock, notIncluded, beingWritten)).allMatch(Files::exists);

        // and the landed batches are processed into the credit store like any other
        Batch done = ingest.process(a.id());
        assertThat(done.status()).isEqualTo(BatchStatus.DONE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_org_record WHERE batch_id = ?", Integer.class, a.id()))
                .isEqualTo(2);

        // and a second collect finds nothing new
        assertThat(collector.collect(unit("sftp-password"), channel("sftp-password")).batchIds()).isEmpty();
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }

    @Test
    void pullsWithAnEncryptedPrivateKeyAndDeletesWhatItLanded() throws Exception {
        Path outbox = remote(InProcessSftpServer.HOME + "/key/outbox");
        Path file = waiting(outbox, "处罚.xlsx", penalties("测罚〔2026〕201号"));
        byte[] content = Files.readAllBytes(file);

        Collected collected = collector.collect(unit("sftp-key"), channel("sftp-key"));

        assertThat(collected.batchIds()).hasSize(1);
        assertThat(Files.readAllBytes(batches.get(collected.batchIds().get(0)).landedPath())).isEqualTo(content);
        assertThat(file).doesNotExist();
        assertThat(namesUnder(outbox)).isEmpty();
    }

    /**
     * A server that cannot be trusted or reached is a clear failure, which the collect step retries: the unit, the
     * server and the reason are named, no secret is shown, nothing is taken and nothing recorded.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sftp-impostor       | the server's host key has CHANGED from the one in known-hosts: refused
            sftp-stranger       | the server's host key is not in known-hosts: refused
            sftp-wrong-password | login refused
            sftp-unset-secret   | the environment variable CX_TEST_SFTP_UNSET (password-env) is not set
            sftp-down           | the server refused the connection or is down
            """)
    void failsClearlyAndTakesNothingFromAServerItCannotTrustOrReach(String code, String reason, CapturedOutput output)
            throws Exception {
        Path file = waiting(remote("/" + code + "/outbox"), "处罚.xlsx", penalties("测罚〔2026〕301号"));
        long before = batchCount();

        assertThatThrownBy(() -> collector.collect(unit(code), channel(code)))
                .isInstanceOf(SftpChannelException.class)
                .hasMessageContaining("sftp channel 'sftp' of " + code + " (sftp://cx@127.0.0.1:" + channel(code).port() + ")")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((SftpChannelException) e).landedBatchIds()).isEmpty());

        assertThat(file).exists();
        assertThat(batchCount()).isEqualTo(before);
        assertThat(output.getAll()).doesNotContain(PASSWORD, WRONG_PASSWORD, PASSPHRASE);
    }

    @Test
    void aFileWhoseLandingFailedStaysOnTheServerAndIsTakenNextTime() throws Exception {
        Path outbox = remote("/landing/outbox");
        Path file = waiting(outbox, "处罚.xlsx", penalties("测罚〔2026〕401号"));
        Path landing = HOME.data().resolve("landing");
        Path aside = HOME.data().resolve("landing-aside");
        Files.createDirectories(landing);
        long before = batchCount();

        // given a landing zone that cannot be written (a file stands where its folder should be)
        Files.move(landing, aside);
        Files.writeString(landing, "not a folder");
        try {
            assertThatThrownBy(() -> collector.collect(unit("sftp-landing"), channel("sftp-landing")))
                    .isInstanceOf(SftpChannelException.class)
                    .hasMessageContaining("cannot land 处罚.xlsx, it stays on the server");
        } finally {
            Files.delete(landing);
            Files.move(aside, landing);
        }

        // then nothing was recorded, the file was not touched and no local copy is left behind
        assertThat(batchCount()).isEqualTo(before);
        assertThat(file).exists();
        assertThat(remote("/landing/archive")).isEmptyDirectory();
        assertThat(namesUnder(HOME.data().resolve("work/sftp/sftp-landing"))).isEmpty();

        // and once the landing zone is back, the next collect takes it into the done path
        Collected collected = collector.collect(unit("sftp-landing"), channel("sftp-landing"));
        assertThat(collected.batchIds()).hasSize(1);
        assertThat(file).doesNotExist();
        assertThat(namesUnder(remote("/landing/archive"))).containsExactly("处罚." + collected.batchIds().get(0) + ".xlsx");
    }

    @Test
    void aLandedFileThatCannotBeMovedIsReportedAndTakenAgainAsTheSameBatch() throws Exception {
        // given a done path the server cannot create (a file stands in its way)
        Path file = waiting(remote("/stuck/outbox"), "处罚.xlsx", penalties("测罚〔2026〕701号"));
        Path blocker = Files.writeString(remote("/stuck").resolve("done"), "in the way");

        // when collected, the file is landed but stays on the server, and the collection says so
        SftpChannelException failure = catchThrowableOfType(SftpChannelException.class,
                () -> collector.collect(unit("sftp-stuck"), channel("sftp-stuck")));
        assertThat(failure).hasMessageContaining("landed 处罚.xlsx as batch " + failure.landedBatchIds().get(0)
                + " but could not move it on the server");
        assertThat(failure.landedBatchIds()).hasSize(1);
        long id = failure.landedBatchIds().get(0);
        assertThat(batches.get(id).status()).isEqualTo(BatchStatus.RECEIVED);
        assertThat(file).exists();

        // then once the way is clear, the next collect lands it as the same batch (not a duplicate) and moves it
        Files.delete(blocker);
        long before = batchCount();
        Collected again = collector.collect(unit("sftp-stuck"), channel("sftp-stuck"));
        assertThat(again.batchIds()).containsExactly(id);
        assertThat(batchCount()).isEqualTo(before);
        assertThat(file).doesNotExist();
        assertThat(namesUnder(remote("/stuck/done"))).containsExactly("处罚." + id + ".xlsx");
    }

    @Test
    void uploadsFeedbackIntoTheFeedbackPathAndReplacesItWhenDeliveredAgain() throws Exception {
        Path outbox = remote("/feedback/outbox");
        waiting(outbox, "处罚-五月.xlsx", penalties("测罚〔2026〕501号"));
        long id = collector.collect(unit("sftp-feedback"), channel("sftp-feedback")).batchIds().get(0);
        Batch batch = ingest.process(id);
        ConnectorDefinition unit = unit("sftp-feedback");
        assertThat(delivery.appliesTo(unit, batch)).isTrue();

        delivery.deliver(unit, batch, batch.feedbackPath(), batch.receiptPath());

        Path feedback = remote("/feedback/answers");
        String workbook = batch.feedbackPath().getFileName().toString();
        String receipt = batch.receiptPath().getFileName().toString();
        assertThat(namesUnder(feedback)).containsExactlyInAnyOrder(workbook, receipt);
        assertThat(feedback.resolve(workbook)).hasSameBinaryContentAs(batch.feedbackPath());
        assertThat(feedback.resolve(receipt)).hasSameBinaryContentAs(batch.receiptPath());

        // delivering again (a retry) replaces the files, never duplicates them
        Files.writeString(feedback.resolve(receipt), "stale");
        delivery.deliver(unit, batch, batch.feedbackPath(), batch.receiptPath());

        assertThat(namesUnder(feedback)).containsExactlyInAnyOrder(workbook, receipt);
        assertThat(feedback.resolve(receipt)).hasSameBinaryContentAs(batch.receiptPath());
    }

    @Test
    void feedbackIsOnlyDeliveredForBatchesOfAnSftpChannelWithAFeedbackPath() throws Exception {
        Path outbox = remote(InProcessSftpServer.HOME + "/key/outbox");
        waiting(outbox, "处罚-六月.xlsx", penalties("测罚〔2026〕601号"));
        Batch batch = batches.get(collector.collect(unit("sftp-key"), channel("sftp-key")).batchIds().get(0));

        assertThat(delivery.appliesTo(unit("sftp-key"), batch)).isFalse();
        assertThat(delivery.appliesTo(unit("sftp-feedback"), batch)).isFalse();
    }

    @Test
    void aFeedbackUploadToAServerThatIsDownFailsClearlyForTheDeliveryToRetry() throws Exception {
        ConnectorDefinition unit = unit("sftp-down");
        Batch batch = new Batch(999_999, "sftp-down", "sftp", "处罚.xlsx", "0".repeat(64), 1, null, null,
                BatchStatus.DONE, null, null, Batch.Counts.NONE, null, null, null, null, null, null, null);
        Path workbook = Files.writeString(work.resolve("处罚.反馈-999999.xlsx"), "workbook");
        Path receipt = Files.writeString(work.resolve("处罚.回执-999999.csv"), "receipt");
        assertThat(delivery.appliesTo(unit, batch)).isTrue();

        assertThatThrownBy(() -> delivery.deliver(unit, batch, workbook, receipt))
                .isInstanceOf(SftpChannelException.class)
                .hasMessageContaining("sftp channel 'sftp' of sftp-down")
                .hasMessageContaining("cannot upload 处罚.反馈-999999.xlsx into /sftp-down/answers")
                .hasMessageContaining("the server refused the connection or is down");
    }

    // --- helpers

    private ConnectorDefinition unit(String code) {
        return configuration.connector(code).orElseThrow();
    }

    private SftpChannelDefinition channel(String code) {
        return (SftpChannelDefinition) unit(code).channels().get(0);
    }

    private static Path remote(String path) throws IOException {
        return Files.createDirectories(SERVER.root().resolve(path.substring(1)));
    }

    /** A workbook of 行政处罚 rows with the given decision numbers, kept locally under the first number's name. */
    private Path penalties(String... numbers) throws IOException {
        List<PenaltyRows> rows = new java.util.ArrayList<>();
        for (int i = 0; i < numbers.length; i++) {
            rows.add(PenaltyRows.org(i, numbers[i]));
        }
        return FixtureFiles.penaltyXlsx(localCopyOf(numbers[0]), rows);
    }

    private Path localCopyOf(String firstNumber) {
        return work.resolve(firstNumber + ".xlsx");
    }

    /** Puts {@code content} on the server as a file that was finished an hour ago. */
    private static Path waiting(Path dir, String name, Path content) throws IOException {
        Path file = Files.copy(content, dir.resolve(name));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        return file;
    }

    private static List<String> namesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long batchCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM cx_batch", Long.class);
    }
}
