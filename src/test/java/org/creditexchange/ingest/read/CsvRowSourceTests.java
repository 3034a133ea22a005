package org.creditexchange.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CsvRowSourceTests extends RowSourceContractTests {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Override
    protected Path write(Path dir, String name, List<List<Object>> rows) throws Exception {
        String text = rows.stream().map(CsvRowSourceTests::line).collect(Collectors.joining("\r\n", "", "\r\n"));
        return file(dir, name + ".csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected Path writeWithMergedTitle(Path dir, String name, int width, List<List<Object>> rows) throws Exception {
        // Excel saves a merged title as the text followed by empty fields up to the sheet's width.
        List<Object> title = new ArrayList<>(rows.get(0));
        while (title.size() < width) {
            title.add(null);
        }
        List<List<Object>> all = new ArrayList<>(rows);
        all.set(0, title);
        return write(dir, name, all);
    }

    @Override
    protected FileFormat expectedFormat() {
        return FileFormat.CSV;
    }

    @Test
    void listsOneUnnamedSheetAndReadsItAtIndexZeroOnly() throws Exception {
        Path file = write(dir, "one-sheet", List.of(List.of("名称", "代码"), List.of("杭州某某公司", "1")));

        assertThat(RowSources.sheetNames(file)).containsExactly("");
        assertThat(readAll(file, 0)).extracting(RawRow::rowNumber).containsExactly(1, 2);
        assertThatThrownBy(() -> RowSources.open(file, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1");
    }

    @Test
    void readsUtf8WithoutBom() throws Exception {
        Path file = file(dir, "utf8.csv", "行政相对人名称,统一社会信用代码\r\n杭州某某公司,91330106MA2XXXXX1X\r\n"
                .getBytes(StandardCharsets.UTF_8));

        try (CsvRowSource source = CsvRowSource.open(file)) {
            assertThat(source.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(source.next().cells()).containsExactly("行政相对人名称", "统一社会信用代码");
            assertThat(source.next().cells()).containsExactly("杭州某某公司", "91330106MA2XXXXX1X");
        }
    }

    @Test
    void readsUtf8WithBomAndDropsTheBom() throws Exception {
        Path file = file(dir, "utf8-bom.csv", concat(UTF8_BOM, "行政相对人名称,金额\r\n".getBytes(StandardCharsets.UTF_8)));

        try (CsvRowSource source = CsvRowSource.open(file)) {
            assertThat(source.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(source.next().cell(0)).isEqualTo("行政相对人名称");
        }
    }

    @Test
    void readsGbkCsvWithTitleRow() throws Exception {
        String text = "2026年行政处罚信息,,\r\n行政相对人名称,统一社会信用代码,处罚机关\r\n杭州某某餐饮有限公司,91330106MA2XXXXX1X,杭州市西湖区市场监督管理局\r\n";
        Path file = file(dir, "gbk-title.csv", text.getBytes(GBK));

        try (CsvRowSource source = CsvRowSource.open(file)) {
            assertThat(source.charset()).isEqualTo(GB18030);
            assertThat(source.next().cells()).containsExactly("2026年行政处罚信息", "", "");
            assertThat(source.next().cells()).containsExactly("行政相对人名称", "统一社会信用代码", "处罚机关");
            RawRow data = source.next();
            assertThat(data.rowNumber()).isEqualTo(3);
            assertThat(data.cell(2)).isEqualTo("杭州市西湖区市场监督管理局");
        }
    }

    @Test
    void readsGb18030CharactersOutsideGbk() throws Exception {
        // 䶮 (CJK extension A) and 𠀀 (extension B) appear in personal names but not in GBK.
        Path file = file(dir, "gb18030.csv", "姓名,备注\r\n刘䶮,𠀀字\r\n".getBytes(GB18030));

        List<RawRow> rows = readAll(file);

        assertThat(rows.get(1).cells()).containsExactly("刘䶮", "𠀀字");
    }

    @Test
    void fallsBackToGb18030WhenInvalidUtf8AppearsFarIntoTheFile() throws Exception {
        String ascii = "a,b\r\n".repeat(40_000);
        Path file = file(dir, "late-gbk.csv", concat(ascii.getBytes(StandardCharsets.US_ASCII), "杭州,公司\r\n".getBytes(GBK)));

        try (CsvRowSource source = CsvRowSource.open(file)) {
            assertThat(source.charset()).isEqualTo(GB18030);
        }
        assertThat(readAll(file)).last().extracting(RawRow::cells).isEqualTo(List.of("杭州", "公司"));
    }

    @Test
    void staysUtf8WhenMultibyteCharactersStraddleReadChunks() throws Exception {
        // 240 KB of 3-byte characters in an 8-byte period: some straddle the 64 KB read-chunk boundaries.
        String text = "a中文\n".repeat(30_000);
        Path file = file(dir, "straddle.csv", text.getBytes(StandardCharsets.UTF_8));

        try (CsvRowSource source = CsvRowSource.open(file)) {
            assertThat(source.charset()).isEqualTo(StandardCharsets.UTF_8);
        }
        assertThat(readAll(file)).hasSize(30_000).allMatch(row -> row.cell(0).equals("a中文"));
    }

    @Test
    void readsUtf16LittleEndianWithBom() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xFF);
        bytes.write(0xFE);
        bytes.write("名称\t代码\r\n杭州某某公司\t123\r\n".getBytes(StandardCharsets.UTF_16LE));
        Path file = file(dir, "utf16le.csv", bytes.toByteArray());

        try (CsvRowSource source = CsvRowSource.open(file)) {
            assertThat(source.charset()).isEqualTo(StandardCharsets.UTF_16LE);
            assertThat(source.delimiter()).isEqualTo('\t');
            assertThat(source.next().cells()).containsExactly("名称", "代码");
            assertThat(source.next().cells()).containsExactly("杭州某某公司", "123");
        }
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksCountingRecords() throws Exception {
        String text = "名称,地址,备注\r\n"
                + "\"杭州某某有限公司,滨江分公司\",\"浙江省杭州市\r\n滨江区某路1号\",\"他说\"\"已整改\"\"\"\r\n"
                + "宁波某某公司,宁波,无\r\n";
        Path file = file(dir, "quoted.csv", text.getBytes(StandardCharsets.UTF_8));

        List<RawRow> rows = readAll(file);

        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(1, 2, 3);
        assertThat(rows.get(1).cells())
                .containsExactly("杭州某某有限公司,滨江分公司", "浙江省杭州市\r\n滨江区某路1号", "他说\"已整改\"");
        assertThat(rows.get(2).cell(0)).isEqualTo("宁波某某公司");
    }

    @Test
    void detectsSemicolonDelimiter() throws Exception {
        Path file = file(dir, "semicolon.csv", "名称;金额;备注\r\n某公司;1,5;\"a;b\"\r\n".getBytes(StandardCharsets.UTF_8));

        try (CsvRowSource source = CsvRowSource.open(file)) {
            assertThat(source.delimiter()).isEqualTo(';');
            assertThat(source.next().cells()).containsExactly("名称", "金额", "备注");
            assertThat(source.next().cells()).containsExactly("某公司", "1,5", "a;b");
        }
    }

    @Test
    void detectsTabDelimiter() throws Exception {
        Path file = file(dir, "tab.csv", "名称\t代码\r\n某公司, 分部\t0012\r\n".getBytes(StandardCharsets.UTF_8));

        try (CsvRowSource source = CsvRowSource.open(file)) {
            assertThat(source.delimiter()).isEqualTo('\t');
            source.next();
            assertThat(source.next().cells()).containsExactly("某公司, 分部", "0012");
        }
    }

    @Test
    void keepsCommaWhenCommasDominate() throws Exception {
        Path file = file(dir, "comma.csv", "名称,代码,备注\r\n某公司,001,见附件;第2页\r\n".getBytes(StandardCharsets.UTF_8));

        try (CsvRowSource source = CsvRowSource.open(file)) {
            assertThat(source.delimiter()).isEqualTo(',');
        }
    }

    @Test
    void countsBlankLinesAsBlankRows() throws Exception {
        Path file = file(dir, "blank-lines.csv", "名称\r\n\r\n某公司\r\n\r\n\r\n".getBytes(StandardCharsets.UTF_8));

        List<RawRow> rows = readAll(file);

        assertThat(rows).filteredOn(r -> !r.isBlank()).extracting(RawRow::rowNumber).containsExactly(1, 3);
        assertThat(row(rows, 2).isBlank()).isTrue();
    }

    @Test
    void readsLastLineWithoutLineBreakAndUnclosedQuote() throws Exception {
        Path file = file(dir, "unclosed.csv", "名称,备注\r\n某公司,\"未闭合".getBytes(StandardCharsets.UTF_8));

        List<RawRow> rows = readAll(file);

        assertThat(rows.get(1).cells()).containsExactly("某公司", "未闭合");
    }

    @Test
    void keepsTextAfterAClosingQuote() throws Exception {
        Path file = file(dir, "after-quote.csv", "名称,备注\r\n\"杭州\"分公司,x\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(readAll(file).get(1).cells()).containsExactly("杭州分公司", "x");
    }

    @Test
    void dropsATrailingCarriageReturnInsideAQuotedField() throws Exception {
        Path file = file(dir, "quoted-cr.csv", "\"名称\r\",代码\n".getBytes(StandardCharsets.UTF_8));

        assertThat(readAll(file).get(0).cells()).containsExactly("名称", "代码");
    }

    @Test
    void streamsManyRecords() throws Exception {
        StringBuilder text = new StringBuilder("名称,代码\n");
        for (int i = 1; i < 100_000; i++) {
            text.append("企业").append(i).append(',').append(i).append('\n');
        }
        Path file = file(dir, "many.csv", text.toString().getBytes(StandardCharsets.UTF_8));

        int count = 0;
        RawRow last = null;
        try (RowSource source = RowSources.open(file)) {
            for (RawRow row = source.next(); row != null; row = source.next()) {
                count++;
                last = row;
            }
        }

        assertThat(count).isEqualTo(100_000);
        assertThat(last.rowNumber()).isEqualTo(100_000);
        assertThat(last.cells()).containsExactly("企业99999", "99999");
    }

    private static String line(List<Object> values) {
        return values.stream().map(v -> v == null ? "" : quoted(v.toString())).collect(Collectors.joining(","));
    }

    private static String quoted(String value) {
        boolean needsQuotes = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return needsQuotes ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static Path file(Path dir, String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
