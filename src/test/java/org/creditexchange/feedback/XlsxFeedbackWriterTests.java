package org.creditexchange.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditexchange.feedback.FeedbackReports.done;
import static org.creditexchange.feedback.FeedbackReports.error;
import static org.creditexchange.feedback.FeedbackReports.mixedRows;
import static org.creditexchange.feedback.FeedbackReports.row;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditexchange.ingest.validate.RowStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxFeedbackWriterTests {

    @TempDir
    Path dir;

    private final DataFormatter formatter = new DataFormatter();

    @Test
    void summarisesProcessedBatchWithProblems() throws IOException {
        Path file = write(done(mixedRows(), 3, 1, 1));

        try (XSSFWorkbook workbook = open(file)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(0)).isEqualTo("处理结果汇总");
            assertThat(workbook.getSheetName(1)).isEqualTo("问题数据明细");
            Map<String, String> summary = summary(workbook.getSheetAt(0));
            assertThat(summary).containsEntry("批次号", "42")
                    .containsEntry("报送单位", "示例市市场监督管理局（sample-market）")
                    .containsEntry("文件名", "2025年3月行政处罚.xlsx")
                    .containsEntry("接收时间", "2025-03-01 10:00:00")
                    .containsEntry("处理完成时间", "2025-03-01 10:05:30")
                    .containsEntry("信息类别", "行政处罚")
                    .containsEntry("处理结果", "已处理")
                    .containsEntry("接收行数", "4")
                    .containsEntry("入库行数", "3")
                    .containsEntry("其中有警告行数", "1")
                    .containsEntry("拒绝行数", "1")
                    .doesNotContainKeys("问题说明", "修改建议");
            assertThat(lines(workbook.getSheetAt(0))).contains(
                    List.of("请查看『问题数据明细』工作表，按修改建议更正后重新报送被拒绝的行。"));
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
        }
    }

    @Test
    void listsOneDetailLinePerReasonWithOriginalValuesAsText() throws IOException {
        Path file = write(done(mixedRows(), 3, 1, 1));

        try (XSSFWorkbook workbook = open(file)) {
            XSSFSheet details = workbook.getSheet("问题数据明细");
            assertThat(lines(details)).containsExactly(
                    List.of("行号", "处理结果", "问题字段", "问题说明", "修改建议",
                            "行政相对人名称", "统一社会信用代码", "法定代表人身份证号", "序号"),
                    List.of("3", "警告", "处罚决定日期", "日期晚于今天", "请核对日期",
                            "乙公司", "91110105MA01ABCD2X", "110105********002X", "0012"),
                    List.of("4", "拒绝", "统一社会信用代码", "校验位错误", "请核对代码",
                            "丙公司", "91110105MA01ABCD3Y", "110105********003X", "0013"),
                    List.of("4", "拒绝", "整行", "列数不足", "",
                            "丙公司", "91110105MA01ABCD3Y", "110105********003X", "0013"),
                    List.of("4", "警告", "法定代表人身份证号", "身份证号已脱敏", "",
                            "丙公司", "91110105MA01ABCD3Y", "110105********003X", "0013"));
            Row warned = details.getRow(1);
            assertThat(warned.getCell(7).getCellType()).isEqualTo(CellType.STRING);
            assertThat(warned.getCell(7).getStringCellValue()).isEqualTo("110105********002X");
            assertThat(warned.getCell(8).getCellType()).isEqualTo(CellType.STRING);
            assertThat(warned.getCell(8).getStringCellValue()).isEqualTo("0012");
            assertThat(details.getPaneInformation().isFreezePane()).isTrue();
            assertThat(details.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(details.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:I5");
        }
    }

    @Test
    void saysEverythingLoadedWhenNoRowHasProblems() throws IOException {
        List<FeedbackRow> rows = List.of(
                row(2, RowStatus.ACCEPTED, List.of(), "甲公司", "91110105MA01ABCD1X", "110105********001X", "0011"));
        Path file = write(done(rows, 1, 0, 0));

        try (XSSFWorkbook workbook = open(file)) {
            assertThat(lines(workbook.getSheetAt(0))).contains(List.of("全部数据已入库。"))
                    .doesNotContain(List.of("请查看『问题数据明细』工作表，按修改建议更正后重新报送被拒绝的行。"));
            List<List<String>> details = lines(workbook.getSheet("问题数据明细"));
            assertThat(details).hasSize(2);
            assertThat(details.get(1)).containsExactly("无问题数据");
        }
    }

    @Test
    void explainsWhyRejectedFileWasNotProcessed() throws IOException {
        Path file = write(FeedbackReports.rejectedFile());

        try (XSSFWorkbook workbook = open(file)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Map<String, String> summary = summary(workbook.getSheetAt(0));
            assertThat(summary).containsEntry("处理结果", "文件未能处理")
                    .containsEntry("信息类别", "未能识别")
                    .containsEntry("问题说明", "不支持的文件格式：pdf")
                    .containsEntry("修改建议", "请使用模板另存为 xlsx 或 csv 后重新报送")
                    .containsEntry("接收行数", "0");
            assertThat(lines(workbook.getSheetAt(0)).stream().flatMap(List::stream))
                    .doesNotContain("全部数据已入库。");
        }
    }

    @Test
    void saysDuplicateFileWasNotLoadedAgain() throws IOException {
        Path file = write(FeedbackReports.duplicateFile());

        try (XSSFWorkbook workbook = open(file)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            assertThat(summary(workbook.getSheetAt(0)))
                    .containsEntry("处理结果", "重复文件，未再次入库")
                    .containsEntry("问题说明", "该文件已于批次 42 报送，内容相同")
                    .doesNotContainKey("修改建议");
        }
    }

    @Test
    void stopsAtSheetRowLimitWithNoteToSeeReceipt() throws IOException {
        List<FeedbackRow> rows = IntStream.rangeClosed(2, 10)
                .mapToObj(n -> row(n, RowStatus.REJECTED,
                        List.of(error("uscc", "统一社会信用代码", "USCC_CHECK_DIGIT", "校验位错误", "")), "x"))
                .toList();
        AtomicBoolean closed = new AtomicBoolean();
        FeedbackReport report = done(rows, 0, 0, rows.size());
        report = new FeedbackReport(report.batchId(), report.unitCode(), report.unitName(), report.fileName(),
                report.receivedAt(), report.processedAt(), report.itemTitle(), report.outcome(), null,
                report.received(), 0, 0, rows.size(), List.of("名称"),
                () -> rows.stream().onClose(() -> closed.set(true)));

        Path file = dir.resolve("limited.xlsx");
        new XlsxFeedbackWriter(5).write(report, file);

        try (XSSFWorkbook workbook = open(file)) {
            Sheet details = workbook.getSheet("问题数据明细");
            assertThat(details.getLastRowNum()).isEqualTo(5);
            assertThat(formatter.formatCellValue(details.getRow(4).getCell(0))).isEqualTo("5");
            assertThat(formatter.formatCellValue(details.getRow(5).getCell(0))).isEqualTo("问题行过多，其余请查看回执文件");
        }
        assertThat(closed).isTrue();
    }

    @Test
    void fillsLastSheetRowWhenProblemLinesFitExactly() throws IOException {
        List<FeedbackRow> rows = IntStream.rangeClosed(2, 6)
                .mapToObj(n -> row(n, RowStatus.REJECTED,
                        List.of(error("uscc", "统一社会信用代码", "USCC_CHECK_DIGIT", "校验位错误", "")), "x"))
                .toList();
        Path file = dir.resolve("exact.xlsx");
        new XlsxFeedbackWriter(5).write(done(rows, 0, 0, rows.size()), file);

        try (XSSFWorkbook workbook = open(file)) {
            Sheet details = workbook.getSheet("问题数据明细");
            assertThat(details.getLastRowNum()).isEqualTo(5);
            assertThat(formatter.formatCellValue(details.getRow(5).getCell(0))).isEqualTo("6");
        }
    }

    @Test
    void replacesExistingFileAndLeavesNoTempFileBehind() throws IOException {
        Path file = dir.resolve("feedback.xlsx");
        Files.writeString(file, "old");

        new XlsxFeedbackWriter().write(FeedbackReports.duplicateFile(), file);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        try (XSSFWorkbook workbook = open(file)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("处理结果汇总");
        }
    }

    private Path write(FeedbackReport report) throws IOException {
        Path file = dir.resolve("feedback.xlsx");
        new XlsxFeedbackWriter().write(report, file);
        return file;
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private Map<String, String> summary(Sheet sheet) {
        Map<String, String> values = new LinkedHashMap<>();
        for (List<String> line : lines(sheet)) {
            if (line.size() == 2) {
                values.put(line.get(0), line.get(1));
            }
        }
        return values;
    }

    /** Each row's cell texts up to its last cell; blank rows are skipped. */
    private List<List<String>> lines(Sheet sheet) {
        List<List<String>> lines = new ArrayList<>();
        for (Row row : sheet) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < row.getLastCellNum(); i++) {
                Cell cell = row.getCell(i);
                line.add(cell == null ? "" : formatter.formatCellValue(cell));
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
