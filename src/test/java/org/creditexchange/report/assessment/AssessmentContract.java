package org.creditexchange.report.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.feedback.FeedbackService;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.match.OrgSubject;
import org.creditexchange.match.SubjectRegistry;
import org.creditexchange.schedule.StepType;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly assessment over September 2026 with the shipped calendars: {@code e2e-unit} drops files (手工报送),
 * {@code e2e-unit-b}'s batches come by a channel named {@code jdbc} (前置机), the two sample units send nothing. Every
 * figure below is counted by hand from the fixtures. Subclasses run it on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = CreditExchangeApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AssessmentContract {

    static final String MANUAL_UNIT = TestHome.UNIT;
    static final String FRONT_END_UNIT = TestHome.OTHER_UNIT;

    @Autowired
    IntakeService intake;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SubjectRegistry registry;
    @Autowired
    AssessmentStep step;
    @Autowired
    FeedbackService feedback;
    @Autowired
    PlatformConfiguration configuration;

    @TempDir
    Path work;

    abstract TestHome home();

    /** The month's batches, once for all tests: they only read what the assessment writes. */
    @BeforeAll
    void september(@TempDir Path files) throws IOException {
        // Organisation 0 is registered: its row is linked (关联), the others are unknown to the registry.
        registry.upsert(List.of(new OrgSubject(PenaltyRows.ORG_CODES.get(0), null, null, "测试企业0有限公司", null, null,
                null, null, null, null)), "test", LocalDate.of(2026, 9, 1));

        // e2e-unit, 2026-09-15 (Tuesday): decided 3, 18 and 1 working days before; one row lacks 违法事实, one has a bad USCC.
        process(MANUAL_UNIT, "drop", FixtureFiles.penaltyCsv(files.resolve("九月处罚.csv"), StandardCharsets.UTF_8, List.of(
                PenaltyRows.org(0, "考罚〔2026〕1号").with("处罚决定日期", LocalDate.of(2026, 9, 10)),
                PenaltyRows.org(1, "考罚〔2026〕2号").with("处罚决定日期", LocalDate.of(2026, 8, 20)),
                PenaltyRows.org(2, "考罚〔2026〕3号").with("处罚决定日期", LocalDate.of(2026, 9, 10)).with("违法事实", ""),
                PenaltyRows.org(3, "考罚〔2026〕4号").with("处罚决定日期", LocalDate.of(2026, 9, 10))
                        .with("行政相对人代码_1(统一社会信用代码)", "91330106MA2H00014X"),
                PenaltyRows.person("考罚〔2026〕5号").with("处罚决定日期", LocalDate.of(2026, 9, 14)))),
                "2026-09-15T10:00:00+08:00");
        // e2e-unit, 2026-09-20 (a 调休 Sunday): a file without any header, refused as a whole.
        Path noHeader = files.resolve("说明.csv");
        Files.writeString(noHeader, "这不是报送表\n只有说明文字\n", StandardCharsets.UTF_8);
        process(MANUAL_UNIT, "drop", noHeader, "2026-09-20T11:00:00+08:00");
        // e2e-unit, 2026-10-02: another month, not assessed.
        process(MANUAL_UNIT, "drop", FixtureFiles.penaltyCsv(files.resolve("十月处罚.csv"), StandardCharsets.UTF_8, List.of(
                PenaltyRows.org(4, "考罚〔2026〕6号").with("处罚决定日期", LocalDate.of(2026, 8, 3)))),
                "2026-10-02T09:00:00+08:00");
        // e2e-unit-b by its front-end machine, 2026-09-28 (Monday after 中秋 09-25..27): decided 1 and 8 working days before.
        process(FRONT_END_UNIT, "jdbc", FixtureFiles.penaltyCsv(files.resolve("front-end-pull.csv"), StandardCharsets.UTF_8,
                List.of(PenaltyRows.org(4, "前罚〔2026〕1号").with("处罚决定日期", LocalDate.of(2026, 9, 24)),
                        PenaltyRows.org(5, "前罚〔2026〕2号").with("处罚决定日期", LocalDate.of(2026, 9, 16)))),
                "2026-09-28T08:00:00+08:00");
    }

    @Test
    void eachUnitsWorkbookStatesItsFiguresAndMeasuresCellByCell() throws IOException {
        // when the assessment runs on 2026-10-03 without a month: the month before
        String summary = step.run(new StepType.Context("assessment", LocalDate.of(2026, 10, 3), Map.of(),
                new StepType.RunSoFar(OffsetDateTime.now(), List.of())));

        assertThat(summary).startsWith("2026-09 报送考核：4 个单位，2 个有报送，2 个本月无报送；汇总 ");
        // then the drop unit's workbook
        try (XSSFWorkbook wb = open(unitWorkbook(MANUAL_UNIT))) {
            Sheet result = wb.getSheet("考核结果");
            assertThat(text(result, 0, 0)).isEqualTo("2026年9月信用信息报送考核");
            assertThat(labelled(result)).containsExactly(
                    List.of("报送单位", "测试区市场监督管理局（e2e-unit）"),
                    List.of("考核月份", "2026年9月（按平台接收时间计，北京时间）"),
                    List.of("报送方式", "手工报送"),
                    List.of("报送批次数", "2"),
                    List.of("其中整文件退回", "1"),
                    List.of("其中重复文件", "0"),
                    List.of("其中尚未处理完", "0"),
                    List.of("接收行数", "5"),
                    List.of("入库行数", "3"),
                    List.of("拒绝行数", "2"),
                    List.of("迟报记录数", "1"));
            // 完整率: 16 data items required per row (14 always, 2 by 行政相对人类别), 违法事实 missing once.
            // 关联率: of 3 loaded, organisation 0 (registered) and the person (自然人库 grows from records) are linked.
            assertThat(measures(result)).containsExactly(
                    List.of("入库率", "入库行数 ÷ 接收行数", "3", "5", "60.00%", "≥95%", "否"),
                    List.of("完整率", "已填写的应填数据项 ÷ 应填数据项（含按条件必填项，按接收的全部数据行计）", "79", "80", "98.75%", "≥95%", "是"),
                    List.of("关联率", "关联到主体库的入库记录 ÷ 入库记录", "2", "3", "66.67%", "—", "未设满分标准"),
                    List.of("及时率", "决定后7个工作日内首次报送的记录 ÷ 有决定日期的首次报送记录", "2", "3", "66.67%", "—", "未设满分标准"),
                    List.of("前置机报送占比", "经前置机报送的批次 ÷ 报送批次", "0", "2", "0.00%", "—", "未设满分标准"));
            assertThat(numeric(result, "入库率", 4)).isEqualTo(0.6);
            assertThat(rows(wb.getSheet("报送批次"))).extracting(r -> r.subList(1, r.size()))
                    .containsExactly(
                            List.of("文件名", "信息类别", "接收时间", "报送方式", "处理结果", "接收行数", "入库行数", "拒绝行数", "迟报记录数"),
                            List.of("九月处罚.csv", "行政处罚", "2026-09-15 10:00:00", "手工报送", "已处理", "5", "3", "2", "1"),
                            List.of("说明.csv", "未能识别", "2026-09-20 11:00:00", "手工报送", "整文件退回", "0", "0", "0", "0"));
            assertThat(rows(wb.getSheet("拒绝原因"))).containsExactly(
                    List.of("原因代码", "原因说明", "拒绝行数"),
                    List.of("REQUIRED_MISSING", "必填项未填写", "1"),
                    List.of("USCC_CHECK_DIGIT", "统一社会信用代码校验位错误", "1"),
                    List.of(),
                    List.of("整文件退回原因代码", "原因说明", "文件数"),
                    List.of("FILE_NO_HEADER", "未找到表头", "1"));
            assertThat(rows(wb.getSheet("迟报记录"))).extracting(r -> r.subList(1, r.size())).containsExactly(
                    List.of("行号", "信息类别", "决定日期", "接收日期", "相隔工作日数", "备注"),
                    List.of("4", "行政处罚", "2026-08-20", "2026-09-15", "18", ""));
        }
        // and the front-end unit's workbook
        try (XSSFWorkbook wb = open(unitWorkbook(FRONT_END_UNIT))) {
            Sheet result = wb.getSheet("考核结果");
            assertThat(labelled(result)).contains(List.of("报送方式", "前置机"), List.of("报送批次数", "1"),
                    List.of("接收行数", "2"), List.of("入库行数", "2"), List.of("拒绝行数", "0"), List.of("迟报记录数", "1"));
            assertThat(measures(result)).extracting(m -> m.subList(0, 1).get(0) + " " + String.join(" ", m.subList(2, m.size())))
                    .containsExactly(
                            "入库率 2 2 100.00% ≥95% 是",
                            "完整率 32 32 100.00% ≥95% 是",
                            "关联率 0 2 0.00% — 未设满分标准",
                            "及时率 1 2 50.00% — 未设满分标准",
                            "前置机报送占比 1 1 100.00% — 未设满分标准");
            assertThat(rows(wb.getSheet("拒绝原因"))).containsExactly(List.of("原因代码", "原因说明", "拒绝行数"),
                    List.of("本月无被拒绝的数据行"));
            List<String> late = rows(wb.getSheet("迟报记录")).get(1);
            assertThat(late.subList(1, late.size())).isEqualTo(List.of("4", "行政处罚", "2026-09-16", "2026-09-28", "8", ""));
        }
        // and a unit that sent nothing hears so
        try (XSSFWorkbook wb = open(unitWorkbook("sample-tax"))) {
            Sheet result = wb.getSheet("考核结果");
            assertThat(labelled(result)).contains(List.of("报送方式", "—"), List.of("报送批次数", "0"),
                    List.of("说明", "本月无报送"));
            assertThat(measures(result)).allSatisfy(m -> assertThat(m.subList(2, 5)).containsExactly("0", "0", "—"));
        }
    }

    @Test
    void theSummaryHasOneRowPerUnitAndAChartPerMeasure() throws IOException {
        step.run(new StepType.Context("assessment", LocalDate.of(2026, 11, 24), Map.of("month", "2026-09"),
                new StepType.RunSoFar(OffsetDateTime.now(), List.of())));

        Path file = home().data().resolve("reports/assessment/2026-09-考核汇总.xlsx");
        try (XSSFWorkbook wb = open(file)) {
            Sheet table = wb.getSheet("考核汇总");
            assertThat(text(table, 0, 0)).isEqualTo("2026年9月信用信息报送考核汇总（入库率、完整率≥95%为满分）");
            List<List<String>> rows = rows(table);
            assertThat(rows.get(1)).isEqualTo(AssessmentSummaryWorkbook.HEADINGS);
            assertThat(rows.subList(2, rows.size())).containsExactly(
                    List.of("e2e-unit", "测试区市场监督管理局", "手工报送", "2", "5", "3", "2", "1",
                            "60.00%", "98.75%", "66.67%", "66.67%", "0.00%", "79", "80", "2", "3", "2", "0", "入库率未达满分"),
                    List.of("e2e-unit-b", "测试区税务局", "前置机", "1", "2", "2", "0", "1",
                            "100.00%", "100.00%", "0.00%", "50.00%", "100.00%", "32", "32", "0", "2", "1", "1", ""),
                    List.of("sample-market", "示例区市场监督管理局", "—", "0", "0", "0", "0", "0",
                            "0.00%", "0.00%", "0.00%", "0.00%", "0.00%", "0", "0", "0", "0", "0", "0", "本月无报送"),
                    List.of("sample-tax", "国家税务总局示例区税务局", "—", "0", "0", "0", "0", "0",
                            "0.00%", "0.00%", "0.00%", "0.00%", "0.00%", "0", "0", "0", "0", "0", "0", "本月无报送"));
            assertThat(table.getRow(3).getCell(11).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(table.getRow(3).getCell(11).getNumericCellValue()).isEqualTo(0.5);

            List<XSSFChart> charts = wb.getSheet("图表").getDrawingPatriarch().getCharts();
            assertThat(charts).extracting(c -> c.getTitleText().getString())
                    .containsExactly("入库率", "完整率", "关联率", "及时率", "前置机报送占比");
            for (int i = 0; i < charts.size(); i++) {
                var data = charts.get(i).getChartSeries();
                assertThat(data).hasSize(1);
                assertThat(data.get(0)).isInstanceOf(org.apache.poi.xddf.usermodel.chart.XDDFBarChartData.class);
                var series = data.get(0).getSeries(0);
                String column = org.apache.poi.ss.util.CellReference.convertNumToColString(
                        AssessmentSummaryWorkbook.FIRST_RATE_COLUMN + i);
                assertThat(series.getValuesData().getDataRangeReference()).isEqualTo("考核汇总!$" + column + "$3:$" + column + "$6");
                assertThat(series.getCategoryData().getDataRangeReference()).isEqualTo("考核汇总!$B$3:$B$6");
                assertThat(series.getValuesData().getPointCount()).isEqualTo(4);
            }
        }
    }

    @Test
    void unitsLimitsTheAssessmentAndAMistakeInAParameterFailsTheStep() throws IOException {
        Path summary = home().data().resolve("reports/assessment/2026-08-考核汇总.xlsx");

        step.run(new StepType.Context("assessment", LocalDate.of(2026, 11, 24),
                Map.of("month", "2026-08", "units", FRONT_END_UNIT), new StepType.RunSoFar(OffsetDateTime.now(), List.of())));

        try (XSSFWorkbook wb = open(summary)) {
            assertThat(rows(wb.getSheet("考核汇总"))).hasSize(3).last().satisfies(r -> assertThat(r.get(0)).isEqualTo(FRONT_END_UNIT));
        }
        assertThat(unitWorkbook(FRONT_END_UNIT, "2026-08")).exists();
        assertThat(unitWorkbook(MANUAL_UNIT, "2026-08")).doesNotExist();
        assertThatThrownBy(() -> step.run(new StepType.Context("assessment", LocalDate.of(2026, 11, 24),
                Map.of("units", "no-such-unit"), new StepType.RunSoFar(OffsetDateTime.now(), List.of()))))
                .hasMessageContaining("unknown unit 'no-such-unit'");
        assertThatThrownBy(() -> step.run(new StepType.Context("assessment", LocalDate.of(2026, 11, 24),
                Map.of("month", "2026/10"), new StepType.RunSoFar(OffsetDateTime.now(), List.of()))))
                .hasMessageContaining("month must be YYYY-MM");
    }

    /** Receives {@code file} from {@code unit} by {@code channel}, dates its receipt {@code at}, processes it. */
    Batch process(String unit, String channel, Path file, String at) throws IOException {
        Batch received = intake.receive(unit, channel, file, file.getFileName().toString());
        jdbc.update("UPDATE cx_batch SET received_at = ? WHERE id = ?", OffsetDateTime.parse(at), received.id());
        Batch done = ingest.process(received.id());
        assertThat(done.status()).isIn(BatchStatus.DONE, BatchStatus.REJECTED);
        return done;
    }

    Path unitWorkbook(String unit) {
        return unitWorkbook(unit, "2026-09");
    }

    Path unitWorkbook(String unit, String month) {
        return feedback.feedbackFolder(configuration.connector(unit).orElseThrow())
                .resolve(month + "-信用信息报送考核-" + unit + ".xlsx");
    }

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static String text(Sheet sheet, int row, int column) {
        return new DataFormatter().formatCellValue(sheet.getRow(row).getCell(column));
    }

    /** Every row as its cells' formatted texts, up to the last cell ({@code []} for an empty row). */
    static List<List<String>> rows(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The label/value lines above the measures table of the result sheet. */
    static List<List<String>> labelled(Sheet result) {
        List<List<String>> lines = new ArrayList<>();
        for (List<String> row : rows(result).subList(2, rows(result).size())) {
            if (row.isEmpty()) {
                break;
            }
            lines.add(row);
        }
        return lines;
    }

    /** The measures table: the rows after its heading 考核指标, up to the next blank row. */
    static List<List<String>> measures(Sheet result) {
        List<List<String>> all = rows(result);
        int heading = all.indexOf(UnitAssessmentWorkbook.MEASURE_HEADINGS);
        List<List<String>> lines = new ArrayList<>();
        for (List<String> row : all.subList(heading + 1, all.size())) {
            if (row.isEmpty()) {
                break;
            }
            lines.add(row);
        }
        return lines;
    }

    static double numeric(Sheet result, String measure, int column) {
        for (Row row : result) {
            if (row.getCell(0) != null && measure.equals(row.getCell(0).getStringCellValue()) && row.getLastCellNum() > column) {
                return row.getCell(column).getNumericCellValue();
            }
        }
        throw new AssertionError("no measure " + measure);
    }
}
