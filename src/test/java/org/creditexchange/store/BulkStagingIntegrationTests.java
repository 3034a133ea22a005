package org.creditexchange.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.ingest.stage.FutureRowWriter;
import org.creditexchange.ingest.stage.StagedRow;
import org.creditexchange.ingest.stage.StagedRowWriter;
import org.creditexchange.ingest.timeliness.DecisionDelays;
import org.creditexchange.ingest.timeliness.ReportingDelay;
import org.creditexchange.ingest.validate.Reason;
import org.creditexchange.ingest.validate.RowStatus;
import org.creditexchange.ingest.validate.Severity;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.match.MatchForms;
import org.creditexchange.support.EmbeddedPostgresDatabase;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PostgreSQL bulk path (staging by COPY) against the JDBC-batch path: the same staged rows and reasons, the same
 * store and the same receipts; and a failed COPY chunk written again loses and doubles no row.
 */
@SpringBootTest(classes = CreditExchangeApplication.class)
class BulkStagingIntegrationTests {

    static final TestHome HOME = TestHome.create();
    static final String URL = EmbeddedPostgresDatabase.newDatabaseUrl();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerPostgres(registry, URL);
    }

    @Autowired
    IntakeService intake;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager tx;

    @TempDir
    Path work;

    @Test
    void copyStagingGivesTheSameStagingStoreAndReceiptsAsJdbcBatches() throws Exception {
        Run copy = run("甲");
        Run batch;
        System.setProperty(StagedRowWriter.COPY_PROPERTY, "false");
        try {
            batch = run("乙");
        } finally {
            System.clearProperty(StagedRowWriter.COPY_PROPERTY);
        }

        assertThat(copy.counts()).containsExactly(new Batch.Counts(7, 4, 0, 3), new Batch.Counts(5, 4, 0, 1));
        assertThat(copy.staged()).contains("一切\\\"引号\\\"，逗号\\n换行\\\\反斜杠").doesNotContain(PenaltyRows.PERSON_ID);
        assertThat(copy.store()).contains("罚款三万元");
        assertThat(batch).isEqualTo(copy);
    }

    @Test
    void aFailedCopyChunkRolledBackAndWrittenAgainLosesAndDoublesNoRow() {
        long batchId = 900_001L;
        // rows encoded by the writer and rows whose COPY line a worker prepared, in the same chunks
        List<StagedRow> first = rows(1, 3).stream().map(r -> r.rowNumber() % 2 == 0 ? StagedRowWriter.prepared(batchId, r) : r).toList();
        List<StagedRow> second = rows(4, 3).stream().map(r -> r.rowNumber() % 2 == 0 ? StagedRowWriter.prepared(batchId, r) : r).toList();
        List<StagedRow> broken = new ArrayList<>(second);
        broken.add(second.get(0)); // the same row number twice: the COPY fails on the key
        StagedRowWriter writer = new StagedRowWriter(jdbc, batchId);
        TransactionTemplate chunk = new TransactionTemplate(tx);

        chunk.executeWithoutResult(s -> write(writer, first));
        assertThatThrownBy(() -> chunk.executeWithoutResult(s -> write(writer, broken)))
                .hasStackTraceContaining("cx_staged_content");
        assertThat(count("cx_staged_row", batchId)).isEqualTo(3);
        assertThat(count("cx_staged_content", batchId)).isEqualTo(3);
        assertThat(count("cx_staged_reason", batchId)).isEqualTo(2);

        chunk.executeWithoutResult(s -> write(writer, second));

        assertThat(jdbc.queryForList("SELECT row_no FROM cx_staged_row WHERE batch_id = ? ORDER BY row_no", Integer.class,
                batchId)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(count("cx_staged_content", batchId)).isEqualTo(6);
        assertThat(count("cx_staged_reason", batchId)).isEqualTo(6);
        // and what COPY staged is what JDBC batches stage
        long viaBatches = 900_002L;
        StagedRowWriter batches = new StagedRowWriter(jdbc, viaBatches, StagedRowWriter.Mode.BATCH);
        chunk.executeWithoutResult(s -> write(batches, first));
        chunk.executeWithoutResult(s -> write(batches, second));
        assertThat(stagedRows(batchId)).isEqualTo(stagedRows(viaBatches));
        assertThat(reasons(batchId)).isEqualTo(reasons(viaBatches));
    }

    // --- the end-to-end comparison -------------------------------------------------------------------------------

    /** What a path produced, with the run's own prefix replaced so that two runs compare. */
    record Run(List<Batch.Counts> counts, String staged, String reasons, String store, String receipts) {
    }

    private Run run(String prefix) throws Exception {
        Path one = FixtureFiles.penaltyCsv(work.resolve(prefix + "-1.csv"), java.nio.charset.StandardCharsets.UTF_8, List.of(
                PenaltyRows.org(0, prefix + "〔2026〕1号"),
                PenaltyRows.org(1, prefix + "〔2026〕2号").with("违法事实", ""),
                PenaltyRows.org(2, prefix + "〔2026〕3号"),
                PenaltyRows.org(2, prefix + "〔2026〕3号"),
                PenaltyRows.person(prefix + "〔2026〕4号"),
                PenaltyRows.org(3, prefix + "〔2026〕5号").with("处罚决定日期", "2026-13-01"),
                PenaltyRows.org(4, prefix + "〔2026〕6号").with("处罚内容", "一切\"引号\"，逗号\n换行\\反斜杠")));
        Path two = FixtureFiles.penaltyCsv(work.resolve(prefix + "-2.csv"), java.nio.charset.StandardCharsets.UTF_8, List.of(
                PenaltyRows.org(0, prefix + "〔2026〕1号"),
                PenaltyRows.org(2, prefix + "〔2026〕3号").with("处罚内容", "罚款三万元"),
                PenaltyRows.org(4, prefix + "〔2026〕6号").with("处罚内容", "一切\"引号\"，逗号\n换行\\反斜杠"),
                PenaltyRows.org(1, prefix + "〔2026〕7号"),
                PenaltyRows.org(5, prefix + "〔2026〕8号").with("处罚机关统一社会信用代码", "")));
        List<Batch> batches = new ArrayList<>();
        for (Path file : List.of(one, two)) {
            batches.add(ingest.process(intake.receive(TestHome.UNIT, "cli", file, file.getFileName().toString()).id()));
        }
        StringBuilder staged = new StringBuilder();
        StringBuilder reasons = new StringBuilder();
        StringBuilder receipts = new StringBuilder();
        for (Batch b : batches) {
            staged.append(stagedRows(b.id())).append('\n');
            reasons.append(reasons(b.id())).append('\n');
            receipts.append(Files.readString(b.receiptPath()).replace(b.originalName(), "FILE")).append('\n');
        }
        String store = jdbc.queryForList("SELECT business_key, subject_kind, subject_name, subject_code, record_json,"
                + " disclosure_end, match_status, state, version, (personal_json IS NULL) AS no_personal"
                + " FROM cx_org_record WHERE business_key LIKE ? ORDER BY business_key", "%" + prefix + "%").toString()
                + jdbc.queryForList("SELECT business_key, subject_kind, subject_name, record_json, state, version"
                + " FROM cx_person_record WHERE business_key LIKE ? ORDER BY business_key", "%" + prefix + "%")
                + jdbc.queryForList("SELECT v.version, v.state, v.record_json FROM cx_record_version v"
                + " JOIN cx_org_record t ON t.id = v.record_id AND v.record_store = 'ORG'"
                + " WHERE t.business_key LIKE ? ORDER BY v.version", "%" + prefix + "%");
        return new Run(batches.stream().map(Batch::counts).toList(), anonymous(staged, prefix), anonymous(reasons, prefix),
                anonymous(store, prefix), anonymous(receipts, prefix));
    }

    private static String anonymous(CharSequence text, String prefix) {
        return text.toString().replace(prefix, "某");
    }

    @Test
    void aRowThatFailsWhileItsChunkIsBeingCopiedFailsTheChunkWithItsOwnErrorAndTheNextChunkIsCopied() {
        long batchId = 900_010L;
        FutureRowWriter writer = new FutureRowWriter(new StagedRowWriter(jdbc, batchId));
        TransactionTemplate chunk = new TransactionTemplate(tx);
        List<StagedRow> rows = rows(1, 4);
        CompletableFuture<StagedRow> failing = new CompletableFuture<>();
        failing.completeExceptionally(new IllegalStateException("第3行处理失败"));
        List<Future<StagedRow>> broken = List.of(CompletableFuture.completedFuture(rows.get(0)),
                CompletableFuture.completedFuture(rows.get(1)), failing, CompletableFuture.completedFuture(rows.get(3)));

        // the first rows are already on their way to the server when the third fails: the copy is cancelled
        assertThatThrownBy(() -> chunk.executeWithoutResult(s -> writeFutures(writer, broken)))
                .isInstanceOf(IllegalStateException.class).hasMessage("第3行处理失败");
        assertThat(count("cx_staged_content", batchId)).isZero();
        assertThat(count("cx_staged_row", batchId)).isZero();

        chunk.executeWithoutResult(s -> writeFutures(writer,
                rows.stream().map(r -> (Future<StagedRow>) CompletableFuture.completedFuture(r)).toList()));
        assertThat(jdbc.queryForList("SELECT row_no FROM cx_staged_content WHERE batch_id = ? ORDER BY row_no",
                Integer.class, batchId)).containsExactly(1, 2, 3, 4);
        assertThat(count("cx_staged_row", batchId)).isEqualTo(4);
    }

    private static void writeFutures(FutureRowWriter writer, List<Future<StagedRow>> rows) {
        try {
            writer.write(new Chunk<>(rows));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private String stagedRows(long batchId) {
        return jdbc.queryForList("SELECT s.row_no, status, subject_store, subject_kind, subject_name, subject_code,"
                + " subject_id_hash, business_key, record_json, cells_json, (personal_json IS NULL) AS no_personal,"
                + " disclosure_end, ends_disclosure, match_status, match_method, match_name_norm, match_org_code,"
                + " match_reg_number, decision_date, reporting_delay, delay_approximate"
                + " FROM cx_staged_row s JOIN cx_staged_content c ON c.batch_id = s.batch_id AND c.row_no = s.row_no"
                + " WHERE s.batch_id = ? ORDER BY s.row_no", batchId).toString();
    }

    private String reasons(long batchId) {
        return jdbc.queryForList("SELECT row_no, seq, field, title, code, severity, message, hint FROM cx_staged_reason"
                + " WHERE batch_id = ? ORDER BY row_no, seq", batchId).stream().map(Map::toString)
                .collect(Collectors.joining("\n"));
    }

    private int count(String table, long batchId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE batch_id = ?", Integer.class, batchId);
    }

    private static void write(StagedRowWriter writer, List<StagedRow> rows) {
        try {
            writer.write(new Chunk<>(rows));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows with the values a CSV COPY must carry exactly: quotes, separators, line breaks, backslashes, empty vs null. */
    private static List<StagedRow> rows(int from, int n) {
        List<StagedRow> rows = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            boolean rejected = i % 2 == 0;
            List<Reason> reasons = rejected ? List.of(new Reason("fine", "罚款金额（万元）", "NOT_A_NUMBER", Severity.ERROR,
                    "第" + i + "行\"罚款金额\"不是数字, 请检查", "示例：2.5\\N"), new Reason("", "", "X", Severity.WARNING,
                    "多行\r\n提示", "")) : List.of();
            rows.add(new StagedRow(i, rejected ? RowStatus.REJECTED : RowStatus.ACCEPTED,
                    i % 3 == 0 ? StagedRow.SubjectStore.PERSON : StagedRow.SubjectStore.ORG, "法人及非法人组织",
                    "企业\"" + i + "\",有限\n公司\\N", i % 3 == 0 ? "" : "91330106MA2B3C4D11", i % 3 == 0 ? "h" + i : "",
                    "键|" + i + "|\\", "c".repeat(64), "f".repeat(64), utf8("{\"a\":\"值\\\"" + i + ",\\n\"}"), utf8("[\"\",\"\\\\N\"]"),
                    i % 3 == 0 ? utf8("{\"id\":{\"hash\":\"x\"}}") : null, rejected ? null : LocalDate.of(2027, 1, i),
                    i == 5, reasons, rejected || i % 3 == 0 ? null
                            : new MatchForms("企业\"" + i + "\",有限\n公司", i % 5 == 0 ? null : "MA2B3C4D1", null),
                    i % 4 == 0 ? null : new DecisionDelays.Dated(LocalDate.of(2026, 1, 1 + i % 28),
                            new ReportingDelay(i, i % 7 == 0)), null));
        }
        return rows;
    }

    private static byte[] utf8(String json) {
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
