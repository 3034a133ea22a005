package org.creditexchange.ops.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The REST API over real HTTP with each role: what each may do, what is refused (401, 403), what is audited. */
class ApiIntegrationTests extends ApiServerTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IntakeService intake;

    @TempDir
    Path work;

    @Test
    void everyRequestNeedsAUserOfTheUsersFile() {
        Answer anonymous = get(null, "/api/batches");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.json().get("message").asText()).contains("请先登录");

        Answer wrongPassword = answerAs("clerk", "not-the-password", "/api/batches");
        assertThat(wrongPassword.status()).isEqualTo(401);
        Answer unknownUser = answerAs("nobody", PASSWORD, "/api/batches");
        assertThat(unknownUser.status()).isEqualTo(401);

        assertThat(get(null, "/api/jobs").status()).isEqualTo(401);
        assertThat(get(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(upload(null, TestHome.UNIT, "a.csv", "x".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
    }

    @Test
    void clerkUploadsPollsUntilDoneAndDownloadsTheFeedbackAndTheReceipt() throws Exception {
        // given a workbook named with a person's ID number: two good rows and one with a bad USCC
        String fileName = "处罚-" + PenaltyRows.PERSON_ID + ".xlsx";
        byte[] workbook = penaltyWorkbook("上传〔2026〕", PenaltyRows.org(0, "上传〔2026〕1号"),
                PenaltyRows.org(1, "上传〔2026〕2号"),
                PenaltyRows.org(2, "上传〔2026〕3号").with("行政相对人代码_1(统一社会信用代码)", "91330106MA2H000XXX"));

        Answer accepted = upload(CLERK, TestHome.UNIT, fileName, workbook, Map.of(ApiAudit.REASON_HEADER, "monthly-report"));

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode receipt = accepted.json();
        long batch = receipt.get("batchId").asLong();
        assertThat(receipt.get("fileName").asText()).isEqualTo("处罚-" + PenaltyRows.PERSON_ID_MASKED + ".xlsx");
        assertThat(receipt.get("message").asText()).contains("文件已收到", "批次 " + batch);
        assertThat(receipt.at("/links/self").asText()).isEqualTo("/api/batches/" + batch);
        assertThat(accepted.headers().getFirst("Location")).isEqualTo("/api/batches/" + batch);
        assertThat(accepted.text()).doesNotContain(PenaltyRows.PERSON_ID);

        JsonNode done = pollUntilProcessed(CLERK, batch);
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("statusText").asText()).isEqualTo("处理完成，可下载反馈表");
        assertThat(done.get("channel").asText()).isEqualTo("upload");
        assertThat(done.get("unit").asText()).isEqualTo(TestHome.UNIT);
        assertThat(done.get("item").asText()).isEqualTo("admin-penalty");
        assertThat(done.at("/rows/received").asLong()).isEqualTo(3);
        assertThat(done.at("/rows/accepted").asLong()).isEqualTo(2);
        assertThat(done.at("/rows/rejected").asLong()).isEqualTo(1);
        assertThat(done.has("failure") && !done.get("failure").isNull()).isFalse();

        // why, in Chinese: percent-encoded UTF-8, as HTTP headers carry only ASCII
        Answer feedback = get(CLERK, done.at("/links/feedback").asText(), Map.of(ApiAudit.REASON_HEADER,
                java.net.URLEncoder.encode("核对本月反馈", StandardCharsets.UTF_8)));
        assertThat(feedback.status()).isEqualTo(200);
        assertThat(feedback.headers().getContentType().toString()).contains("spreadsheetml");
        // the feedback's name is the masked one, its asterisks made safe for Windows
        assertThat(feedback.headers().getContentDisposition().getFilename())
                .isEqualTo("处罚-330106________1231.反馈-" + batch + ".xlsx");
        assertThat(feedback.headers().getFirst("Content-Disposition"))
                .startsWith("attachment; filename=\"batch-" + batch + "-feedback.xlsx\"; filename*=UTF-8''");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(feedback.body()))) {
            assertThat(wb.getSheet("处理结果汇总")).isNotNull();
            String details = sheetText(wb.getSheet("问题数据明细"));
            assertThat(details).contains("91330106MA2H000XXX").doesNotContain(PenaltyRows.PERSON_ID);
        }

        Answer csv = get(CLERK, done.at("/links/receipt").asText());
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.text().lines().toList();
        assertThat(lines.get(0)).endsWith("row,status,field,code,message");
        assertThat(lines).filteredOn(l -> l.contains(",ACCEPTED,")).hasSize(2);
        assertThat(lines).filteredOn(l -> l.contains(",REJECTED,")).isNotEmpty();

        // the upload and both downloads are in the audit log: who, from where, what, why
        JsonNode upload = single(audit("UPLOAD", "batch " + batch));
        assertThat(upload.get("actor").asText()).isEqualTo(CLERK);
        assertThat(upload.get("reason").asText()).isEqualTo("monthly-report");
        assertThat(upload.get("details").asText()).startsWith("from 127.0.0.1: POST /api/units/" + TestHome.UNIT + "/uploads")
                .contains(PenaltyRows.PERSON_ID_MASKED).doesNotContain(PenaltyRows.PERSON_ID);
        JsonNode download = single(audit("DOWNLOAD_FEEDBACK", "batch " + batch));
        assertThat(download.get("actor").asText()).isEqualTo(CLERK);
        assertThat(download.get("reason").asText()).isEqualTo("核对本月反馈");
        assertThat(single(audit("DOWNLOAD_RECEIPT", "batch " + batch)).get("actor").asText()).isEqualTo(CLERK);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_access_log WHERE reason LIKE ? OR details LIKE ? OR target LIKE ?",
                Integer.class, "%" + PenaltyRows.PERSON_ID + "%", "%" + PenaltyRows.PERSON_ID + "%",
                "%" + PenaltyRows.PERSON_ID + "%")).isZero();

        // the same file again is a duplicate, with its own feedback
        Answer again = upload(CLERK, TestHome.UNIT, "again.xlsx", workbook);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("status").asText()).isEqualTo("DUPLICATE");
        JsonNode duplicate = pollUntilProcessed(CLERK, again.json().get("batchId").asLong());
        assertThat(duplicate.get("duplicateOf").asLong()).isEqualTo(batch);
        assertThat(get(CLERK, duplicate.at("/links/feedback").asText()).status()).isEqualTo(200);
    }

    @Test
    void clerkIsRefusedEverythingOfAnotherUnitAndEachRefusalIsAudited() throws Exception {
        long theirs = uploadAndWait(OPERATOR, TestHome.OTHER_UNIT, "其他单位〔2026〕");
        long mine = uploadAndWait(CLERK, TestHome.UNIT, "本单位〔2026〕");

        for (String path : List.of("/api/batches/" + theirs, "/api/batches/" + theirs + "/feedback",
                "/api/batches/" + theirs + "/receipt", "/api/batches?unit=" + TestHome.OTHER_UNIT)) {
            Answer refused = get(CLERK, path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().get("error").asText()).isEqualTo("FORBIDDEN");
            assertThat(refused.json().get("message").asText()).as(path).contains(TestHome.UNIT).containsAnyOf("无权", "只能");
            assertThat(refused.text()).doesNotContain("其他单位");
        }
        Answer refusedUpload = upload(CLERK, TestHome.OTHER_UNIT, "他人.xlsx", penaltyWorkbook("x", PenaltyRows.org(0, "他人〔2026〕1号")));
        assertThat(refusedUpload.status()).isEqualTo(403);
        assertThat(refusedUpload.json().get("message").asText()).contains("只能为本单位");

        List<JsonNode> denied = audit("DENIED", null).stream().filter(e -> e.get("actor").asText().equals(CLERK)).toList();
        assertThat(denied).extracting(e -> e.get("target").asText()).contains(
                "GET /api/batches/" + theirs, "GET /api/batches/" + theirs + "/feedback",
                "GET /api/batches/" + theirs + "/receipt", "GET /api/batches",
                "POST /api/units/" + TestHome.OTHER_UNIT + "/uploads");

        // their own unit's batches only, without asking
        JsonNode list = get(CLERK, "/api/batches?limit=500").json();
        assertThat(list).isNotEmpty();
        assertThat(list).extracting(b -> b.get("unit").asText()).containsOnly(TestHome.UNIT);
        assertThat(list).extracting(b -> b.get("id").asLong()).contains(mine).doesNotContain(theirs);
        assertThat(get(CLERK_B, "/api/batches/" + theirs).status()).isEqualTo(200);
        assertThat(get(CLERK_B, "/api/batches/" + mine).status()).isEqualTo(403);

        // and nothing of the operators' side
        for (String path : List.of("/api/jobs", "/api/conflicts", "/api/disputes", "/api/check", "/api/audit",
                "/actuator/prometheus")) {
            assertThat(get(CLERK, path).status()).as(path).isEqualTo(403);
        }
        assertThat(postJson(CLERK, "/api/jobs/pending/runs", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void viewerReadsEverythingAndChangesNothing() throws Exception {
        long batch = uploadAndWait(OPERATOR, TestHome.OTHER_UNIT, "查看〔2026〕");

        assertThat(get(VIEWER, "/api/batches/" + batch).status()).isEqualTo(200);
        assertThat(get(VIEWER, "/api/batches?unit=" + TestHome.OTHER_UNIT).json()).extracting(b -> b.get("id").asLong())
                .contains(batch);
        assertThat(get(VIEWER, "/api/jobs").status()).isEqualTo(200);
        assertThat(get(VIEWER, "/api/check").status()).isEqualTo(200);
        assertThat(get(VIEWER, "/api/conflicts").status()).isEqualTo(200);

        Answer run = postJson(VIEWER, "/api/jobs/pending/runs", Map.of());
        assertThat(run.status()).isEqualTo(403);
        assertThat(run.json().get("message").asText()).contains("VIEWER", "无权");
        assertThat(upload(VIEWER, TestHome.UNIT, "v.xlsx", penaltyWorkbook("v", PenaltyRows.org(0, "查看〔2026〕9号")))
                .status()).isEqualTo(403);
        assertThat(get(VIEWER, "/api/audit").status()).isEqualTo(403);
        assertThat(audit("DENIED", "POST /api/jobs/pending/runs")).extracting(e -> e.get("actor").asText())
                .contains(VIEWER);
    }

    @Test
    void listFiltersByUnitStatusAndDay() throws Exception {
        long done = uploadAndWait(OPERATOR, TestHome.OTHER_UNIT, "筛选〔2026〕");
        Answer rejected = upload(OPERATOR, TestHome.OTHER_UNIT, "不是表格.xlsx", "这不是表格".getBytes(StandardCharsets.UTF_8));
        long rejectedId = rejected.json().get("batchId").asLong();
        assertThat(pollUntilProcessed(OPERATOR, rejectedId).get("status").asText()).isEqualTo("REJECTED");
        String today = LocalDate.now(IntakeService.ZONE).toString();
        String yesterday = LocalDate.now(IntakeService.ZONE).minusDays(1).toString();

        JsonNode rejectedOnes = get(OPERATOR, "/api/batches?unit=" + TestHome.OTHER_UNIT + "&status=REJECTED").json();
        assertThat(rejectedOnes).extracting(b -> b.get("id").asLong()).contains(rejectedId).doesNotContain(done);
        assertThat(rejectedOnes.get(0).at("/problem/message").asText()).isNotBlank();
        assertThat(get(OPERATOR, "/api/batches?from=" + today + "&to=" + today).json())
                .extracting(b -> b.get("id").asLong()).contains(done, rejectedId);
        assertThat(get(OPERATOR, "/api/batches?to=" + yesterday).json()).isEmpty();
        assertThat(get(OPERATOR, "/api/batches?limit=1").json()).hasSize(1);

        Answer badStatus = get(OPERATOR, "/api/batches?status=FINISHED");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("message").asText()).contains("status", "DONE");
        assertThat(get(OPERATOR, "/api/batches?from=31.10.2026").json().get("message").asText()).contains("2026-10-31");
        assertThat(get(OPERATOR, "/api/batches/999999").status()).isEqualTo(404);
        assertThat(get(OPERATOR, "/api/batches?unit=no-such-unit").status()).isEqualTo(404);
        assertThat(get(OPERATOR, "/api/batches/" + rejectedId + "/feedback").status()).isEqualTo(200);

        // a batch not processed yet has no feedback to download
        Path waiting = FixtureFiles.penaltyXlsx(work.resolve("waiting.xlsx"), List.of(PenaltyRows.org(4, "等待〔2026〕1号")));
        long received = intake.receive(TestHome.OTHER_UNIT, "cli", waiting, "waiting.xlsx").id();
        Answer notYet = get(OPERATOR, "/api/batches/" + received + "/feedback");
        assertThat(notYet.status()).isEqualTo(409);
        assertThat(notYet.json().get("message").asText()).contains("反馈尚未生成", "等待处理");
        assertThat(get(OPERATOR, "/api/batches/" + received).json().at("/links/feedback").isNull()).isTrue();
    }

    @Test
    void operatorRunsAJobInTheBackgroundAndTheRunIsAudited() {
        Answer queued = postJson(OPERATOR, "/api/jobs/pending/runs", Map.of("note", "api-test"));

        assertThat(queued.status()).isEqualTo(202);
        long run = queued.json().get("id").asLong();
        String link = queued.json().get("link").asText();
        assertThat(link).isEqualTo("/api/jobs/pending/runs/" + run);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Set.of("SUCCEEDED", "FAILED").contains(get(OPERATOR, link).json().get("state").asText()));
        JsonNode finished = get(OPERATOR, link).json();
        assertThat(finished.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(finished.get("requestedBy").asText()).isEqualTo(OPERATOR);
        assertThat(finished.get("params").get("note").asText()).isEqualTo("api-test");
        assertThat(finished.get("steps")).extracting(s -> s.get("type").asText()).containsExactly("process-pending", "archive");

        JsonNode jobs = get(VIEWER, "/api/jobs").json();
        JsonNode pending = find(jobs, "id", "pending");
        assertThat(pending.get("title").asText()).isEqualTo("处理待处理批次");
        assertThat(pending.get("runs")).extracting(r -> r.get("id").asLong()).contains(run);

        JsonNode audited = single(audit("RUN_JOB", "job pending").stream()
                .filter(e -> e.get("details").asText().contains("run=" + run + " ")).toList());
        assertThat(audited.get("actor").asText()).isEqualTo(OPERATOR);
        assertThat(audited.get("details").asText()).contains("params={note=api-test}");

        Answer unknown = postJson(ADMIN, "/api/jobs/no-such-job/runs", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("没有作业 no-such-job", "pending");
    }

    @Test
    void checkReportsTheConfigurationOnDisk() {
        JsonNode check = get(OPERATOR, "/api/check").json();

        assertThat(check.get("ok").asBoolean()).isTrue();
        assertThat(check.get("problems")).isEmpty();
        assertThat(check.at("/counts/connectors").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(check.at("/counts/jobs").asInt()).isEqualTo(1);
    }

    @Test
    void conflictsBetweenUnitsAreListedAndTheReadIsAudited() throws Exception {
        uploadAndWait(OPERATOR, TestHome.UNIT, "冲突〔2026〕", PenaltyRows.org(3, "冲突〔2026〕1号"));
        uploadAndWait(OPERATOR, TestHome.OTHER_UNIT, "冲突〔2026〕", PenaltyRows.org(3, "冲突〔2026〕1号")
                .with("处罚内容", "罚款五万元").with("罚款金额（万元）", 5.0));

        Answer conflicts = get(ADMIN, "/api/conflicts");

        assertThat(conflicts.status()).isEqualTo(200);
        JsonNode conflict = conflicts.json().get(conflicts.json().size() - 1);
        assertThat(conflict.get("businessKey").asText()).contains("冲突〔2026〕1号");
        assertThat(Set.of(conflict.get("unitA").asText(), conflict.get("unitB").asText()))
                .containsExactlyInAnyOrder(TestHome.UNIT, TestHome.OTHER_UNIT);
        assertThat(conflict.get("recordA").asText()).startsWith("O-");
        assertThat(audit("LIST_CONFLICTS", "open conflicts")).extracting(e -> e.get("actor").asText()).contains(ADMIN);
        assertThat(get(OPERATOR, "/api/disputes").status()).isEqualTo(200);
        assertThat(audit("LIST_DISPUTES", "open objections")).extracting(e -> e.get("actor").asText()).contains(OPERATOR);
    }

    @Test
    void auditLogIsQueriedByDayActorAndAction() {
        String today = LocalDate.now(IntakeService.ZONE).toString();
        assertThat(get(CLERK, "/api/batches/999998").status()).isEqualTo(404);
        get(VIEWER, "/api/conflicts");

        JsonNode entries = get(OPERATOR, "/api/audit?from=" + today + "&to=" + today + "&actor=" + VIEWER
                + "&action=list_conflicts").json();

        assertThat(entries).isNotEmpty();
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo(VIEWER);
            assertThat(e.get("action").asText()).isEqualTo("LIST_CONFLICTS");
            assertThat(e.get("at").asText()).startsWith(today);
        });
        assertThat(get(OPERATOR, "/api/audit?to=2000-01-01").json()).isEmpty();
        assertThat(audit("QUERY_AUDIT", "audit log")).extracting(e -> e.get("actor").asText()).contains(OPERATOR);
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413() {
        byte[] big = new byte[(UPLOAD_LIMIT_MB * 1024 + 512) * 1024];
        ThreadLocalRandom.current().nextBytes(big);
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM cx_batch", Integer.class);

        Answer tooLarge = upload(CLERK, TestHome.UNIT, "太大.xlsx", big);

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("error").asText()).isEqualTo("UPLOAD_TOO_LARGE");
        assertThat(tooLarge.json().get("message").asText()).contains("上传的文件太大", UPLOAD_LIMIT_MB + " MB");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_batch", Integer.class)).isEqualTo(before);
    }

    @Test
    void anUploadWithoutAFileOrForAnUnknownUnitIsRefusedInChinese() {
        Answer empty = upload(OPERATOR, TestHome.UNIT, "空.xlsx", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("message").asText()).contains("文件是空的");
        Answer unknown = upload(ADMIN, "no-such-unit", "a.xlsx", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("没有单位 no-such-unit");
        Answer noPart = postJson(OPERATOR, "/api/units/" + TestHome.UNIT + "/uploads", Map.of());
        assertThat(noPart.status()).isEqualTo(400);
        assertThat(noPart.json().get("message").asText()).isNotBlank();
    }

    @Test
    void operatorReloadsABatchAndTheActionIsAuditedWhileClerksAndViewersMayNot() throws Exception {
        long batch = uploadAndWait(CLERK, TestHome.UNIT, "重新处理〔2026〕");
        String firstFeedback = jdbc.queryForObject("SELECT processed_at FROM cx_batch WHERE id = ?", String.class, batch);

        assertThat(postJson(CLERK, "/api/batches/" + batch + "/reload", Map.of()).status()).isEqualTo(403);
        assertThat(postJson(VIEWER, "/api/batches/" + batch + "/reload", Map.of()).status()).isEqualTo(403);
        Answer reload = postJson(OPERATOR, "/api/batches/" + batch + "/reload", Map.of());

        assertThat(reload.status()).as(reload.text()).isEqualTo(202);
        assertThat(reload.json().get("message").asText()).contains("重新处理");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.queryForObject("SELECT COUNT(*) FROM cx_access_log WHERE action = 'RELOAD' AND target = ?",
                        Integer.class, "batch " + batch) == 1
                        && "DONE".equals(get(OPERATOR, "/api/batches/" + batch).json().get("status").asText())
                        && !firstFeedback.equals(jdbc.queryForObject("SELECT processed_at FROM cx_batch WHERE id = ?",
                        String.class, batch)));
        assertThat(jdbc.queryForObject("SELECT actor FROM cx_access_log WHERE action = 'RELOAD' AND target = ?",
                String.class, "batch " + batch)).isEqualTo(OPERATOR);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_org_record WHERE batch_id = ?", Integer.class, batch))
                .isEqualTo(1);

        // stopping what does not run, or restarting what does not exist, is answered in Chinese
        Answer stop = postJson(OPERATOR, "/api/executions/987654/stop", Map.of());
        assertThat(stop.status()).isEqualTo(404);
        assertThat(stop.json().get("message").asText()).contains("没有作业执行 987654");
        Long finished = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'",
                Long.class);
        assertThat(postJson(OPERATOR, "/api/executions/" + finished + "/stop", Map.of()).status()).isEqualTo(409);
        assertThat(postJson(OPERATOR, "/api/executions/" + finished + "/restart", Map.of()).status()).isEqualTo(409);
        assertThat(postJson(VIEWER, "/api/executions/" + finished + "/restart", Map.of()).status()).isEqualTo(403);
    }

    private long uploadAndWait(String user, String unit, String prefix, PenaltyRows... rows) throws IOException {
        PenaltyRows[] content = rows.length > 0 ? rows : new PenaltyRows[] {PenaltyRows.org(0, prefix + "1号")};
        Answer a = upload(user, unit, prefix + ".xlsx", penaltyWorkbook(prefix, content));
        assertThat(a.status()).as(a.text()).isEqualTo(202);
        long id = a.json().get("batchId").asLong();
        assertThat(pollUntilProcessed(user, id).get("status").asText()).isEqualTo("DONE");
        return id;
    }

    private JsonNode pollUntilProcessed(String user, long batch) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                Set.of("DONE", "REJECTED", "DUPLICATE", "FAILED").contains(get(user, "/api/batches/" + batch).json()
                        .get("status").asText()) && !get(user, "/api/batches/" + batch).json().at("/links/feedback").isNull());
        return get(user, "/api/batches/" + batch).json();
    }

    private byte[] penaltyWorkbook(String name, PenaltyRows... rows) throws IOException {
        Path file = work.resolve(Math.abs(name.hashCode()) + "-" + System.nanoTime() + ".xlsx");
        return Files.readAllBytes(FixtureFiles.penaltyXlsx(file, List.of(rows)));
    }

    private Answer answerAs(String user, String password, String path) {
        var r = client().get().uri(path).headers(h -> h.setBasicAuth(user, password)).retrieve().toEntity(byte[].class);
        return new Answer(r.getStatusCode().value(), r.getHeaders(), r.getBody() == null ? new byte[0] : r.getBody());
    }

    private static String sheetText(Sheet sheet) {
        DataFormatter f = new DataFormatter();
        List<String> cells = new ArrayList<>();
        for (Row row : sheet) {
            row.forEach(c -> cells.add(f.formatCellValue(c)));
        }
        return String.join("|", cells);
    }

    private static JsonNode single(List<JsonNode> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.get(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }
}
