package org.creditexchange.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;

/**
 * What XLSX and XLS sources promise beyond {@link RowSourceContractTests}: choosing a sheet. Clerks'
 * workbooks put an instructions sheet (填表说明) first and the data after it, sometimes with hidden
 * sheets (old data, code tables) in between.
 */
abstract class WorkbookRowSourceContractTests extends RowSourceContractTests {

    /** A new, empty workbook of the format under test. */
    protected abstract Workbook newWorkbook();

    protected abstract String extension();

    /** Opens through the format's own class, not {@link RowSources}. */
    protected abstract RowSource openDirectly(Path file, int sheetIndex) throws Exception;

    protected abstract List<String> sheetNamesDirectly(Path file) throws Exception;

    /**
     * 填表说明 (free text), 旧数据 (hidden), 数据 (header in row 1, data in rows 3, 4 and 10), 代码表
     * (very hidden).
     */
    protected Path writeInstructionsThenData(String name) throws Exception {
        Workbook workbook = newWorkbook();
        WorkbookFixture.fill(workbook, workbook.createSheet("填表说明"), List.of(
                List.of("填表说明"),
                List.of("1. 统一社会信用代码填写18位，无代码的填写身份证号。"),
                List.of(),
                List.of("2. 日期格式为 yyyy-mm-dd，金额单位为元。")), 3);
        WorkbookFixture.fill(workbook, workbook.createSheet("旧数据"), List.of(
                List.of("不应读到的隐藏表"), List.of("旧企业", "旧代码")), 0);
        WorkbookFixture.fill(workbook, workbook.createSheet("数据"), List.of(
                List.of("行政相对人名称", "统一社会信用代码", "罚款金额"),
                List.of(),
                List.of("杭州某某餐饮有限公司", "91330106MA2XXXXX1X", "5000"),
                List.of("宁波某某商贸有限公司", "91330201MA2YYYYY2Y"),
                List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of("温州某某科技有限公司", "91330300MA2ZZZZZ3Z", "200")), 0);
        WorkbookFixture.fill(workbook, workbook.createSheet("代码表"), List.of(List.of("代码", "含义")), 0);
        workbook.setSheetVisibility(1, SheetVisibility.HIDDEN);
        workbook.setSheetVisibility(3, SheetVisibility.VERY_HIDDEN);
        return WorkbookFixture.save(workbook, dir.resolve(name + "." + extension()));
    }

    @Test
    void listsVisibleSheetsInWorkbookOrderSkippingHiddenOnes() throws Exception {
        Path file = writeInstructionsThenData("instructions-hidden-data");

        assertThat(RowSources.sheetNames(file)).containsExactly("填表说明", "数据");
        assertThat(sheetNamesDirectly(file)).containsExactly("填表说明", "数据");
    }

    @Test
    void readsTheDataSheetBehindInstructionsAndAHiddenSheetWithItsOwnRowNumbers() throws Exception {
        Path file = writeInstructionsThenData("instructions-hidden-data");

        List<RawRow> rows = readAll(file, 1);

        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(1, 3, 4, 10);
        assertThat(texts(row(rows, 1), 3)).containsExactly("行政相对人名称", "统一社会信用代码", "罚款金额");
        assertThat(texts(row(rows, 3), 3)).containsExactly("杭州某某餐饮有限公司", "91330106MA2XXXXX1X", "5000");
        assertThat(texts(row(rows, 4), 3)).containsExactly("宁波某某商贸有限公司", "91330201MA2YYYYY2Y", "");
        assertThat(texts(row(rows, 10), 3)).containsExactly("温州某某科技有限公司", "91330300MA2ZZZZZ3Z", "200");
    }

    @Test
    void readsTheFirstVisibleSheetByDefault() throws Exception {
        Path file = writeInstructionsThenData("instructions-first");

        List<RawRow> rows = readAll(file);

        assertThat(rows).isEqualTo(readAll(file, 0));
        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(1, 2, 4);
        assertThat(rows.get(0).cells()).containsExactly("填表说明");
    }

    @Test
    void opensTheChosenSheetThroughTheFormatsOwnClass() throws Exception {
        Path file = writeInstructionsThenData("direct");

        try (RowSource source = openDirectly(file, 1)) {
            assertThat(source.format()).isEqualTo(expectedFormat());
            assertThat(drain(source)).extracting(RawRow::rowNumber).containsExactly(1, 3, 4, 10);
        }
        assertThatThrownBy(() -> openDirectly(file, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsASheetIndexOutOfRange() throws Exception {
        Path file = writeInstructionsThenData("out-of-range");

        // Two visible sheets: index 2 would be the hidden 代码表 if hidden sheets counted.
        assertThatThrownBy(() -> RowSources.open(file, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2")
                .hasMessageContaining("数据");
        assertThatThrownBy(() -> RowSources.open(file, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RowSources.open(file, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treatsTheFirstSheetAsVisibleWhenAllAreHidden() throws Exception {
        Workbook workbook = newWorkbook();
        WorkbookFixture.fill(workbook, workbook.createSheet("甲"), List.of(List.of("甲表")), 0);
        WorkbookFixture.fill(workbook, workbook.createSheet("乙"), List.of(List.of("乙表")), 0);
        workbook.setSheetVisibility(0, SheetVisibility.HIDDEN);
        workbook.setSheetVisibility(1, SheetVisibility.HIDDEN);
        Path file = WorkbookFixture.save(workbook, dir.resolve("all-hidden." + extension()));

        assertThat(RowSources.sheetNames(file)).containsExactly("甲");
        assertThat(readAll(file).get(0).cells()).containsExactly("甲表");
        assertThatThrownBy(() -> RowSources.open(file, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
