package org.creditexchange.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditexchange.ingest.read.WorkbookFixture.BuiltinFormatted;
import org.creditexchange.ingest.read.WorkbookFixture.Error;
import org.creditexchange.ingest.read.WorkbookFixture.Formatted;
import org.creditexchange.ingest.read.WorkbookFixture.Formula;
import org.junit.jupiter.api.Test;

class XlsxRowSourceTests extends WorkbookRowSourceContractTests {

    @Override
    protected Workbook newWorkbook() {
        return new XSSFWorkbook();
    }

    @Override
    protected String extension() {
        return "xlsx";
    }

    @Override
    protected RowSource openDirectly(Path file, int sheetIndex) throws Exception {
        return XlsxRowSource.open(file, sheetIndex);
    }

    @Override
    protected List<String> sheetNamesDirectly(Path file) throws Exception {
        return XlsxRowSource.sheetNames(file);
    }

    @Override
    protected Path write(Path dir, String name, List<List<Object>> rows) throws Exception {
        return WorkbookFixture.save(WorkbookFixture.fill(new XSSFWorkbook(), rows), dir.resolve(name + ".xlsx"));
    }

    @Override
    protected Path writeWithMergedTitle(Path dir, String name, int width, List<List<Object>> rows) throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        WorkbookFixture.fill(workbook, workbook.createSheet("处罚"), rows, width);
        return WorkbookFixture.save(workbook, dir.resolve(name + ".xlsx"));
    }

    @Override
    protected FileFormat expectedFormat() {
        return FileFormat.XLSX;
    }

    @Test
    void readsGeneralNumbersAsTyped() throws Exception {
        Path file = write(dir, "numbers", List.of(List.of(1.0, 110105491231002L, 0.2, 100, 12.50, -3.5, 0)));

        assertThat(readAll(file).get(0).cells())
                .containsExactly("1", "110105491231002", "0.2", "100", "12.5", "-3.5", "0");
    }

    @Test
    void readsExplicitNumberFormatsAsDisplayed() throws Exception {
        Path file = write(dir, "formatted-numbers", List.of(List.of(
                new Formatted(12.5, "0.00"), new Formatted(1234567, "#,##0"), new Formatted(42, "@"))));

        assertThat(readAll(file).get(0).cells()).containsExactly("12.50", "1,234,567", "42");
    }

    @Test
    void readsDateCellsAsIsoDates() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 5);
        Path file = write(dir, "dates", List.of(List.of(
                new BuiltinFormatted(day, 14),
                new Formatted(day, "yyyy\"年\"m\"月\"d\"日\""),
                new Formatted(day, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"),
                new Formatted(LocalDateTime.of(2026, 3, 5, 14, 30), "yyyy-mm-dd hh:mm:ss"),
                new Formatted(day, "yyyy/m/d"))));

        assertThat(readAll(file).get(0).cells())
                .containsExactly("2026-03-05", "2026-03-05", "2026-03-05", "2026-03-05 14:30:00", "2026-03-05");
    }

    @Test
    void readsFormulaCellsAsTheirCachedValues() throws Exception {
        Path file = write(dir, "formulas", List.of(List.of(
                2.5, new Formula("A1*4"), new Formula("\"杭州\"&\"某某\""), new Formula("A1>1"),
                new Formula("1/0"))));

        assertThat(readAll(file).get(0).cells()).containsExactly("2.5", "10", "杭州某某", "TRUE", "#DIV/0!");
    }

    @Test
    void readsBooleansAndKeepsErrorValuesAsExcelShowsThem() throws Exception {
        Path file = write(dir, "bool-error", List.of(List.of(true, false, new Error(FormulaError.NA), "末列")));

        assertThat(readAll(file).get(0).cells()).containsExactly("TRUE", "FALSE", "#N/A", "末列");
    }

    @Test
    void keepsNumberLikeTextAsText() throws Exception {
        Path file = write(dir, "number-like-text", List.of(List.of("0012", "110105491231002", "1.0", "1E5")));

        assertThat(readAll(file).get(0).cells()).containsExactly("0012", "110105491231002", "1.0", "1E5");
    }

    @Test
    void keepsTrueRowNumbersAcrossSkippedRows() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            rows.add(i == 1 || i == 5 || i == 100 ? List.of("第" + i + "行") : List.of());
        }
        Path file = write(dir, "skipped-rows", rows);

        assertThat(readAll(file)).extracting(RawRow::rowNumber).containsExactly(1, 5, 100);
    }

    @Test
    void readsTheFirstVisibleSheet() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.createSheet("隐藏").createRow(0).createCell(0).setCellValue("hidden");
        workbook.createSheet("数据").createRow(0).createCell(0).setCellValue("visible");
        workbook.setSheetHidden(0, true);
        workbook.setActiveSheet(1);
        Path file = WorkbookFixture.save(workbook, dir.resolve("hidden-first-sheet.xlsx"));

        assertThat(readAll(file).get(0).cells()).containsExactly("visible");
    }

    @Test
    void streamsALargeSheetWrittenWithInlineStrings() throws Exception {
        Path file = dir.resolve("large.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("数据");
            for (int r = 0; r < 50_000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("杭州某某有限公司" + r);
                row.createCell(1).setCellValue(r);
                row.createCell(3).setCellValue("9133010" + r);
            }
            workbook.write(out);
        }

        int count = 0;
        RawRow last = null;
        try (RowSource source = RowSources.open(file)) {
            for (RawRow row = source.next(); row != null; row = source.next()) {
                count++;
                last = row;
            }
        }

        assertThat(count).isEqualTo(50_000);
        assertThat(last.rowNumber()).isEqualTo(50_000);
        assertThat(last.cells()).containsExactly("杭州某某有限公司49999", "49999", "", "913301049999");
    }

    @Test
    void readsAMinimalWorkbookFromAnotherGenerator() throws Exception {
        // No styles part, no r attributes on the second row, a raw exponent number, phonetic guides and
        // an escaped carriage return: what small export libraries write.
        String sheet = """
                <?xml version="1.0" encoding="UTF-8"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="2"><c r="A2"><v>1.10105491231002E14</v></c><c r="C2" t="inlineStr"><is><r><t>杭州</t></r><r><t>某某</t></r><rPh><t>ハンシュウ</t></rPh></is></c></row>
                <row><c t="inlineStr"><is><t>末尾回车_x000D_</t></is></c><c t="b"><v>1</v></c></row>
                </sheetData></worksheet>""";
        Path file = minimalWorkbook(dir.resolve("minimal.xlsx"), sheet);

        List<RawRow> rows = readAll(file);

        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(2, 3);
        assertThat(rows.get(0).cells()).containsExactly("110105491231002", "", "杭州某某");
        assertThat(rows.get(1).cells()).containsExactly("末尾回车", "TRUE");
    }

    @Test
    void readsAnXlsxNamedCsv() throws Exception {
        Path xlsx = write(dir, "real-workbook", List.of(List.of("名称", 1)));
        Path disguised = Files.move(xlsx, dir.resolve("export.csv"));

        try (RowSource source = RowSources.open(disguised)) {
            assertThat(source.format()).isEqualTo(FileFormat.XLSX);
            assertThat(source.next().cells()).containsExactly("名称", "1");
        }
    }

    @Test
    void readsOnlyTheChosenSheetsXml() throws Exception {
        // The instructions sheet's XML is broken: listing the sheets and reading the data sheet must not
        // touch it; only reading it fails. The relationship prefix is not "r", as some generators write.
        String broken = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>填表说明</t></is></c></row><row r=";
        String data = """
                <?xml version="1.0" encoding="UTF-8"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="2"><c r="A2" t="inlineStr"><is><t>行政相对人名称</t></is></c></row>
                <row r="7"><c r="A7" t="inlineStr"><is><t>杭州某某公司</t></is></c><c r="B7"><v>5000</v></c></row>
                </sheetData></worksheet>""";
        Path file = dir.resolve("broken-instructions.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    <Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    <Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="填表说明" sheetId="1" rel:id="rId1"/><sheet name="旧数据" sheetId="2" state="hidden" rel:id="rId2"/><sheet name="数据" sheetId="3" rel:id="rId3"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
                    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet3.xml"/>
                    </Relationships>""");
            entry(zip, "xl/worksheets/sheet1.xml", broken);
            entry(zip, "xl/worksheets/sheet2.xml", broken);
            entry(zip, "xl/worksheets/sheet3.xml", data);
        }

        assertThat(RowSources.sheetNames(file)).containsExactly("填表说明", "数据");
        List<RawRow> rows = readAll(file, 1);
        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(2, 7);
        assertThat(rows.get(1).cells()).containsExactly("杭州某某公司", "5000");
        try (RowSource instructions = RowSources.open(file, 0)) {
            assertThat(instructions.next().cells()).containsExactly("填表说明");
            assertThatThrownBy(instructions::next).isInstanceOfSatisfying(UnreadableFileException.class,
                    e -> assertThat(e.code()).isEqualTo("FILE_CORRUPT"));
        }
    }

    @Test
    void reportsAWorkbookWithOnlyAChartSheetAlikeInOpenAndSheetNames() throws Exception {
        String chartSheet = "application/vnd.openxmlformats-officedocument.drawingml.chartsheet+xml";
        Path file = minimalWorkbook(dir.resolve("chart-only.xlsx"), "<chartsheet/>", chartSheet);

        assertThatThrownBy(() -> RowSources.open(file)).isInstanceOfSatisfying(UnreadableFileException.class,
                e -> assertThat(e.code()).isEqualTo("FILE_FORMAT_UNSUPPORTED"));
        assertThatThrownBy(() -> RowSources.sheetNames(file)).isInstanceOfSatisfying(UnreadableFileException.class,
                e -> assertThat(e.code()).isEqualTo("FILE_FORMAT_UNSUPPORTED"));
    }

    private static Path minimalWorkbook(Path file, String sheetXml) throws Exception {
        return minimalWorkbook(file, sheetXml, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
    }

    private static Path minimalWorkbook(Path file, String sheetXml, String sheetContentType) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="%s"/>
                    </Types>""".formatted(sheetContentType));
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    </Relationships>""");
            entry(zip, "xl/worksheets/sheet1.xml", sheetXml);
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
