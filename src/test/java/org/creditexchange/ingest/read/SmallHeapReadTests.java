package org.creditexchange.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clerk's large workbook must not take the engine down: 200,000 rows of twelve columns (about 2.4 million cells,
 * far more than a 48 MiB heap could hold as a workbook) are read through in a JVM of their own started with
 * {@code -Xmx48m}. The same for a CSV of the same rows.
 */
class SmallHeapReadTests {

    private static final int ROWS = 200_000;
    private static final int COLUMNS = 12;

    @TempDir
    Path work;

    @Test
    void aWorkbookOf200000RowsIsReadWithA48MegabyteHeap() throws Exception {
        Path xlsx = work.resolve("大表.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(xlsx)) {
            workbook.setCompressTempFiles(true);
            SXSSFSheet sheet = workbook.createSheet("行政处罚");
            for (int r = 0; r <= ROWS; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < COLUMNS; c++) {
                    row.createCell(c).setCellValue(r == 0 ? "列" + c : "第" + r + "行第" + c + "列的值");
                }
            }
            workbook.write(out);
            workbook.close();
        }

        assertThat(countInSmallJvm(xlsx)).isEqualTo((ROWS + 1) + " " + (long) (ROWS + 1) * COLUMNS);
    }

    @Test
    void aCsvOf200000RowsIsReadWithA48MegabyteHeap() throws Exception {
        Path csv = work.resolve("大表.csv");
        try (var out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            for (int r = 0; r <= ROWS; r++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < COLUMNS; c++) {
                    line.append(c == 0 ? "" : ",").append(r == 0 ? "列" + c : "第" + r + "行第" + c + "列的值");
                }
                out.write(line.append('\n').toString());
            }
        }

        assertThat(countInSmallJvm(csv)).isEqualTo((ROWS + 1) + " " + (long) (ROWS + 1) * COLUMNS);
    }

    /** Runs {@link RowCount} over {@code file} in a JVM with a 48 MiB heap; returns what it printed. */
    private static String countInSmallJvm(Path file) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx48m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), RowCount.class.getName(), file.toString()))
                .redirectErrorStream(true).start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().reduce((a, b) -> b).orElse("");
    }
}
