package org.creditexchange.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RowSource#fractionRead()}: how far through its file a source is, the estimate behind percent done and time
 * left. It grows as rows are read, is 1 at the end, and is not given where the file does not tell.
 */
class FractionReadTests {

    /** Enough rows that the text reader's read-ahead (a few kilobytes) is a small part of the file. */
    static final int ROWS = 20_000;

    @TempDir
    Path dir;

    @Test
    void csvTellsTheShareOfItsBytesTakenAndOneAtTheEnd() throws Exception {
        Path file = dir.resolve("large.csv");
        StringBuilder text = new StringBuilder("\uFEFF行政相对人名称,统一社会信用代码,处罚决定书文号\r\n");
        IntStream.rangeClosed(1, ROWS).forEach(i -> text.append("杭州某某餐饮有限公司").append(i)
                .append(",91330106MA2XXXXX1X,杭西市监罚〔2026〕").append(i).append("号\r\n"));
        Files.writeString(file, text, StandardCharsets.UTF_8);

        try (RowSource source = RowSources.open(file)) {
            List<Double> seen = readAndWatch(source);

            assertThat(seen.get(0)).isGreaterThan(0).isLessThan(0.05);
            assertThat(seen.get(ROWS / 2)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.02));
            assertThat(seen).isSorted();
            assertThat(source.fractionRead()).hasValue(1.0);
        }
    }

    @Test
    void xlsxTellsTheLastRowReadOverItsDeclaredDimension() throws Exception {
        Path file = xlsx("declared.xlsx", 200, xml -> xml);
        assertThat(new String(part(file), StandardCharsets.UTF_8)).contains("<dimension ref=\"A1:B200\"");

        try (RowSource source = RowSources.open(file)) {
            assertThat(source.fractionRead()).isEmpty();
            source.next();
            assertThat(source.fractionRead()).hasValue(1 / 200.0);
            List<Double> seen = readAndWatch(source);
            assertThat(seen.get(98)).isEqualTo(100 / 200.0);
            assertThat(seen).isSorted();
            assertThat(source.fractionRead()).hasValue(1.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no dimension        | ",
            "a single cell       | <dimension ref=\"A1\"/>",
            "the whole sheet     | <dimension ref=\"A1:XFD1048576\"/>",
            "fewer rows than read| <dimension ref=\"A1:B50\"/>"})
    void xlsxWithoutAUsableDimensionTellsNothingUntilTheEnd(String scenario, String dimension) throws Exception {
        Path file = xlsx("undeclared.xlsx", 200, xml -> xml.replaceFirst("<dimension ref=\"[^\"]*\"/>",
                dimension == null ? "" : dimension));

        try (RowSource source = RowSources.open(file)) {
            for (int i = 0; i < 100; i++) {
                source.next();
            }
            assertThat(source.fractionRead()).as(scenario).isEmpty();
            while (source.next() != null) {
                // to the end
            }
            assertThat(source.fractionRead()).as(scenario).hasValue(1.0);
        }
    }

    @Test
    void xlsTellsTheLastRowReadOverTheSheetsLastRow() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        IntStream.rangeClosed(1, 400).forEach(i -> rows.add(List.of("企业" + i, String.valueOf(i))));
        Path file = WorkbookFixture.save(WorkbookFixture.fill(new HSSFWorkbook(), rows), dir.resolve("sheet.xls"));

        try (RowSource source = RowSources.open(file)) {
            List<Double> seen = readAndWatch(source);

            assertThat(seen.get(0)).isEqualTo(1 / 400.0);
            assertThat(seen.get(199)).isEqualTo(0.5);
            assertThat(source.fractionRead()).hasValue(1.0);
        }
    }

    /** The fraction after each row read, to the end. */
    private static List<Double> readAndWatch(RowSource source) throws UnreadableFileException {
        List<Double> seen = new ArrayList<>();
        while (source.next() != null) {
            OptionalDouble f = source.fractionRead();
            assertThat(f).isPresent();
            seen.add(f.getAsDouble());
        }
        return seen;
    }

    /** A workbook of {@code rows} rows of two cells, its sheet XML passed through {@code edit}. */
    private Path xlsx(String name, int rows, UnaryOperator<String> edit) throws IOException {
        List<List<Object>> values = new ArrayList<>();
        IntStream.rangeClosed(1, rows).forEach(i -> values.add(List.of("企业" + i, String.valueOf(i))));
        Path written = WorkbookFixture.save(WorkbookFixture.fill(new XSSFWorkbook(), values), dir.resolve("raw-" + name));
        Path file = dir.resolve(name);
        try (ZipFile in = new ZipFile(written.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                if (e.getName().equals(SHEET)) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return file;
    }

    private static final String SHEET = "xl/worksheets/sheet1.xml";

    private static byte[] part(Path xlsx) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile()); InputStream in = zip.getInputStream(zip.getEntry(SHEET))) {
            return in.readAllBytes();
        }
    }
}
