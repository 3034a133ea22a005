package org.creditexchange.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.creditexchange.support.CommandRun;

/**
 * The template round trip the issue demands: {@code template <item>} writes the clerk's workbook, a clerk fills in
 * three correct rows (an organisation, a 个体工商户, a natural person) the way Excel stores them, and {@code ingest}
 * loads every row without a single warning.
 */
class TemplateCommandIntegrationTests {

    static final TestHome HOME = TestHome.create();
    static final ObjectMapper JSON = new ObjectMapper();

    static final String ORG_USCC = "91330106MA2B3C4D11";
    static final String ORG_USCC_2 = "91330106704123455B";
    static final String INDIVIDUAL_USCC = "92330106MA2J00016E";
    static final String AUTHORITY_CODE = "113301060025000178";
    static final String PERSON_ID = "11010519491231002X";

    /** Well in the past, so the not-future rule holds whatever day the test runs. */
    static final LocalDate DECIDED = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);

    @TempDir
    Path work;

    @BeforeAll
    static void engineProperties() {
        HOME.useForCommands("template");
    }

    @AfterAll
    static void clear() {
        TestHome.clearCommandProperties();
    }

    @Test
    void penaltyTemplateFilledInCorrectlyLoadsWithoutAWarning() throws Exception {
        Path template = work.resolve("模板/行政处罚.xlsx");
        CommandRun generated = CommandRun.of("template", "admin-penalty", "--out", template.toString());
        assertThat(generated.exit()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("已生成“行政处罚”报送模板：" + template.toAbsolutePath());
        assertThat(template).exists();

        Path filled = fill(template, work.resolve("行政处罚-已填写.xlsx"), List.of(
                penalty("测试企业有限公司", "法人及非法人组织", "模板处罚〔2026〕1号")
                        .put("行政相对人代码_1(统一社会信用代码)", ORG_USCC)
                        .put("法定代表人", "王明")
                        .put("法定代表人证件类型", "身份证")
                        .put("法定代表人证件号码", PERSON_ID)
                        .put("处罚类别", "罚款")
                        .put("处罚内容", "罚款二万元")
                        .put("罚款金额（万元）", 2.0)
                        .put("公示截止期", DECIDED.plusYears(3)),
                penalty("杭州西湖某某小吃店", "个体工商户", "模板处罚〔2026〕2号")
                        .put("行政相对人代码_1(统一社会信用代码)", INDIVIDUAL_USCC)
                        .put("法定代表人", "李四")
                        .put("处罚类别", "警告")
                        .put("处罚内容", "警告"),
                penalty("张某某", "自然人", "模板处罚〔2026〕3号")
                        .put("证件类型", "身份证")
                        .put("证件号码", PERSON_ID)
                        .put("处罚类别", "罚款")
                        .put("处罚内容", "罚款五千元")
                        .put("罚款金额（万元）", 0.5)));

        assertLoadsCleanly(filled, "admin-penalty");
    }

    @Test
    void licenseTemplateFilledInCorrectlyLoadsWithoutAWarning() throws Exception {
        Path template = work.resolve("行政许可.xlsx");
        CommandRun generated = CommandRun.of("template", "admin-license", "--out", template.toString());
        assertThat(generated.exit()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("已生成“行政许可”报送模板：");

        Path filled = fill(template, work.resolve("行政许可-已填写.xlsx"), List.of(
                license("测试科技有限公司", "法人及非法人组织", "模板许可〔2026〕1号")
                        .put("行政相对人代码_1(统一社会信用代码)", ORG_USCC_2)
                        .put("法定代表人", "赵六")
                        .put("许可类别", "普通")
                        .put("许可证书名称", "食品经营许可证")
                        .put("许可编号", "JY13301060012345"),
                license("杭州西湖某某便利店", "个体工商户", "模板许可〔2026〕2号")
                        .put("行政相对人代码_1(统一社会信用代码)", INDIVIDUAL_USCC)
                        .put("法定代表人", "李四")
                        .put("许可类别", "登记"),
                license("张某某", "自然人", "模板许可〔2026〕3号")
                        .put("证件类型", "身份证")
                        .put("证件号码", PERSON_ID)
                        .put("许可类别", "认可")));

        assertLoadsCleanly(filled, "admin-license");
    }

    @Test
    void unknownItemIsAUsageErrorListingTheKnownIds() {
        CommandRun run = CommandRun.of("template", "no-such-item", "--out", work.resolve("x.xlsx").toString());

        assertThat(run.exit()).isEqualTo(CreditExchangeCommand.EXIT_CONFIG);
        assertThat(run.err()).contains("no-such-item", "admin-license", "admin-penalty");
        assertThat(work.resolve("x.xlsx")).doesNotExist();
    }

    private static void assertLoadsCleanly(Path filled, String item) throws Exception {
        CommandRun ingest = CommandRun.of("ingest", "--unit", TestHome.UNIT, "--json", filled.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        JsonNode result = JSON.readTree(ingest.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        String receipt = result.hasNonNull("receipt") && Files.exists(Path.of(result.get("receipt").asText()))
                ? Files.readString(Path.of(result.get("receipt").asText()), StandardCharsets.UTF_8) : "(no receipt)";
        assertThat(result.get("status").asText()).as(receipt).isEqualTo("DONE");
        assertThat(result.get("item").asText()).isEqualTo(item);
        assertThat(result.get("received").asLong()).as(receipt).isEqualTo(3);
        assertThat(result.get("rejected").asLong()).as("a template filled in correctly must load without a single "
                + "rejection; receipt:\n" + receipt).isZero();
        assertThat(result.get("warned").asLong()).as("a template filled in correctly must load without a single "
                + "warning; receipt:\n" + receipt).isZero();
        assertThat(result.get("accepted").asLong()).isEqualTo(3);
        assertThat(receipt.lines().filter(l -> l.endsWith(",ACCEPTED,,,")).count()).as(receipt).isEqualTo(3);
    }

    // ---------------------------------------------------------------------------------------------------------
    // A clerk at work: rows typed into the template's first sheet below the header.

    /** One row by standard title; Strings are typed text, LocalDates real dates, Doubles numbers. */
    static final class Values {
        final Map<String, Object> byTitle = new LinkedHashMap<>();

        Values put(String title, Object value) {
            byTitle.put(title, value);
            return this;
        }
    }

    static Values penalty(String name, String category, String decisionNumber) {
        return new Values()
                .put("行政相对人名称", name)
                .put("行政相对人类别", category)
                .put("行政处罚决定书文号", decisionNumber)
                .put("违法行为类型", "虚假宣传")
                .put("违法事实", "发布虚假广告")
                .put("处罚依据", "《中华人民共和国广告法》第五十五条")
                .put("处罚决定日期", DECIDED)
                .put("处罚有效期", DECIDED.plusYears(1))
                .put("处罚机关", "测试区市场监督管理局")
                .put("处罚机关统一社会信用代码", AUTHORITY_CODE)
                .put("数据来源单位", "测试区市场监督管理局")
                .put("数据来源单位统一社会信用代码", AUTHORITY_CODE);
    }

    static Values license(String name, String category, String decisionNumber) {
        return new Values()
                .put("行政相对人名称", name)
                .put("行政相对人类别", category)
                .put("行政许可决定文书名称", "准予行政许可决定书")
                .put("行政许可决定文书号", decisionNumber)
                .put("许可内容", "准予从事食品销售经营活动")
                .put("许可决定日期", DECIDED)
                .put("有效期自", DECIDED)
                .put("有效期至", DECIDED.plusYears(5).minusDays(1))
                .put("许可机关", "测试区市场监督管理局")
                .put("许可机关统一社会信用代码", AUTHORITY_CODE)
                .put("当前状态", "有效")
                .put("数据来源单位", "测试区市场监督管理局")
                .put("数据来源单位统一社会信用代码", AUTHORITY_CODE);
    }

    /**
     * Types the rows into a copy of the template as Excel stores them: each cell gets its column's style (as Excel
     * gives a typed cell), dates are date cells, amounts numbers, codes text; a code must be one of the column's
     * drop-down values.
     */
    static Path fill(Path template, Path target, List<Values> rows) throws Exception {
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (Cell c : sheet.getRow(0)) {
                columns.put(c.getStringCellValue().replaceFirst("^\\*", ""), c.getColumnIndex());
            }
            int r = 1;
            for (Values values : rows) {
                Row row = sheet.createRow(r);
                for (Map.Entry<String, Object> e : values.byTitle.entrySet()) {
                    Integer col = columns.get(e.getKey());
                    assertThat(col).as("template column " + e.getKey()).isNotNull();
                    List<String> dropDown = dropDown(sheet, r, col);
                    if (dropDown != null) {
                        assertThat(dropDown).as("drop-down of " + e.getKey()).contains((String) e.getValue());
                    }
                    Cell cell = row.createCell(col);
                    cell.setCellStyle(sheet.getColumnStyle(col));
                    Object v = e.getValue();
                    if (v instanceof LocalDate d) {
                        assertThat(cell.getCellStyle().getDataFormatString()).as(e.getKey()).isEqualTo("yyyy-mm-dd");
                        cell.setCellValue(d);
                    } else if (v instanceof Double d) {
                        cell.setCellValue(d);
                    } else {
                        if (e.getKey().contains("代码") || e.getKey().contains("证件号码")) {
                            assertThat(cell.getCellStyle().getDataFormatString()).as(e.getKey()).isEqualTo("@");
                        }
                        cell.setCellValue((String) v);
                    }
                }
                r++;
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                wb.write(out);
            }
        }
        return target;
    }

    /** The explicit list values of the validation covering the cell, or null when it has no list. */
    private static List<String> dropDown(XSSFSheet sheet, int row, int col) {
        for (XSSFDataValidation v : sheet.getDataValidations()) {
            String[] list = v.getValidationConstraint().getExplicitListValues();
            for (CellRangeAddress range : v.getRegions().getCellRangeAddresses()) {
                if (range.isInRange(row, col) && list != null) {
                    return Arrays.asList(list);
                }
            }
        }
        return null;
    }
}
