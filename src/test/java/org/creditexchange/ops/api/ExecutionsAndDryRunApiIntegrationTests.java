package org.creditexchange.ops.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.IngestFailedException;
import org.creditexchange.ingest.IngestJobConfiguration;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.ingest.RunningIngests;
import org.creditexchange.ingest.stage.FileRowReader;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.ops.bench.SyntheticPenalties;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The executions over the API — ingest job executions with percent and time left while they run, job runs beside
 * them, each under its own id — read by viewers, operators and admins but not clerks; and an upload run dry: checked,
 * its feedback downloaded, nothing stored.
 */
class ExecutionsAndDryRunApiIntegrationTests extends ApiServerTestBase {

    /** Enough rows that the batch is still being read when the test looks (about a second of reading). */
    static final int ROWS = 6_000;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    IntakeService intake;
    @Autowired
    IngestService ingest;
    @Autowired
    RunningIngests runningIngests;
    @Autowired
    JobExplorer explorer;
    @Autowired
    PlatformConfiguration configuration;

    @TempDir
    Path work;

    @Test
    void aRunningIngestShowsPercentAndTimeLeftAndIsStoppedAndRestartedByItsId() throws Exception {
        Path file = work.resolve("进度-大批量处罚.csv");
        new SyntheticPenalties(configuration.catalog().item("admin-penalty").orElseThrow(), 1000, 5).writeCsv(file, ROWS);
        Batch batch = intake.receive(TestHome.UNIT, "cli", file, "进度-大批量处罚.csv");

        // given the batch being processed in another thread, past its first committed chunk
        CompletableFuture<Void> processing = CompletableFuture.runAsync(() -> {
            try {
                ingest.process(batch.id());
            } catch (IngestFailedException expected) {
                // a stopped job ends the batch FAILED, to be restarted
            }
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> staged(batch.id()) > 0);
        JobExecution execution = explorer.findRunningJobExecutions(IngestJobConfiguration.JOB_NAME).stream()
                .filter(e -> Long.valueOf(batch.id()).equals(e.getJobParameters().getLong(IngestJobConfiguration.BATCH_ID)))
                .findFirst().orElseThrow();
        long id = execution.getId();
        StepExecution stage = execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("stage"))
                .findFirst().orElseThrow();

        try (Connection hold = dataSource.getConnection()) {
            // and held at its next chunk commit (its step row locked), so that it is running while the test looks
            hold.setAutoCommit(false);
            try (PreparedStatement lock = hold.prepareStatement(
                    "SELECT VERSION FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ? FOR UPDATE")) {
                lock.setLong(1, stage.getId());
                lock.executeQuery().close();
            }
            StepExecution committed = explorer.getStepExecution(id, stage.getId());
            double fraction = committed.getExecutionContext().getDouble(FileRowReader.FRACTION_READ);
            long rowsRead = ((Number) committed.getExecutionContext().get(FileRowReader.ROWS_READ)).longValue();

            // then `status` shows how far it read its file and the time left
            RunningIngests.Running shown = runningIngests.now().stream().filter(r -> r.executionId() == id)
                    .findFirst().orElseThrow();
            assertThat(shown.step()).isEqualTo("stage");
            assertThat(shown.percent()).isGreaterThan(0.0).isLessThan(100.0).isEqualTo(fraction * 100);
            // the share of bytes read is the share of rows read, give or take the reader's read-ahead
            assertThat(shown.percent()).isCloseTo(100.0 * rowsRead / ROWS, Offset.offset(5.0));
            assertThat(shown.remaining()).isPositive();

            // and so does the API, with the links to stop it
            JsonNode running = single(get(VIEWER, "/api/executions?status=running").json(), id);
            assertThat(running.get("kind").asText()).isEqualTo("INGEST");
            assertThat(running.get("running").asBoolean()).isTrue();
            assertThat(running.get("job").asText()).isEqualTo("ingest");
            assertThat(running.get("batchId").asLong()).isEqualTo(batch.id());
            assertThat(running.get("step").asText()).isEqualTo("stage");
            assertThat(running.get("percent").asDouble()).isEqualTo(shown.percent());
            assertThat(running.get("secondsLeft").isIntegralNumber()).isTrue();
            assertThat(running.get("rowsPerSecond").asDouble()).isPositive();
            assertThat(running.get("rowsRead").asLong()).isPositive().isLessThan(ROWS);
            assertThat(running.at("/links/stop").asText()).isEqualTo("/api/executions/" + id + "/stop");
            assertThat(running.at("/links/restart").isNull()).isTrue();
            assertThat(running.at("/links/batch").asText()).isEqualTo("/api/batches/" + batch.id());
            JsonNode detail = get(OPERATOR, "/api/executions/" + id).json();
            assertThat(detail.get("steps")).extracting(s -> s.get("name").asText() + " " + s.get("status").asText())
                    .containsExactly("recognize COMPLETED", "stage STARTED");

            // when an operator stops it by that id
            assertThat(postJson(OPERATOR, running.at("/links/stop").asText(), Map.of()).status()).isEqualTo(200);
            hold.rollback();
        }
        processing.get(60, TimeUnit.SECONDS);

        // then it stands stopped part-way: the share it read, no time left, the link to restart it
        JsonNode stopped = get(ADMIN, "/api/executions/" + id).json();
        assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
        assertThat(stopped.get("running").asBoolean()).isFalse();
        assertThat(stopped.get("percent").asDouble()).isGreaterThan(0.0).isLessThan(100.0);
        assertThat(stopped.get("secondsLeft").isNull()).isTrue();
        assertThat(stopped.at("/links/stop").isNull()).isTrue();
        assertThat(stopped.at("/links/restart").asText()).isEqualTo("/api/executions/" + id + "/restart");
        assertThat(get(VIEWER, "/api/executions?status=STOPPED").json()).extracting(e -> e.get("executionId").asLong())
                .contains(id);
        assertThat(get(VIEWER, "/api/executions?status=running").json()).extracting(e -> e.path("executionId").asLong())
                .doesNotContain(id);

        // when it is restarted by the same id
        assertThat(postJson(OPERATOR, stopped.at("/links/restart").asText(), Map.of()).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "DONE".equals(get(OPERATOR, "/api/batches/" + batch.id()).json().get("status").asText()));

        // then the restart read the rest, the whole file is read, and only the restart could be restarted again
        JobExecution restarted = explorer.getLastJobExecution(execution.getJobInstance());
        assertThat(restarted.getId()).isNotEqualTo(id);
        JsonNode done = get(VIEWER, "/api/executions/" + restarted.getId()).json();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(done.get("secondsLeft").isNull()).isTrue();
        assertThat(done.get("step").asText()).isEqualTo("feedback");
        assertThat(done.at("/links/restart").isNull()).isTrue();
        assertThat(stageRead(stopped) + stageRead(done)).isEqualTo(ROWS);
        StepExecution lastStage = restarted.getStepExecutions().stream().filter(s -> s.getStepName().equals("stage"))
                .findFirst().orElseThrow();
        assertThat(lastStage.getExecutionContext().getDouble(FileRowReader.FRACTION_READ)).isEqualTo(1.0);
        assertThat(get(VIEWER, "/api/executions/" + id).json().at("/links/restart").isNull()).isTrue();
    }

    @Test
    void executionsAreReadByViewersOperatorsAndAdminsNewestFirstButNotByClerks() throws Exception {
        long batch = processed("列表〔2026〕");
        long newest = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);

        for (String user : List.of(VIEWER, OPERATOR, ADMIN)) {
            Answer list = get(user, "/api/executions");
            assertThat(list.status()).as(user).isEqualTo(200);
            assertThat(list.json()).as(user).isNotEmpty();
        }
        JsonNode list = get(VIEWER, "/api/executions?limit=500").json();
        List<java.time.Instant> began = new ArrayList<>();
        list.forEach(e -> {
            if (!e.get("startedAt").isNull()) {
                began.add(java.time.OffsetDateTime.parse(e.get("startedAt").asText()).toInstant());
            }
        });
        assertThat(began).hasSizeGreaterThan(1).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode mine = single(list, newest);
        assertThat(mine.get("batchId").asLong()).isEqualTo(batch);
        assertThat(mine.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(mine.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(mine.get("rowsRead").asLong()).isEqualTo(1);
        assertThat(mine.get("rowsWritten").asLong()).isEqualTo(1);
        assertThat(mine.get("steps")).extracting(s -> s.get("name").asText()).startsWith("recognize", "stage")
                .endsWith("feedback");
        assertThat(get(VIEWER, "/api/executions?limit=1").json()).hasSize(1);

        for (String path : List.of("/api/executions", "/api/executions/" + newest, "/api/executions?status=RUNNING")) {
            Answer refused = get(CLERK, path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().get("message").asText()).contains("CLERK", "无权");
        }
        assertThat(audit("DENIED", "GET /api/executions/" + newest)).extracting(e -> e.get("actor").asText())
                .contains(CLERK);

        Answer unknown = get(OPERATOR, "/api/executions/987654");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("没有作业执行 987654");
        Answer badStatus = get(OPERATOR, "/api/executions?status=FINISHED");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("message").asText()).contains("RUNNING", "COMPLETED", "SUCCEEDED", "FINISHED");
    }

    @Test
    void jobRunsAreListedBesideIngestExecutionsUnderTheirOwnIds() {
        Answer queued = postJson(OPERATOR, "/api/jobs/pending/runs", Map.of());
        long run = queued.json().get("id").asLong();
        String link = queued.json().get("link").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Set.of("SUCCEEDED", "FAILED").contains(get(OPERATOR, link).json().get("state").asText()));

        JsonNode listed = null;
        for (JsonNode e : get(VIEWER, "/api/executions").json()) {
            if (e.get("kind").asText().equals("JOB_RUN") && e.get("runId").asLong() == run) {
                listed = e;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("executionId").isNull()).isTrue();
        assertThat(listed.get("job").asText()).isEqualTo("pending");
        assertThat(listed.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(listed.get("running").asBoolean()).isFalse();
        assertThat(listed.at("/links/self").asText()).isEqualTo(link);
        assertThat(listed.at("/links/stop").isNull()).isTrue();

        assertThat(get(VIEWER, "/api/executions?status=SUCCEEDED").json())
                .allSatisfy(e -> assertThat(e.get("kind").asText()).isEqualTo("JOB_RUN"))
                .extracting(e -> e.get("runId").asLong()).contains(run);
        assertThat(get(VIEWER, "/api/executions?status=completed").json())
                .allSatisfy(e -> assertThat(e.get("kind").asText()).isEqualTo("INGEST"));
    }

    @Test
    void aClerkRunsAnUploadDryDownloadsItsFeedbackAndNothingIsStored() throws Exception {
        byte[] workbook = penaltyWorkbook(PenaltyRows.org(0, "试运行〔2026〕1号"), PenaltyRows.org(1, "试运行〔2026〕2号"),
                PenaltyRows.org(2, "试运行〔2026〕3号").with("行政相对人代码_1(统一社会信用代码)", "91330106MA2H000XXX"));

        Answer accepted = uploadDry(CLERK, TestHome.UNIT, "试运行-处罚.xlsx", workbook, true);

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        long batch = accepted.json().get("batchId").asLong();
        assertThat(accepted.json().get("dryRun").asBoolean()).isTrue();
        assertThat(accepted.json().get("message").asText()).contains("试运行", "批次 " + batch, "不会入库");
        JsonNode checked = pollUntilDryRunDone(CLERK, batch);
        assertThat(checked.get("channel").asText()).isEqualTo(IntakeService.DRY_RUN_CHANNEL);
        assertThat(checked.get("statusText").asText()).contains("试运行", "未入库");
        assertThat(checked.at("/rows/received").asLong()).isEqualTo(3);
        assertThat(checked.at("/rows/accepted").asLong()).isEqualTo(2);
        assertThat(checked.at("/rows/rejected").asLong()).isEqualTo(1);

        // the clerk downloads the dry run's feedback like any other
        Answer feedback = get(CLERK, checked.at("/links/feedback").asText());
        assertThat(feedback.status()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(feedback.body()))) {
            assertThat(wb.getSheet("处理结果汇总")).isNotNull();
        }
        try (var files = Files.list(HOME.data().resolve("dry-run").resolve(TestHome.UNIT))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains("-" + batch + ".xlsx"));
        }

        // nothing was kept: no record, no staging, no landed copy; the run is in the audit log
        assertThat(count("SELECT COUNT(*) FROM cx_org_record WHERE batch_id = ?", batch)).isZero();
        assertThat(count("SELECT COUNT(*) FROM cx_staged_row WHERE batch_id = ?", batch)).isZero();
        assertThat(count("SELECT COUNT(*) FROM cx_staged_reason WHERE batch_id = ?", batch)).isZero();
        assertThat(Path.of(jdbc.queryForObject("SELECT landed_path FROM cx_batch WHERE id = ?", String.class, batch)))
                .doesNotExist();
        assertThat(audit("UPLOAD_DRY_RUN", "batch " + batch)).extracting(e -> e.get("actor").asText())
                .containsExactly(CLERK);

        // and the same file sent for real afterwards is new, not a duplicate of the dry run
        Answer real = upload(CLERK, TestHome.UNIT, "试运行-处罚.xlsx", workbook);
        assertThat(real.json().get("status").asText()).isEqualTo("RECEIVED");
        assertThat(real.json().get("dryRun").asBoolean()).isFalse();
        long realBatch = real.json().get("batchId").asLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "DONE".equals(get(CLERK, "/api/batches/" + realBatch).json().get("status").asText()));
        assertThat(count("SELECT COUNT(*) FROM cx_org_record WHERE batch_id = ?", realBatch)).isEqualTo(2);
    }

    @Test
    void aDryRunIsForTheClerksOwnUnitOnlyAndMayBeAskedAsAFormField() throws Exception {
        byte[] workbook = penaltyWorkbook(PenaltyRows.org(3, "试运行表单〔2026〕1号"));
        long batchesBefore = count("SELECT COUNT(*) FROM cx_batch");

        Answer theirs = uploadDry(CLERK, TestHome.OTHER_UNIT, "他人.xlsx", workbook, true);
        assertThat(theirs.status()).isEqualTo(403);
        assertThat(theirs.json().get("message").asText()).contains("只能为本单位");
        assertThat(uploadDry(VIEWER, TestHome.UNIT, "查看.xlsx", workbook, true).status()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM cx_batch")).isEqualTo(batchesBefore);

        Answer asField = uploadDry(OPERATOR, TestHome.OTHER_UNIT, "表单.xlsx", workbook, false);
        assertThat(asField.status()).as(asField.text()).isEqualTo(202);
        assertThat(asField.json().get("dryRun").asBoolean()).isTrue();
        long batch = asField.json().get("batchId").asLong();
        assertThat(pollUntilDryRunDone(OPERATOR, batch).get("unit").asText()).isEqualTo(TestHome.OTHER_UNIT);
        assertThat(count("SELECT COUNT(*) FROM cx_org_record WHERE batch_id = ?", batch)).isZero();
    }

    @Test
    void aFileStillBeingProcessedForRealIsNotRunDry() throws Exception {
        Path file = FixtureFiles.penaltyXlsx(work.resolve("排队中.xlsx"), List.of(PenaltyRows.org(4, "排队中〔2026〕1号")));
        Batch waiting = intake.receive(TestHome.UNIT, "cli", file, "排队中.xlsx");

        Answer refused = uploadDry(CLERK, TestHome.UNIT, "排队中.xlsx", Files.readAllBytes(file), true);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("批次 " + waiting.id(), "尚未处理完毕");
        assertThat(jdbc.queryForObject("SELECT status || ' ' || channel_id FROM cx_batch WHERE id = ?", String.class,
                waiting.id())).isEqualTo("RECEIVED cli");
        assertThat(ingest.process(waiting.id()).status()).isEqualTo(org.creditexchange.intake.BatchStatus.DONE);
    }

    /** Processes a one-row workbook for the unit; returns its batch. */
    private long processed(String prefix) throws IOException {
        Path file = FixtureFiles.penaltyXlsx(work.resolve(prefix + ".xlsx"), List.of(PenaltyRows.org(5, prefix + "1号")));
        return ingest.process(intake.receive(TestHome.OTHER_UNIT, "cli", file, prefix + ".xlsx").id()).id();
    }

    /** Uploads for a dry run: {@code dryRun=true} in the query, or else as a form field beside the file. */
    private Answer uploadDry(String user, String unit, String fileName, byte[] content, boolean inQuery) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        if (!inQuery) {
            parts.add("dryRun", "true");
        }
        var r = client().post().uri("/api/units/{unit}/uploads" + (inQuery ? "?dryRun=true" : ""), unit)
                .headers(h -> h.setBasicAuth(user, PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(byte[].class);
        return new Answer(r.getStatusCode().value(), r.getHeaders(), r.getBody() == null ? new byte[0] : r.getBody());
    }

    private JsonNode pollUntilDryRunDone(String user, long batch) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode b = get(user, "/api/batches/" + batch).json();
            return b.get("status").asText().equals("DRY_RUN") && !b.at("/links/feedback").isNull();
        });
        return get(user, "/api/batches/" + batch).json();
    }

    private byte[] penaltyWorkbook(PenaltyRows... rows) throws IOException {
        Path file = work.resolve("upload-" + System.nanoTime() + ".xlsx");
        return Files.readAllBytes(FixtureFiles.penaltyXlsx(file, List.of(rows)));
    }

    private long staged(long batchId) {
        return count("SELECT COUNT(*) FROM cx_staged_row WHERE batch_id = ?", batchId);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static long stageRead(JsonNode execution) {
        for (JsonNode s : execution.get("steps")) {
            if (s.get("name").asText().equals("stage")) {
                return s.get("read").asLong();
            }
        }
        throw new AssertionError("no stage step in " + execution);
    }

    /** The one element of {@code list} with execution id {@code id}. */
    private static JsonNode single(JsonNode list, long id) {
        List<JsonNode> found = new ArrayList<>();
        list.forEach(e -> {
            if (e.path("executionId").asLong() == id) {
                found.add(e);
            }
        });
        assertThat(found).as("execution " + id + " in " + list).hasSize(1);
        return found.get(0);
    }
}
