package org.creditexchange.catalog.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditexchange.catalog.Catalog;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.CodeTableDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.catalog.FieldTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XlsxTemplateWriterTests {

    static final Catalog CATALOG = RuleDescriptionsTests.CATALOG;

    @TempDir
    Path dir;

    static XSSFWorkbook template(Catalog catalog, CatalogItemDefinition item) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new XlsxTemplateWriter(catalog).write(item, bytes);
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin-penalty", "admin-license"})
    void headerHoldsTheStandardTitlesInCatalogOrderWithAStarOnExactlyTheRequiredOnes(String id) throws IOException {
        CatalogItemDefinition item = CATALOG.item(id).orElseThrow();
        try (XSSFWorkbook wb = template(CATALOG, item)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(wb.getSheetName(0)).isEqualTo(item.title());
            assertThat(wb.getSheetName(1)).isEqualTo("填表说明");
            XSSFSheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getLastCellNum()).isEqualTo((short) item.fields().size());
            for (int col = 0; col < item.fields().size(); col++) {
                FieldDefinition f = item.fields().get(col);
                Cell cell = header.getCell(col);
                String text = cell.getStringCellValue();
                assertThat(text).isEqualTo(f.required() ? "*" + f.title() : f.title());
                assertThat(cell.getCellStyle().getFillPattern().getCode()).as("fill").isPositive();
                assertThat(wb.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue();
                assertThat(cell.getCellComment()).as("comment of " + f.title()).isNotNull();
                assertThat(cell.getCellComment().getString().getString())
                        .contains(f.title(), new FieldHints(CATALOG, item).typeAndFormat(f));
                assertThat(sheet.getColumnWidth(col)).isGreaterThanOrEqualTo(12 * 256);
            }
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getLastRowNum()).as("no pre-made data rows").isZero();
        }
    }

    @Test
    void longTitlesGetWiderColumns() throws IOException {
        CatalogItemDefinition item = CATALOG.item("admin-penalty").orElseThrow();
        try (XSSFWorkbook wb = template(CATALOG, item)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            int remarks = index(item, "remarks");
            int confiscation = index(item, "confiscation-amount");
            assertThat(sheet.getColumnWidth(confiscation)).isGreaterThan(sheet.getColumnWidth(remarks));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin-penalty", "admin-license"})
    void everyCodeColumnHasADropDownOfTheCanonicalValues(String id) throws IOException {
        CatalogItemDefinition item = CATALOG.item(id).orElseThrow();
        try (XSSFWorkbook wb = template(CATALOG, item)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            for (int col = 0; col < item.fields().size(); col++) {
                FieldDefinition f = item.fields().get(col);
                if (f.type() != FieldTypeName.CODE) {
                    continue;
                }
                XSSFDataValidation v = validationOf(sheet, col);
                assertThat(v).as("validation of " + f.title()).isNotNull();
                assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
                List<String> expected = CATALOG.codeTable(f.codeTable()).definition().entries().stream()
                        .map(CodeTableDefinition.Entry::value).toList();
                assertThat(v.getValidationConstraint().getExplicitListValues()).as(f.title())
                        .containsExactlyElementsOf(expected);
                CellRangeAddress range = v.getRegions().getCellRangeAddresses()[0];
                assertThat(range.getFirstRow()).isEqualTo(1);
                assertThat(range.getLastRow()).isEqualTo(XlsxTemplateWriter.DATA_ROWS);
                assertThat(v.getShowErrorBox()).isTrue();
                assertThat(v.getErrorStyle()).isEqualTo(f.multiValue() || f.codeTable().equals("id-type")
                        ? DataValidation.ErrorStyle.WARNING : DataValidation.ErrorStyle.STOP);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin-penalty", "admin-license"})
    void columnFormatsKeepCodesAsTextAndDatesAsDates(String id) throws IOException {
        CatalogItemDefinition item = CATALOG.item(id).orElseThrow();
        try (XSSFWorkbook wb = template(CATALOG, item)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            for (int col = 0; col < item.fields().size(); col++) {
                FieldDefinition f = item.fields().get(col);
                String format = sheet.getColumnStyle(col).getDataFormatString();
                switch (f.type()) {
                    case DATE -> {
                        assertThat(format).as(f.title()).isEqualTo("yyyy-mm-dd");
                        XSSFDataValidation v = validationOf(sheet, col);
                        assertThat(v).as("date validation of " + f.title()).isNotNull();
                        assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DATE);
                        assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("DATE(1900,1,1)");
                        assertThat(v.getValidationConstraint().getFormula2()).isEqualTo("DATE(2099,12,31)");
                        assertThat(v.getErrorBoxText()).contains("日期");
                    }
                    case DECIMAL -> assertThat(format).as(f.title()).isEqualTo(XlsxTemplateWriter.DECIMAL_FORMAT);
                    default -> assertThat(format).as(f.title()).isEqualTo("@");
                }
            }
            for (String key : List.of("uscc", "id-number", "legal-rep-id-number", "authority-code", "source-unit-code",
                    "org-code", "registration-number")) {
                assertThat(sheet.getColumnStyle(index(item, key)).getDataFormatString()).as(key).isEqualTo("@");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin-penalty", "admin-license"})
    void instructionsListEveryFieldAndEveryRule(String id) throws IOException {
        CatalogItemDefinition item = CATALOG.item(id).orElseThrow();
        RuleDescriptions rules = new RuleDescriptions(item);
        FieldHints hints = new FieldHints(CATALOG, item);
        try (XSSFWorkbook wb = template(CATALOG, item)) {
            Sheet help = wb.getSheet("填表说明");
            List<List<String>> rows = new ArrayList<>();
            for (Row row : help) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 5; c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue());
                }
                rows.add(cells);
            }
            int heading = IntStream.range(0, rows.size())
                    .filter(i -> rows.get(i).equals(List.of("序号", "字段", "是否必填", "类型与格式", "可选值")))
                    .findFirst().orElseThrow();
            for (int i = 0; i < item.fields().size(); i++) {
                FieldDefinition f = item.fields().get(i);
                List<String> line = rows.get(heading + 1 + i);
                assertThat(line).containsExactly(String.valueOf(i + 1), f.title(), rules.requiredText(f),
                        hints.typeAndFormat(f), f.type() == FieldTypeName.CODE
                                ? CATALOG.codeTable(f.codeTable()).valuesForMessage() : "");
            }
            List<String> columnB = rows.stream().map(r -> r.get(1)).toList();
            assertThat(columnB).containsAll(rules.all());
            assertThat(rules.all()).hasSizeGreaterThanOrEqualTo(item.rules().size());
            assertThat(String.join("\n", columnB)).contains("带“*”的为必填项");
        }
    }

    @Test
    void penaltyInstructionsSayWhatTheClerkMustKnow() throws IOException {
        CatalogItemDefinition item = CATALOG.item("admin-penalty").orElseThrow();
        try (XSSFWorkbook wb = template(CATALOG, item)) {
            StringBuilder all = new StringBuilder();
            wb.getSheet("填表说明").forEach(r -> r.forEach(c -> all.append(c.toString()).append('\n')));
            assertThat(all.toString()).contains(
                    "【处罚有效期】不得早于【处罚决定日期】",
                    "【处罚类别】含“罚款”时，【罚款金额（万元）】必须填写且大于0",
                    "【行政相对人类别】为“个体工商户”时，【行政相对人代码_1(统一社会信用代码)】须以“92”开头",
                    "的金额单位为万元",
                    "条件必填：【行政相对人类别】为“自然人”时必填",
                    "警告、通报批评、罚款");
        }
    }

    @Test
    void aListTooLongForExcelGoesToAHiddenSheet() throws IOException {
        List<CodeTableDefinition.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            entries.add(new CodeTableDefinition.Entry("行业门类代码值第" + i + "项", List.of()));
        }
        entries.add(new CodeTableDefinition.Entry("含,逗号的值", List.of()));
        CodeTableDefinition table = new CodeTableDefinition("long-table", "长代码表", entries, null);
        CodeTableDefinition shortTable = new CodeTableDefinition("short-table", "短代码表",
                List.of(new CodeTableDefinition.Entry("甲", List.of()), new CodeTableDefinition.Entry("乙", List.of())),
                null);
        CatalogItemDefinition item = new CatalogItemDefinition("test-item", "测试事项", List.of(), "基本", "公开", null,
                List.of("name"), null, List.of(
                        field("name", "名称", FieldTypeName.TEXT, null),
                        field("sector", "行业", FieldTypeName.CODE, "long-table"),
                        field("kind", "类别", FieldTypeName.CODE, "short-table"),
                        field("sector-2", "第二行业", FieldTypeName.CODE, "long-table")), List.of());
        Catalog catalog = new Catalog(Map.of(item.id(), item), Map.of(table.id(), table, shortTable.id(), shortTable));
        assertThat(XlsxTemplateWriter.fitsInline(entries.stream().map(CodeTableDefinition.Entry::value).toList()))
                .isFalse();

        Path file = new XlsxTemplateWriter(catalog).write(item, dir.resolve("sub/测试.xlsx"));

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            int codes = wb.getSheetIndex(XlsxTemplateWriter.CODES_SHEET);
            assertThat(codes).isEqualTo(2);
            assertThat(wb.getSheetVisibility(codes)).isEqualTo(SheetVisibility.HIDDEN);
            assertThat(wb.getActiveSheetIndex()).isZero();
            XSSFSheet sheet = wb.getSheetAt(0);
            XSSFDataValidation sector = validationOf(sheet, 1);
            XSSFDataValidation second = validationOf(sheet, 3);
            assertThat(sector.getValidationConstraint().getExplicitListValues()).isNull();
            String name = sector.getValidationConstraint().getFormula1();
            assertThat(second.getValidationConstraint().getFormula1()).as("one list per table").isEqualTo(name);
            AreaReference area = new AreaReference(wb.getName(name).getRefersToFormula(), wb.getSpreadsheetVersion());
            List<String> values = new ArrayList<>();
            for (CellReference ref : area.getAllReferencedCells()) {
                assertThat(ref.getSheetName()).isEqualTo(XlsxTemplateWriter.CODES_SHEET);
                values.add(wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol())
                        .getStringCellValue());
            }
            assertThat(values).containsExactlyElementsOf(entries.stream().map(CodeTableDefinition.Entry::value).toList());
            assertThat(validationOf(sheet, 2).getValidationConstraint().getExplicitListValues())
                    .containsExactly("甲", "乙");
        }
    }

    @Test
    void defaultFileNameIsTheTitle() {
        assertThat(XlsxTemplateWriter.defaultFileName(CATALOG.item("admin-penalty").orElseThrow()))
                .isEqualTo("行政处罚-报送模板.xlsx");
    }

    @Test
    void theTemplateIsSmall() throws IOException {
        Path file = new XlsxTemplateWriter(CATALOG).write(CATALOG.item("admin-penalty").orElseThrow(),
                dir.resolve("t.xlsx"));
        assertThat(Files.size(file)).isLessThan(100_000);
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString()).toList()).containsExactly("t.xlsx");
        }
    }

    private static FieldDefinition field(String key, String title, FieldTypeName type, String table) {
        return new FieldDefinition(key, title, null, List.of(), type, true, null, null, 0, table, false, false);
    }

    private static int index(CatalogItemDefinition item, String key) {
        for (int i = 0; i < item.fields().size(); i++) {
            if (item.fields().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no field " + key);
    }

    private static XSSFDataValidation validationOf(XSSFSheet sheet, int col) {
        XSSFDataValidation found = null;
        for (XSSFDataValidation v : sheet.getDataValidations()) {
            for (CellRangeAddress r : v.getRegions().getCellRangeAddresses()) {
                if (r.getFirstColumn() <= col && col <= r.getLastColumn()) {
                    assertThat(found).as("one validation per column").isNull();
                    found = v;
                }
            }
        }
        return found;
    }
}
