package org.creditexchange.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What clerks' files and hard stops do to the engine: it refuses or resumes, never fails for good or loses rows. */
@SpringBootTest(classes = CreditExchangeApplication.class)
@ExtendWith(OutputCaptureExtension.class)
class RobustnessIntegrationTests {

    static final TestHome HOME = TestHome.create();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerH2(registry);
    }

    @Autowired
    IntakeService intake;
    @Autowired
    IngestService ingest;
    @Autowired
    BatchRepository batches;
    @Autowired
    StaleExecutions stale;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    JobExplorer explorer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DryRun dryRun;

    @TempDir
    Path work;

    @Test
    void aDryRunOfAFileWhoseRealBatchIsNotProcessedYetIsRefusedAndLeavesThatBatchAlone() throws Exception {
        Path file = FixtureFiles.penaltyXlsx(work.resolve("pending.xlsx"), List.of(PenaltyRows.org(0, "待处理〔2026〕1号")));
        Batch real = intake.receive(TestHome.UNIT, "cli", file, "pending.xlsx");

        assertThatThrownBy(() -> dryRun.run(TestHome.UNIT, file, "pending.xlsx"))
                .isInstanceOf(DryRun.SameAsPendingBatch.class)
                .hasMessageContaining("批次 " + real.id()).hasMessageContaining("未进行试运行");

        // the real batch is neither processed nor turned into a dry run: it is processed later as it should be
        assertThat(batches.get(real.id()).status()).isEqualTo(org.creditexchange.intake.BatchStatus.RECEIVED);
        assertThat(real.landedPath()).exists();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_staged_row WHERE batch_id = ?", Integer.class, real.id()))
                .isZero();
        assertThat(ingest.process(real.id()).counts().accepted()).isEqualTo(1);
    }

    @Test
    void aBatchLeftRunningByAStoppedEngineIsFinishedWhenItsFileArrivesAgain() throws Exception {
        Path file = FixtureFiles.penaltyXlsx(work.resolve("killed.xlsx"), List.of(PenaltyRows.org(0, "停机〔2026〕1号")));
        Batch first = intake.receive(TestHome.UNIT, "cli", file, "killed.xlsx");
        // a hard stop during the job: the execution stays STARTED, the batch PROCESSING
        var execution = jobRepository.createJobExecution(IngestJobConfiguration.JOB_NAME, new JobParametersBuilder()
                .addLong(IngestJobConfiguration.BATCH_ID, first.id()).toJobParameters());
        execution.setStatus(org.springframework.batch.core.BatchStatus.STARTED);
        jobRepository.update(execution);
        jdbc.update("UPDATE cx_batch SET status = 'PROCESSING' WHERE id = ?", first.id());

        List<Long> recovered = stale.recover();
        Batch again = intake.receive(TestHome.UNIT, "drop", file, "killed.xlsx");
        Batch done = ingest.process(again.id());

        assertThat(recovered).contains(first.id());
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(done.status()).isEqualTo(org.creditexchange.intake.BatchStatus.DONE);
        assertThat(done.counts()).isEqualTo(new Batch.Counts(1, 1, 0, 0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_org_record WHERE batch_id = ?", Integer.class, first.id()))
                .isEqualTo(1);
    }

    @Test
    void aWorkbookDamagedPartWayIsRefusedAsAWholeWithTheRowWhereItBroke() throws Exception {
        Path good = FixtureFiles.penaltyXlsx(work.resolve("long.xlsx"), java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> PenaltyRows.org(i % 6, "损坏〔2026〕" + i + "号")).toList());
        Path damaged = truncateSheet(good, work.resolve("damaged.xlsx"));

        Batch batch = ingest.process(intake.receive(TestHome.UNIT, "cli", damaged, "damaged.xlsx").id());

        assertThat(batch.status()).isEqualTo(org.creditexchange.intake.BatchStatus.REJECTED);
        assertThat(batch.problemCode()).isEqualTo("FILE_CORRUPT_AT_ROW");
        assertThat(batch.problemMessage()).contains("damaged.xlsx", "之后已损坏");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_staged_row WHERE batch_id = ?", Integer.class, batch.id())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_org_record WHERE batch_id = ?", Integer.class, batch.id())).isZero();
        assertThat(Files.readAllLines(batch.receiptPath()).get(1)).startsWith("0,REJECTED,,FILE_CORRUPT_AT_ROW,");
    }

    @Test
    void overlongValuesAreRejectedRowsNotEngineFailures() throws Exception {
        String huge = "某".repeat(32_000);
        Path file = FixtureFiles.penaltyXlsx(work.resolve("huge.xlsx"), List.of(
                PenaltyRows.org(1, "超长〔2026〕1号").with("行政相对人名称", huge),
                PenaltyRows.org(2, "超长〔2026〕2号").with("行政相对人代码_1(统一社会信用代码)", "9".repeat(40)),
                PenaltyRows.org(3, "超长〔2026〕3号")));

        Batch batch = ingest.process(intake.receive(TestHome.UNIT, "cli", file, "huge.xlsx").id());

        assertThat(batch.status()).isEqualTo(org.creditexchange.intake.BatchStatus.DONE);
        assertThat(batch.counts()).isEqualTo(new Batch.Counts(3, 1, 0, 2));
        assertThat(Files.readString(batch.receiptPath())).contains("TOO_LONG", "USCC_LENGTH").doesNotContain(huge);
    }

    @Test
    void idNumbersInOtherColumnsFullWidthOrMistypedAreStoredAndLoggedMaskedOnly(CapturedOutput output) throws Exception {
        String inName = "110105199003078035";
        String mistyped = "110105199003078036";
        String fullWidth = "１１０１０５１９９００３０７８０３５";
        Path file = FixtureFiles.penaltyXlsx(work.resolve("leaks-" + inName + ".xlsx"), List.of(
                PenaltyRows.person("泄露〔2026〕1号").with("处罚类别", "警告").with("罚款金额（万元）", "")
                        .with("行政相对人名称", "张三" + inName),
                PenaltyRows.org(4, "泄露〔2026〕2号").with("备注", "经办人 " + fullWidth + " 与 " + mistyped),
                PenaltyRows.org(5, "泄露〔2026〕3号").with("行政相对人代码_1(统一社会信用代码)", mistyped)));

        Batch batch = ingest.process(intake.receive(TestHome.UNIT, "cli", file, file.getFileName().toString()).id());

        java.util.Map<String, String> places = new java.util.LinkedHashMap<>();
        places.put("receipt", Files.readString(batch.receiptPath()));
        places.put("staged rows", String.valueOf(jdbc.queryForList("SELECT * FROM cx_staged_row WHERE batch_id = ?", batch.id())));
        places.put("staged content", String.valueOf(jdbc.queryForList("SELECT * FROM cx_staged_content WHERE batch_id = ?", batch.id())));
        places.put("staged reasons", String.valueOf(jdbc.queryForList("SELECT * FROM cx_staged_reason WHERE batch_id = ?", batch.id())));
        places.put("org records", String.valueOf(jdbc.queryForList("SELECT * FROM cx_org_record WHERE batch_id = ?", batch.id())));
        places.put("person records", String.valueOf(jdbc.queryForList("SELECT * FROM cx_person_record WHERE batch_id = ?", batch.id())));
        places.put("batch row", String.valueOf(jdbc.queryForList("SELECT * FROM cx_batch WHERE id = ?", batch.id())));
        places.put("feedback file name", String.valueOf(batch.feedbackPath()));
        places.put("log", output.getAll());
        for (var place : places.entrySet()) {
            for (String id : List.of(inName, mistyped, fullWidth)) {
                assertThat(place.getValue().contains(id))
                        .as("a clear ID number (" + id.charAt(17) + ") in the " + place.getKey()).isFalse();
            }
        }
        assertThat(batch.counts().received()).isEqualTo(3);
    }

    @Test
    void aRepeatedColumnIsUsedWhereTheFirstIsBlankAndTheClerkIsTold() throws Exception {
        List<String> titles = new java.util.ArrayList<>(PenaltyRows.TITLES);
        titles.add("罚款金额（万元）");
        List<Object> cells = new java.util.ArrayList<>(PenaltyRows.org(1, "重复列〔2026〕1号").with("罚款金额（万元）", "").cells());
        cells.add("3");
        Path csv = work.resolve("repeated.csv");
        Files.writeString(csv, String.join(",", titles) + "\n"
                + String.join(",", cells.stream().map(String::valueOf).toList()) + "\n");

        Batch batch = ingest.process(intake.receive(TestHome.UNIT, "cli", csv, "repeated.csv").id());

        assertThat(batch.counts()).isEqualTo(new Batch.Counts(1, 1, 0, 0));
        assertThat(Files.readAllLines(batch.receiptPath()).get(1)).startsWith("0,WARNED,,REPEATED_COLUMN,列“罚款金额（万元）”");
        assertThat(jdbc.queryForObject("SELECT record_json FROM cx_org_record WHERE batch_id = ?", String.class, batch.id()))
                .contains("\"fine-amount\":\"3\"");
    }

    @Test
    void aSecondSheetWithDataIsNotSkippedSilently() throws Exception {
        Path file = work.resolve("two-months.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            for (String month : List.of("1月", "2月")) {
                var sheet = wb.createSheet(month);
                var header = sheet.createRow(0);
                for (int i = 0; i < PenaltyRows.TITLES.size(); i++) {
                    header.createCell(i).setCellValue(PenaltyRows.TITLES.get(i));
                }
                List<Object> cells = PenaltyRows.org(2, "两月〔2026〕" + month).cells();
                var row = sheet.createRow(1);
                for (int i = 0; i < cells.size(); i++) {
                    row.createCell(i).setCellValue(String.valueOf(cells.get(i)));
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }

        Batch batch = ingest.process(intake.receive(TestHome.UNIT, "cli", file, "two-months.xlsx").id());

        assertThat(batch.counts().received()).isEqualTo(1);
        assertThat(Files.readString(batch.receiptPath())).contains("0,WARNED,,SHEET_NOT_PROCESSED,工作表“2月”也含有“行政处罚”数据");
    }

    @Test
    void aNaturalPersonsRowInAnOrganisationsOnlyItemKeepsNoneOfItsValues() throws Exception {
        Path csv = work.resolve("tax.csv");
        Files.writeString(csv, "纳税人名称,纳税人类别,纳税人识别号（统一社会信用代码）,法定代表人或负责人姓名,欠税税种,欠税金额（元）,"
                + "欠税所属期,欠税公告日期,主管税务机关,数据来源单位,数据来源单位统一社会信用代码\n"
                + "王某,自然人,,,个人所得税,98765.43,2026年第一季度,2026-04-20,国家税务总局测试区税务局,测试区税务局,11330106002500033X\n");

        Batch batch = ingest.process(intake.receive(TestHome.UNIT, "cli", csv, "tax.csv").id());

        assertThat(batch.counts()).isEqualTo(new Batch.Counts(1, 0, 0, 1));
        assertThat(Files.readString(batch.receiptPath())).contains("PERSON_NOT_COLLECTED");
        String staged = String.valueOf(jdbc.queryForList("SELECT * FROM cx_staged_row WHERE batch_id = ?", batch.id()))
                + jdbc.queryForList("SELECT * FROM cx_staged_content WHERE batch_id = ?", batch.id());
        assertThat(staged).doesNotContain("98765.43").doesNotContain("个人所得税").contains("（已拒收）");
    }

    /** The workbook with its sheet's XML cut off in the middle (a broken copy or download). */
    private static Path truncateSheet(Path xlsx, Path target) throws Exception {
        try (ZipFile in = new ZipFile(xlsx.toFile()); OutputStream os = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return target;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
