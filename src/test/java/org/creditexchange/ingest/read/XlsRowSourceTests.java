package org.creditexchange.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.creditexchange.ingest.read.WorkbookFixture.BuiltinFormatted;
import org.creditexchange.ingest.read.WorkbookFixture.Formatted;
import org.creditexchange.ingest.read.WorkbookFixture.Formula;
import org.junit.jupiter.api.Test;

class XlsRowSourceTests extends WorkbookRowSourceContractTests {

    @Override
    protected Workbook newWorkbook() {
        return new HSSFWorkbook();
    }

    @Override
    protected String extension() {
        return "xls";
    }

    @Override
    protected RowSource openDirectly(Path file, int sheetIndex) throws Exception {
        return XlsRowSource.open(file, sheetIndex);
    }

    @Override
    protected List<String> sheetNamesDirectly(Path file) throws Exception {
        return XlsRowSource.sheetNames(file);
    }

    @Override
    protected Path write(Path dir, String name, List<List<Object>> rows) throws Exception {
        return WorkbookFixture.save(WorkbookFixture.fill(new HSSFWorkbook(), rows), dir.resolve(name + ".xls"));
    }

    @Override
    protected Path writeWithMergedTitle(Path dir, String name, int width, List<List<Object>> rows) throws Exception {
        HSSFWorkbook workbook = new HSSFWorkbook();
        WorkbookFixture.fill(workbook, workbook.createSheet("处罚"), rows, width);
        return WorkbookFixture.save(workbook, dir.resolve(name + ".xls"));
    }

    @Override
    protected FileFormat expectedFormat() {
        return FileFormat.XLS;
    }

    @Test
    void readsGeneralNumbersAsTyped() throws Exception {
        Path file = write(dir, "numbers", List.of(List.of(1.0, 110105491231002L, 0.2, 100, 201312142.0)));

        assertThat(readAll(file).get(0).cells()).containsExactly("1", "110105491231002", "0.2", "100", "201312142");
    }

    @Test
    void readsDateCellsAsIsoDates() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 5);
        Path file = write(dir, "dates", List.of(List.of(
                new BuiltinFormatted(day, 14), new Formatted(day, "yyyy\"年\"m\"月\"d\"日\""))));

        assertThat(readAll(file).get(0).cells()).containsExactly("2026-03-05", "2026-03-05");
    }

    @Test
    void readsFormulaCellsAsTheirCachedValues() throws Exception {
        Path file = write(dir, "formulas", List.of(List.of(2.5, new Formula("A1*4"), new Formula("\"杭州\"&\"某某\""))));

        assertThat(readAll(file).get(0).cells()).containsExactly("2.5", "10", "杭州某某");
    }

    @Test
    void keepsNumberLikeTextAsText() throws Exception {
        Path file = write(dir, "number-like-text", List.of(List.of("0012", "110105491231002")));

        assertThat(readAll(file).get(0).cells()).containsExactly("0012", "110105491231002");
    }

    @Test
    void keepsTrueRowNumbersAcrossSkippedRows() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            rows.add(i == 2 || i == 40 ? List.of("第" + i + "行") : List.of());
        }
        Path file = write(dir, "skipped-rows", rows);

        assertThat(readAll(file)).extracting(RawRow::rowNumber).containsExactly(2, 40);
    }

    @Test
    void rejectsAPasswordProtectedWorkbookAsEncrypted() throws Exception {
        HSSFWorkbook workbook = WorkbookFixture.fill(new HSSFWorkbook(), List.of(List.of("机密")));
        Path file;
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try {
            file = WorkbookFixture.save(workbook, dir.resolve("password.xls"));
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }

        assertThatThrownBy(() -> RowSources.open(file))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.code()).isEqualTo("FILE_ENCRYPTED"));
    }
}
