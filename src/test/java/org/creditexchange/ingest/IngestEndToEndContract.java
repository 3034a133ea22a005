package org.creditexchange.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.intake.drop.DropRoutes;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole path, from a file in a unit's drop folder (or given to the intake as the CLI does) to the credit store
 * and the feedback folder. Subclasses run it on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = CreditExchangeApplication.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class IngestEndToEndContract {

    @Autowired
    CamelContext camel;
    @Autowired
    DropRoutes dropRoutes;
    @Autowired
    BatchRepository batches;
    @Autowired
    IntakeService intake;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    abstract TestHome home();

    @BeforeEach
    void startRoutes() throws Exception {
        dropRoutes.startAll();
    }

    @Test
    void droppedXlsxIsLandedLoadedAndAnsweredWithFeedback() throws Exception {
        // given a clerk's workbook: title row, numeric and date cells, one person, one bad row
        Path file = FixtureFiles.penaltyXlsx(work.resolve("处罚-月报.xlsx"), List.of(
                PenaltyRows.org(0, "测罚〔2026〕1号"),
                PenaltyRows.org(1, "测罚〔2026〕2号").with("罚款金额（万元）", 0.2),
                PenaltyRows.person("测罚〔2026〕3号").with("处罚类别", "警告").with("罚款金额（万元）", ""),
                PenaltyRows.org(2, "测罚〔2026〕4号").with("行政相对人代码_1(统一社会信用代码)", "91330106MA2H00014X")));

        // when it is dropped into the inbox
        Batch batch = drop(file);

        // then it is processed, moved out of the inbox, and its rows are accounted for
        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.itemId()).isEqualTo("admin-penalty");
        assertThat(batch.counts()).isEqualTo(new Batch.Counts(4, 3, 0, 1));
        assertThat(home().inbox()).isEmptyDirectory();
        await().atMost(Duration.ofSeconds(10)).until(() -> listNames(home().done()).stream().anyMatch(n -> n.startsWith("处罚-月报")));
        assertThat(Files.readAllBytes(batch.landedPath())).isEqualTo(Files.readAllBytes(file));

        // and the valid rows are in the store, organisations and the person apart
        List<Map<String, Object>> orgs = jdbc.queryForList(
                "SELECT subject_code, record_json, version, row_no FROM cx_org_record WHERE batch_id = ? ORDER BY row_no", batch.id());
        assertThat(orgs).extracting(r -> r.get("subject_code")).containsExactly("91330106MA2B3C4D11", "91330106704123455B");
        assertThat((String) orgs.get(1).get("record_json")).contains("\"fine-amount\":\"0.2\"", "\"decision-date\":\"2026-10-15\"");
        assertThat(orgs).extracting(r -> ((Number) r.get("row_no")).intValue()).containsExactly(4, 5);
        List<Map<String, Object>> persons = jdbc.queryForList(
                "SELECT subject_name, subject_id_hash, record_json FROM cx_person_record WHERE batch_id = ?", batch.id());
        assertThat(persons).hasSize(1);
        assertThat((String) persons.get(0).get("subject_id_hash")).hasSize(64).doesNotContain(PenaltyRows.PERSON_ID);
        assertThat((String) persons.get(0).get("record_json")).contains(PenaltyRows.PERSON_ID_MASKED);

        // and the feedback folder holds the workbook and the receipt
        assertThat(batch.feedbackPath()).exists().hasParent(home().feedback());
        assertThat(Files.readAllLines(batch.receiptPath(), StandardCharsets.UTF_8)).containsExactly(
                "row,status,field,code,message",
                "4,ACCEPTED,,,",
                "5,ACCEPTED,,,",
                "6,ACCEPTED,,,",
                "7,REJECTED,uscc,USCC_CHECK_DIGIT,【行政相对人代码_1(统一社会信用代码)】“91330106MA2H00014X”校验位不正确。");
        List<List<String>> problems = sheet(batch.feedbackPath(), "问题数据明细");
        assertThat(problems.get(1)).startsWith("7", "拒绝", "行政相对人代码_1(统一社会信用代码)");
    }

    @Test
    void gbkCsvWithTitleRowIsReadByTheCommandLinePath() throws Exception {
        Path file = FixtureFiles.penaltyCsv(work.resolve("gbk.csv"), Charset.forName("GBK"), List.of(
                PenaltyRows.org(3, "测罚〔2026〕11号"),
                PenaltyRows.org(4, "测罚〔2026〕12号").with("违法事实", "")));

        Batch batch = ingest.process(intake.receive(TestHome.UNIT, "cli", file, "gbk.csv").id());

        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts()).isEqualTo(new Batch.Counts(2, 1, 0, 1));
        assertThat(Files.readAllLines(batch.receiptPath())).containsExactly(
                "row,status,field,code,message",
                "3,ACCEPTED,,,",
                "4,REJECTED,violation-facts,REQUIRED_MISSING,【违法事实】为必填项，但未填写。");
        assertThat(jdbc.queryForObject("SELECT subject_name FROM cx_org_record WHERE batch_id = ?", String.class, batch.id()))
                .isEqualTo("测试企业3有限公司");
    }

    @Test
    void xlsWorkbookIsIngested() throws Exception {
        Path file = FixtureFiles.penaltyXls(work.resolve("old.xls"), List.of(PenaltyRows.org(5, "测罚〔2026〕21号")));

        Batch batch = ingest.process(intake.receive(TestHome.UNIT, "cli", file, "old.xls").id());

        assertThat(batch.counts()).isEqualTo(new Batch.Counts(1, 1, 0, 0));
    }

    @Test
    void dataOnASheetAfterTheInstructionsSheetIsFound() throws Exception {
        Path file = FixtureFiles.penaltyXlsxAfterInstructions(work.resolve("with-help.xlsx"), List.of(
                PenaltyRows.org(2, "测罚〔2026〕81号"), PenaltyRows.org(3, "测罚〔2026〕82号").with("处罚依据", "")));

        Batch batch = cli(file);

        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts()).isEqualTo(new Batch.Counts(2, 1, 0, 1));
        assertThat(Files.readAllLines(batch.receiptPath()).get(2)).startsWith("5,REJECTED,legal-basis,REQUIRED_MISSING");
    }

    @Test
    void aProhibitedColumnIsRefusedAndKeptNowhereNotEvenInTheLandingZone() throws Exception {
        String marker = "罕见血型标记Rh阴性";
        Path csv = work.resolve("blood.csv");
        List<String> titles = new ArrayList<>(PenaltyRows.TITLES);
        titles.add("血型");
        StringBuilder text = new StringBuilder(String.join(",", titles)).append('\n');
        List<Object> cells = PenaltyRows.person("测罚〔2026〕91号").with("处罚类别", "警告").with("罚款金额（万元）", "").cells();
        for (Object c : cells) {
            text.append(c instanceof java.time.LocalDate d ? d.toString() : String.valueOf(c)).append(',');
        }
        text.append(marker).append('\n');
        Files.writeString(csv, text);

        Batch batch = cli(csv);

        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts()).isEqualTo(new Batch.Counts(1, 1, 0, 0));
        assertThat(Files.readAllLines(batch.receiptPath()).get(1)).startsWith("0,WARNED,,PROHIBITED_COLUMN,列“血型”");
        try (Stream<Path> landed = Files.walk(home().data().resolve("landing"))) {
            for (Path p : landed.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                String needle = new String(marker.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                assertThat(bytes.contains(needle)).as("prohibited value in " + p).isFalse();
            }
        }
        assertThat(batch.landedPath()).exists();
        assertThat(String.valueOf(jdbc.queryForList("SELECT * FROM cx_staged_row WHERE batch_id = ?", batch.id()))
                + jdbc.queryForList("SELECT * FROM cx_staged_content WHERE batch_id = ?", batch.id()))
                .doesNotContain(marker).contains("（已拒收）");
        assertThat(sheet(batch.feedbackPath(), "处理结果汇总").toString()).contains("禁止采集");
    }

    @Test
    void aDroppedFileWithAProhibitedColumnIsNotKeptInTheDropFolders() throws Exception {
        Path csv = work.resolve("religion.csv");
        List<String> titles = new ArrayList<>(PenaltyRows.TITLES);
        titles.add("宗教信仰");
        List<String> cells = new ArrayList<>();
        for (Object c : PenaltyRows.org(3, "测罚〔2026〕95号").cells()) {
            cells.add(String.valueOf(c));
        }
        cells.add("某教");
        Files.writeString(csv, String.join(",", titles) + "\n" + String.join(",", cells) + "\n");

        Batch batch = drop(csv);

        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(Files.readString(batch.receiptPath())).contains("PROHIBITED_COLUMN");
        Path dropRoot = home().data().resolve("drop").resolve(TestHome.UNIT);
        await().atMost(Duration.ofSeconds(20)).until(() -> java.util.stream.Stream.of("inbox", "done", "failed", ".purge")
                .flatMap(d -> {
                    try {
                        return listNames(dropRoot.resolve(d)).stream();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).noneMatch(n -> n.contains("religion")));
    }

    @Test
    void sameFileReceivedTwiceIsADuplicateAndLoadedOnce() throws Exception {
        Path file = FixtureFiles.penaltyXlsx(work.resolve("twice.xlsx"), List.of(PenaltyRows.org(0, "测罚〔2026〕31号")));
        Batch first = drop(file);
        int stored = count("cx_org_record");

        Batch second = drop(copy(file, "twice-again.xlsx"));

        assertThat(first.status()).isEqualTo(BatchStatus.DONE);
        assertThat(second.status()).isEqualTo(BatchStatus.DUPLICATE);
        assertThat(second.duplicateOf()).isEqualTo(first.id());
        assertThat(count("cx_org_record")).isEqualTo(stored);
        assertThat(count("cx_staged_row WHERE batch_id = " + second.id())).isZero();
        assertThat(Files.readAllLines(second.receiptPath())).hasSize(2).last().asString()
                .startsWith("0,DUPLICATE,,DUPLICATE_FILE,").contains("批次" + first.id());
        assertThat(sheet(second.feedbackPath(), "处理结果汇总").toString()).contains("重复文件");
    }

    @Test
    void reloadingTheSameRowsChangesNothingAndAChangedRowMakesANewVersion() throws Exception {
        PenaltyRows same = PenaltyRows.org(1, "测罚〔2026〕41号");
        Batch first = cli(FixtureFiles.penaltyXlsx(work.resolve("v1.xlsx"), List.of(same,
                PenaltyRows.org(2, "测罚〔2026〕42号"))));
        Map<String, Object> before = record("测罚〔2026〕41号");

        Batch second = cli(FixtureFiles.penaltyXlsx(work.resolve("v2.xlsx"), List.of(same,
                PenaltyRows.org(2, "测罚〔2026〕42号").with("处罚内容", "罚款二万元，责令改正"), PenaltyRows.org(3, "测罚〔2026〕43号"))));

        assertThat(second.status()).isEqualTo(BatchStatus.DONE);
        assertThat(record("测罚〔2026〕41号")).isEqualTo(before);
        Map<String, Object> changed = record("测罚〔2026〕42号");
        assertThat(((Number) changed.get("version")).intValue()).isEqualTo(2);
        assertThat(((Number) changed.get("batch_id")).longValue()).isEqualTo(second.id());
        assertThat((String) changed.get("record_json")).contains("责令改正");
        assertThat(first.id()).isLessThan(second.id());
    }

    @Test
    void fileThatCannotBeReadGetsFeedbackSayingWhyAndLeavesTheEngineRunning() throws Exception {
        Path pdf = work.resolve("报表.xlsx");
        Files.write(pdf, "%PDF-1.4 not a workbook".getBytes(StandardCharsets.US_ASCII));

        Batch batch = drop(pdf);

        assertThat(batch.status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(batch.problemCode()).isEqualTo("FILE_FORMAT_UNSUPPORTED");
        assertThat(Files.readAllLines(batch.receiptPath())).containsExactly("row,status,field,code,message",
                "0,REJECTED,,FILE_FORMAT_UNSUPPORTED,文件“报表.xlsx”的格式无法识别或不受支持。");
        assertThat(sheet(batch.feedbackPath(), "处理结果汇总").toString()).contains("文件未能处理", "另存为");
        await().atMost(Duration.ofSeconds(10)).until(() -> listNames(home().done()).stream().anyMatch(n -> n.startsWith("报表")));
        // and the next good file is processed as usual
        Batch next = drop(FixtureFiles.penaltyXlsx(work.resolve("after.xlsx"), List.of(PenaltyRows.org(4, "测罚〔2026〕51号"))));
        assertThat(next.status()).isEqualTo(BatchStatus.DONE);
    }

    @Test
    void headerWithoutRequiredColumnsIsRejectedNamingThem() throws Exception {
        Path csv = work.resolve("short.csv");
        Files.writeString(csv, "行政相对人名称,行政相对人类别,行政处罚决定书文号\n某公司,法人及非法人组织,测罚1号\n");

        Batch batch = cli(csv);

        assertThat(batch.status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(batch.problemCode()).isEqualTo("FILE_MISSING_COLUMNS");
        assertThat(batch.problemMessage()).contains("行政处罚", "违法事实", "处罚机关统一社会信用代码");
    }

    @Test
    void personalIdNumbersAppearNowhereButMasked(CapturedOutput output) throws Exception {
        String idInWrongColumn = "330106197507200020";
        Path file = FixtureFiles.penaltyXlsx(work.resolve("person-" + PenaltyRows.PERSON_ID + ".xlsx"), List.of(
                PenaltyRows.person("测罚〔2026〕61号"),
                PenaltyRows.person("测罚〔2026〕62号").with("处罚决定日期", "2026-13-01"),
                PenaltyRows.org(0, "测罚〔2026〕63号").with("行政相对人代码_1(统一社会信用代码)", idInWrongColumn)));

        Batch batch = drop(file);

        assertThat(batch.counts()).isEqualTo(new Batch.Counts(3, 1, 0, 2));
        List<String> clear = List.of(PenaltyRows.PERSON_ID, idInWrongColumn);
        String receipt = Files.readString(batch.receiptPath());
        String workbook = String.valueOf(sheet(batch.feedbackPath(), "问题数据明细")) + sheet(batch.feedbackPath(), "处理结果汇总");
        String staged = String.valueOf(jdbc.queryForList("SELECT * FROM cx_staged_row WHERE batch_id = ?", batch.id()))
                + jdbc.queryForList("SELECT * FROM cx_staged_content WHERE batch_id = ?", batch.id())
                + jdbc.queryForList("SELECT * FROM cx_staged_reason WHERE batch_id = ?", batch.id());
        String stored = String.valueOf(jdbc.queryForList("SELECT * FROM cx_person_record WHERE batch_id = ?", batch.id()))
                + jdbc.queryForList("SELECT * FROM cx_org_record WHERE batch_id = ?", batch.id());
        // Booleans, not doesNotContain(): a failure must not print the ID number it found.
        for (String id : clear) {
            assertThat(receipt.contains(id)).as("clear ID number in the receipt").isFalse();
            assertThat(workbook.contains(id)).as("clear ID number in the feedback workbook").isFalse();
            assertThat(staged.contains(id)).as("clear ID number in staging").isFalse();
            assertThat(stored.contains(id)).as("clear ID number in the credit store").isFalse();
            assertThat(output.getAll().contains(id)).as("clear ID number in the log").isFalse();
            assertThat(batch.feedbackPath().toString().contains(id)).as("clear ID number in the feedback file name").isFalse();
        }
        assertThat(workbook).contains(PenaltyRows.PERSON_ID_MASKED, "330106********0020");
        assertThat(receipt).contains("ID_NUMBER_IN_CODE_COLUMN");
    }

    @Test
    void fileStillBeingWrittenIsLeftAloneUntilComplete() throws Exception {
        byte[] content = Files.readAllBytes(FixtureFiles.penaltyXlsx(work.resolve("slow.xlsx"), List.of(
                PenaltyRows.org(5, "测罚〔2026〕71号"), PenaltyRows.org(4, "测罚〔2026〕72号"))));
        long before = batches.recent(1).stream().mapToLong(Batch::id).max().orElse(0);
        NotifyBuilder done = doneWith("slow.xlsx");

        // a slow copy: the file grows in the inbox for about two seconds, longer than the channel's settle time
        try (var out = Files.newOutputStream(home().inbox().resolve("slow.xlsx"))) {
            int step = Math.max(1, content.length / 20);
            for (int i = 0; i < content.length; i += step) {
                out.write(content, i, Math.min(step, content.length - i));
                out.flush();
                Thread.sleep(100);
            }
        }

        assertThat(done.matches(60, TimeUnit.SECONDS)).isTrue();
        Batch batch = batchOf("slow.xlsx", before);
        assertThat(batch.sizeBytes()).isEqualTo(content.length);
        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts().received()).isEqualTo(2);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Drops {@code file} into the inbox as a clerk's copy would (complete, then visible) and waits for the route. */
    private Batch drop(Path file) throws Exception {
        String name = file.getFileName().toString();
        long before = batches.recent(1).stream().mapToLong(Batch::id).max().orElse(0);
        NotifyBuilder done = doneWith(name);
        Path staging = Files.createDirectories(home().data().resolve("staging-copies"));
        Path tmp = Files.copy(file, staging.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, home().inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        assertThat(done.matches(60, TimeUnit.SECONDS))
                .as("route processed " + org.creditexchange.catalog.code.IdNumberMasking.maskEmbedded(name)).isTrue();
        return batchOf(name, before);
    }

    /** Waits for the exchange of this file only: another file's late completion event must not count. */
    private NotifyBuilder doneWith(String fileName) {
        return new NotifyBuilder(camel).fromRoute("drop-" + TestHome.UNIT + "-drop")
                .filter(org.apache.camel.builder.Builder.header("CamelFileNameOnly").isEqualTo(fileName))
                .whenDone(1).create();
    }

    private Batch batchOf(String fileName, long after) {
        // The batch keeps the name masked (a clerk's file name may carry an ID number); so do failure messages.
        String stored = org.creditexchange.catalog.code.IdNumberMasking.maskEmbedded(fileName);
        return batches.recent(20).stream().filter(b -> b.id() > after && b.originalName().equals(stored))
                .findFirst().orElseThrow(() -> new AssertionError("no batch for " + stored));
    }

    private Batch cli(Path file) throws IOException {
        return ingest.process(intake.receive(TestHome.UNIT, "cli", file, file.getFileName().toString()).id());
    }

    private Path copy(Path file, String name) throws IOException {
        return Files.copy(file, work.resolve(name));
    }

    private int count(String tableAndWhere) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + tableAndWhere, Integer.class);
    }

    private Map<String, Object> record(String decisionNumber) {
        return jdbc.queryForMap("SELECT id, version, batch_id, content_hash, record_json, updated_at FROM cx_org_record "
                + "WHERE record_json LIKE ?", "%" + decisionNumber + "%");
    }

    private static List<String> listNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    static List<List<String>> sheet(Path workbook, String name) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(workbook))) {
            Sheet s = wb.getSheet(name);
            if (s == null) {
                return rows;
            }
            for (Row r : s) {
                List<String> cells = new ArrayList<>();
                for (Cell c : r) {
                    cells.add(f.formatCellValue(c));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
