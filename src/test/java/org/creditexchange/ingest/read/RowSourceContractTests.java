package org.creditexchange.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link RowSource} promises, whatever the format. Each subclass writes the same
 * scenarios in its own format; all files are opened through {@link RowSources}.
 */
abstract class RowSourceContractTests {

    @TempDir
    Path dir;

    /**
     * Writes {@code rows} as a file of the format under test. In a row, {@code null} is a cell left
     * empty; an empty list is a blank row (spreadsheets leave it out, CSV writes an empty line).
     */
    protected abstract Path write(Path dir, String name, List<List<Object>> rows) throws Exception;

    /** Like {@link #write} with the first row's single title cell merged across {@code width} columns. */
    protected abstract Path writeWithMergedTitle(Path dir, String name, int width, List<List<Object>> rows)
            throws Exception;

    protected abstract FileFormat expectedFormat();

    @Test
    void readsMergedTitleAboveHeaderThenDataAfterBlankRow() throws Exception {
        Path file = writeWithMergedTitle(dir, "title-header-blank-data", 4, List.of(
                List.of("2026年3月行政处罚信息"),
                List.of("行政相对人名称", "统一社会信用代码", "处罚决定书文号", "罚款金额"),
                List.of(),
                List.of("杭州某某餐饮有限公司", "91330106MA2XXXXX1X", "杭西市监罚〔2026〕12号", "5000"),
                List.of("宁波某某商贸有限公司", "91330201MA2YYYYY2Y")));

        List<RawRow> rows = readAll(file);

        assertThat(rows).filteredOn(row -> !row.isBlank()).extracting(RawRow::rowNumber).containsExactly(1, 2, 4, 5);
        assertThat(rows).filteredOn(row -> row.rowNumber() == 3).allMatch(RawRow::isBlank);
        RawRow title = row(rows, 1);
        assertThat(texts(title, 4)).containsExactly("2026年3月行政处罚信息", "", "", "");
        assertThat(texts(row(rows, 2), 4)).containsExactly("行政相对人名称", "统一社会信用代码", "处罚决定书文号", "罚款金额");
        assertThat(texts(row(rows, 4), 4))
                .containsExactly("杭州某某餐饮有限公司", "91330106MA2XXXXX1X", "杭西市监罚〔2026〕12号", "5000");
        assertThat(texts(row(rows, 5), 4)).containsExactly("宁波某某商贸有限公司", "91330201MA2YYYYY2Y", "", "");
    }

    @Test
    void readsAllRowsInOrderWithTheirRowNumbers() throws Exception {
        List<List<Object>> written = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> List.<Object>of("企业" + i, String.valueOf(i)))
                .toList();
        Path file = write(dir, "thirty-rows", written);

        List<RawRow> rows = readAll(file);

        assertThat(rows).extracting(RawRow::rowNumber).containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(rows).extracting(row -> row.cell(0)).first().isEqualTo("企业1");
        assertThat(rows).extracting(row -> row.cell(1)).last().isEqualTo("30");
    }

    @Test
    void readsEmptyCellInsideRowAndPastTheEndAsEmptyText() throws Exception {
        List<Object> gap = new ArrayList<>();
        gap.add("杭州某某公司");
        gap.add(null);
        gap.add("第三列");
        Path file = write(dir, "gap-in-row", List.of(List.of("名称", "代码", "备注"), gap));

        RawRow row = readAll(file).get(1);

        assertThat(texts(row, 5)).containsExactly("杭州某某公司", "", "第三列", "", "");
        assertThat(row.cells()).doesNotContainNull();
    }

    @Test
    void keepsCellTextExactlyAsStored() throws Exception {
        Path file = write(dir, "untrimmed", List.of(List.of("  前后有空格  ", "0012", "杭州（分公司）", "A\u3000B")));

        RawRow row = readAll(file).get(0);

        assertThat(texts(row, 4)).containsExactly("  前后有空格  ", "0012", "杭州（分公司）", "A\u3000B");
    }

    @Test
    void returnsNullAtTheEndAndAgainAfterwards() throws Exception {
        Path file = write(dir, "one-row", List.of(List.of("唯一一行")));

        try (RowSource source = RowSources.open(file)) {
            assertThat(source.format()).isEqualTo(expectedFormat());
            assertThat(source.next()).isNotNull();
            assertThat(source.next()).isNull();
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void closesTwiceWithoutFailing() throws Exception {
        Path file = write(dir, "close-twice", List.of(List.of("a", "b")));

        RowSource source = RowSources.open(file);
        source.next();
        source.close();
        source.close();
    }

    @Test
    void listsOneSheetForASingleSheetFileAndReadsItAtIndexZero() throws Exception {
        Path file = write(dir, "single-sheet", List.of(List.of("名称", "代码"), List.of("杭州某某公司", "1")));

        assertThat(RowSources.sheetNames(file)).hasSize(1);
        assertThat(readAll(file, 0)).isEqualTo(readAll(file)).hasSize(2);
        assertThatThrownBy(() -> RowSources.open(file, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RowSources.open(file, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    protected static List<RawRow> readAll(Path file) throws Exception {
        try (RowSource source = RowSources.open(file)) {
            return drain(source);
        }
    }

    protected static List<RawRow> readAll(Path file, int sheetIndex) throws Exception {
        try (RowSource source = RowSources.open(file, sheetIndex)) {
            return drain(source);
        }
    }

    protected static List<RawRow> drain(RowSource source) throws Exception {
        List<RawRow> rows = new ArrayList<>();
        for (RawRow row = source.next(); row != null; row = source.next()) {
            rows.add(row);
        }
        return rows;
    }

    /** The first {@code width} cells, padded as {@link RawRow#cell(int)} pads. */
    protected static List<String> texts(RawRow row, int width) {
        return IntStream.range(0, width).mapToObj(row::cell).toList();
    }

    protected static RawRow row(List<RawRow> rows, int rowNumber) {
        return rows.stream().filter(r -> r.rowNumber() == rowNumber).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + rowNumber + " in " + rows));
    }
}
