package org.creditexchange.ingest.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The timeliness step in the ingest job, with the shipped 2025 and 2026 calendars: the reporting delay on staged
 * rows and records, the late first reports told as one file-level notice, verdicts and counts untouched. Subclasses
 * run it on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = CreditExchangeApplication.class)
abstract class TimelinessContract {

    /** A Tuesday: 2026-10-15 is 3 working days before, 2026-10-10 (a 调休 Saturday) 7, 2026-10-09 8. */
    static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-10-20T09:30:00+08:00");

    @Autowired
    IntakeService intake;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.creditexchange.config.PlatformConfiguration configuration;
    @Autowired
    org.creditexchange.intake.BatchRepository batches;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    @TempDir
    Path work;

    @Test
    void lateFirstReportsAreToldInOneNoticeAndTheirDelayIsKeptOnRowsAndRecords() throws Exception {
        // given a penalty file with rows decided 3, 12, 10, 7 and 8 working days before its receipt, one of them invalid
        Path file = FixtureFiles.penaltyCsv(work.resolve("处罚-迟报.csv"), StandardCharsets.UTF_8, List.of(
                PenaltyRows.org(0, "时罚〔2026〕1号").with("处罚决定日期", LocalDate.of(2026, 10, 15)),
                PenaltyRows.org(1, "时罚〔2026〕2号").with("处罚决定日期", LocalDate.of(2026, 9, 28)),
                PenaltyRows.person("时罚〔2026〕3号").with("处罚决定日期", LocalDate.of(2026, 9, 30)),
                PenaltyRows.org(2, "时罚〔2026〕4号").with("处罚决定日期", LocalDate.of(2026, 9, 1))
                        .with("行政相对人代码_1(统一社会信用代码)", "91330106MA2H00014X"),
                PenaltyRows.org(3, "时罚〔2026〕5号").with("处罚决定日期", LocalDate.of(2026, 10, 10)),
                PenaltyRows.org(4, "时罚〔2026〕6号").with("处罚决定日期", LocalDate.of(2026, 10, 9))));

        // when it is processed as received on RECEIVED
        Batch batch = process(file, RECEIVED);

        // then verdicts and counts are those of validation alone
        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts()).isEqualTo(new Batch.Counts(6, 5, 0, 1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_staged_reason WHERE batch_id = ? AND code = ?",
                Integer.class, batch.id(), LateReportingNotice.CODE)).isZero();
        // and every row with a valid decision date carries its delay; the loaded ones are first reports
        assertThat(staged(batch)).containsExactly(
                "3 ACCEPTED 2026-10-15 3 false true",
                "4 ACCEPTED 2026-09-28 12 false true",
                "5 ACCEPTED 2026-09-30 10 false true",
                "6 REJECTED 2026-09-01 31 false null",
                "7 ACCEPTED 2026-10-10 7 false true",
                "8 ACCEPTED 2026-10-09 8 false true");
        // and the records keep the delay of the row that reported them
        assertThat(records(batch)).containsExactly("ORG 3 3 false", "ORG 4 12 false", "ORG 7 7 false", "ORG 8 8 false",
                "PERSON 5 10 false");
        // and the clerk reads one notice naming the late rows in the workbook, and the receipt's rows are unchanged
        String notice = "本批有3条记录超过【处罚决定日期】后7个工作日才报送（迟报）：第4、5、8行。";
        assertThat(summaryLines(batch.feedbackPath())).contains(List.of("提示", notice));
        assertThat(Files.readAllLines(batch.receiptPath())).containsExactly(
                "row,status,field,code,message",
                "0,WARNED,,LATE_REPORTING," + notice,
                "3,ACCEPTED,,,",
                "4,ACCEPTED,,,",
                "5,ACCEPTED,,,",
                "6,REJECTED,uscc,USCC_CHECK_DIGIT,【行政相对人代码_1(统一社会信用代码)】“91330106MA2H00014X”校验位不正确。",
                "7,ACCEPTED,,,",
                "8,ACCEPTED,,,");
    }

    @Test
    void rowsThatRepeatOrCorrectARecordAreNotJudgedAndTheRecordKeepsItsFirstDelay() throws Exception {
        // given two late first reports already loaded
        Batch first = process(FixtureFiles.penaltyCsv(work.resolve("首报.csv"), StandardCharsets.UTF_8, List.of(
                PenaltyRows.org(0, "重罚〔2026〕1号").with("处罚决定日期", LocalDate.of(2026, 9, 28)),
                PenaltyRows.org(1, "重罚〔2026〕2号").with("处罚决定日期", LocalDate.of(2026, 9, 28)))), RECEIVED);
        assertThat(summaryLines(first.feedbackPath())).anyMatch(l -> l.get(1).startsWith("本批有2条记录"));

        // when a week later the unit resends one unchanged, corrects the other and adds a new, timely one
        Batch again = process(FixtureFiles.penaltyCsv(work.resolve("重报.csv"), StandardCharsets.UTF_8, List.of(
                PenaltyRows.org(0, "重罚〔2026〕1号").with("处罚决定日期", LocalDate.of(2026, 9, 28)),
                PenaltyRows.org(1, "重罚〔2026〕2号").with("处罚决定日期", LocalDate.of(2026, 9, 28))
                        .with("违法事实", "发布虚假广告（更正）"),
                PenaltyRows.org(2, "重罚〔2026〕3号").with("处罚决定日期", LocalDate.of(2026, 10, 22)))),
                RECEIVED.plusDays(7));

        // then only the new row is a first report, and nobody is told of lateness
        assertThat(staged(again)).containsExactly(
                "3 ACCEPTED 2026-09-28 17 false null",
                "4 ACCEPTED 2026-09-28 17 false null",
                "5 ACCEPTED 2026-10-22 3 false true");
        assertThat(summaryLines(again.feedbackPath())).noneMatch(l -> l.get(0).equals("提示"));
        assertThat(Files.readString(again.receiptPath())).doesNotContain(LateReportingNotice.CODE);
        // and the corrected record, now version 2, still carries the delay of its first report
        assertThat(jdbc.queryForList("SELECT row_no, version, reporting_delay FROM cx_org_record WHERE business_key LIKE "
                + "'重罚〔2026〕2号%'")).singleElement().satisfies(r -> {
                    assertThat(((Number) r.get("version")).intValue()).isEqualTo(2);
                    assertThat(((Number) r.get("reporting_delay")).intValue()).isEqualTo(12);
                });
    }

    @Test
    void firstReportMarksThatTheMergeDidNotBearOutAreMadeAnewFromTheRecords() throws Exception {
        // given a late first report loaded, then resent unchanged a week later beside a new, timely row
        process(FixtureFiles.penaltyCsv(work.resolve("先报.csv"), StandardCharsets.UTF_8, List.of(
                PenaltyRows.org(0, "核罚〔2026〕1号").with("处罚决定日期", LocalDate.of(2026, 9, 28)))), RECEIVED);
        Batch again = process(FixtureFiles.penaltyCsv(work.resolve("再报.csv"), StandardCharsets.UTF_8, List.of(
                PenaltyRows.org(0, "核罚〔2026〕1号").with("处罚决定日期", LocalDate.of(2026, 9, 28)),
                PenaltyRows.org(1, "核罚〔2026〕2号").with("处罚决定日期", LocalDate.of(2026, 9, 28)))),
                RECEIVED.plusDays(7));
        List<String> right = List.of("3 ACCEPTED 2026-09-28 17 false null", "4 ACCEPTED 2026-09-28 17 false true");
        assertThat(staged(again)).isEqualTo(right);
        String notice = "本批有1条记录超过【处罚决定日期】后7个工作日才报送（迟报）：第4行。";
        assertThat(summaryLines(again.feedbackPath())).contains(List.of("提示", notice));

        // when the timeliness step meets every row marked (as when another batch created a record in between)
        jdbc.update("UPDATE cx_staged_row SET first_report = TRUE WHERE batch_id = ?", again.id());
        timeliness(again);
        // then only the row that created its record stays a first report, and the notice is the same one
        assertThat(staged(again)).isEqualTo(right);
        assertThat(jdbc.queryForObject("SELECT notices_json FROM cx_batch WHERE id = ?", String.class, again.id()))
                .contains(notice).containsOnlyOnce(LateReportingNotice.CODE);

        // and when it meets no row marked (a batch matched by an older engine), the first report is marked again
        jdbc.update("UPDATE cx_staged_row SET first_report = NULL WHERE batch_id = ?", again.id());
        timeliness(again);
        assertThat(staged(again)).isEqualTo(right);
    }

    private void timeliness(Batch batch) {
        org.springframework.batch.core.StepExecution step = new org.springframework.batch.core.StepExecution("timeliness",
                new org.springframework.batch.core.JobExecution(1L));
        new TimelinessTasklet(batch.id(), configuration.catalog().item("admin-penalty").orElseThrow(),
                configuration.calendar(), batches, jdbc, json)
                .execute(new org.springframework.batch.core.StepContribution(step), null);
    }

    @Test
    void inAYearWithoutCalendarTheDelayIsCountedMondayToFridayAndNobodyIsTold() throws Exception {
        // given a row decided 2026-11-20 and received 2027-01-06, when no calendar-2027.yaml is loaded
        Batch batch = process(FixtureFiles.penaltyCsv(work.resolve("跨年.csv"), StandardCharsets.UTF_8, List.of(
                PenaltyRows.org(5, "跨罚〔2026〕1号").with("处罚决定日期", LocalDate.of(2026, 11, 20))
                        .with("处罚有效期", LocalDate.of(2027, 12, 1)))),
                OffsetDateTime.parse("2027-01-06T10:00:00+08:00"));

        // then 2026-11-21..12-31 is counted by the calendar, 2027-01-01..06 Monday to Friday, and the delay is approximate
        assertThat(staged(batch)).containsExactly("3 ACCEPTED 2026-11-20 33 true true");
        assertThat(Files.readString(batch.receiptPath())).doesNotContain(LateReportingNotice.CODE);
    }

    @Test
    void aBatchSpanningYearsGetsTheDelayOfEachDateAsTheCalendarCountsIt() throws Exception {
        // given 700 rows decided on 700 different days, back to 2024 (which has no calendar file)
        List<PenaltyRows> rows = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            rows.add(PenaltyRows.org(i % 6, "长罚〔2026〕" + i + "号").with("处罚决定日期", LocalDate.of(2026, 10, 19).minusDays(i)));
        }

        // when they arrive in one file
        Batch batch = process(FixtureFiles.penaltyCsv(work.resolve("历年处罚.csv"), StandardCharsets.UTF_8, rows), RECEIVED);

        // then each row carries exactly the delay the working-day arithmetic gives for its date
        Map<String, Object> expected = new java.util.TreeMap<>();
        Map<String, Object> actual = new java.util.TreeMap<>();
        jdbc.query("SELECT row_no, decision_date, reporting_delay, delay_approximate FROM cx_staged_row WHERE batch_id = ?",
                rs -> {
                    LocalDate decided = rs.getObject(2, LocalDate.class);
                    ReportingDelay delay = ReportingDelay.of(configuration.calendar(), decided, RECEIVED.toLocalDate())
                            .orElseThrow();
                    expected.put(rs.getInt(1) + " " + decided, delay.workingDays() + " " + delay.approximate());
                    actual.put(rs.getInt(1) + " " + decided, rs.getInt(3) + " " + rs.getBoolean(4));
                }, batch.id());
        assertThat(actual).hasSize(700).isEqualTo(expected);
        assertThat(actual.values()).filteredOn(v -> ((String) v).endsWith("true")).hasSize(
                (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2024, 11, 19), LocalDate.of(2024, 12, 31)));
    }

    /** Receives {@code file} from the test unit, dates its receipt {@code at}, and processes it. */
    Batch process(Path file, OffsetDateTime at) throws IOException {
        Batch received = intake.receive(TestHome.UNIT, "drop", file, file.getFileName().toString());
        jdbc.update("UPDATE cx_batch SET received_at = ? WHERE id = ?", at, received.id());
        return ingest.process(received.id());
    }

    /** "row status decision delay approximate first-report" per staged row. */
    List<String> staged(Batch batch) {
        return jdbc.query("SELECT row_no, status, decision_date, reporting_delay, delay_approximate, first_report "
                + "FROM cx_staged_row WHERE batch_id = ? ORDER BY row_no", (rs, i) -> rs.getInt(1) + " " + rs.getString(2)
                + " " + rs.getObject(3, LocalDate.class) + " " + rs.getObject(4) + " " + rs.getObject(5) + " "
                + rs.getObject(6), batch.id());
    }

    /** "store row delay approximate" per record of the batch. */
    List<String> records(Batch batch) {
        List<String> lines = new ArrayList<>();
        for (String store : List.of("ORG", "PERSON")) {
            lines.addAll(jdbc.query("SELECT row_no, reporting_delay, delay_approximate FROM cx_" + store.toLowerCase()
                    + "_record WHERE batch_id = ? ORDER BY row_no", (rs, i) -> store + " " + rs.getInt(1) + " "
                    + rs.getObject(2) + " " + rs.getObject(3), batch.id()));
        }
        return lines;
    }

    /** The feedback workbook's summary sheet as [label, value] lines. */
    static List<List<String>> summaryLines(Path workbook) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("处理结果汇总");
            for (Row row : sheet) {
                lines.add(List.of(format.formatCellValue(row.getCell(0)), format.formatCellValue(row.getCell(1))));
            }
        }
        return lines;
    }
}
