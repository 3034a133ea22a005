package org.creditexchange.feedback;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.creditexchange.feedback.FeedbackReport.FileProblem;
import org.creditexchange.feedback.FeedbackReport.Outcome;
import org.creditexchange.ingest.validate.Reason;
import org.creditexchange.ingest.validate.RowStatus;
import org.creditexchange.ingest.validate.Severity;

/**
 * Writes the clerk's feedback workbook for one batch: a summary sheet and, for a processed file, one
 * line per problem of every rejected or warned row with the row's original values next to it.
 *
 * <p>Rows are streamed (a few hundred thousand problem lines must not sit in memory) and the file
 * appears at its target only once complete.
 */
public final class XlsxFeedbackWriter {

    static final String SUMMARY_SHEET = "处理结果汇总";
    static final String DETAIL_SHEET = "问题数据明细";
    static final String ALL_LOADED = "全部数据已入库。";
    static final String SEE_DETAILS = "请查看『问题数据明细』工作表，按修改建议更正后重新报送被拒绝的行。";
    static final String NO_PROBLEMS = "无问题数据";
    static final String TOO_MANY = "问题行过多，其余请查看回执文件";
    static final String UNRECOGNISED_ITEM = "未能识别";
    static final String WHOLE_ROW = "整行";

    private static final List<String> DETAIL_HEADINGS = List.of("行号", "处理结果", "问题字段", "问题说明", "修改建议");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
    /** Rows kept in memory per sheet before SXSSF flushes them to its temp file. */
    private static final int WINDOW = 100;
    /** Longest text an Excel cell holds; POI refuses longer strings. */
    private static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final int lastRowIndex;

    /** A writer bound by Excel's own row limit (1,048,576 rows per sheet). */
    public XlsxFeedbackWriter() {
        this(SpreadsheetVersion.EXCEL2007.getLastRowIndex());
    }

    /** A writer with a smaller sheet, so tests can reach the row limit quickly. */
    XlsxFeedbackWriter(int lastRowIndex) {
        if (lastRowIndex < 2) {
            throw new IllegalArgumentException("lastRowIndex must leave room for a header and a line: " + lastRowIndex);
        }
        this.lastRowIndex = lastRowIndex;
    }

    /**
     * Writes the workbook for {@code report} to {@code target}, replacing any file there. The detail
     * sheet is written only for outcome DONE; it consumes {@code report.listedRows()} once and closes the
     * stream.
     *
     * @param report the batch's feedback; null strings and times are shown as empty
     * @param target where the workbook goes; its directory must exist
     * @throws IOException          if writing or moving the file fails (no partial file is left at
     *                              {@code target})
     * @throws NullPointerException if {@code report} or {@code target} is null
     */
    public void write(FeedbackReport report, Path target) throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(target, "target");
        AtomicFileWrite.write(target, out -> {
            // close() also deletes SXSSF's per-sheet temp files (dispose() is deprecated in POI 5.5 for
            // that reason), so they go away on success and on failure alike.
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
                // The temp files hold row values (personal data, even if masked): keep them small and opaque.
                workbook.setCompressTempFiles(true);
                Styles styles = new Styles(workbook);
                writeSummary(workbook.createSheet(SUMMARY_SHEET), report, styles);
                if (report.outcome() == Outcome.DONE) {
                    writeDetails(workbook.createSheet(DETAIL_SHEET), report, styles);
                }
                workbook.write(out);
            }
        });
    }

    private static void writeSummary(SXSSFSheet sheet, FeedbackReport report, Styles styles) {
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 70 * 256);
        int[] next = {0};
        SummaryLines lines = (label, value) -> {
            Row row = sheet.createRow(next[0]++);
            text(row, 0, label, styles.label);
            text(row, 1, value, styles.value);
        };
        lines.add("批次号", Long.toString(report.batchId()));
        lines.add("报送单位", unit(report));
        lines.add("文件名", report.fileName());
        lines.add("接收时间", time(report.receivedAt()));
        lines.add("处理完成时间", time(report.processedAt()));
        lines.add("信息类别", isBlank(report.itemTitle()) ? UNRECOGNISED_ITEM : report.itemTitle());
        lines.add("处理结果", outcome(report.outcome()));
        lines.add("接收行数", Long.toString(report.received()));
        lines.add("入库行数", Long.toString(report.accepted()));
        lines.add("其中有警告行数", Long.toString(report.warned()));
        lines.add("拒绝行数", Long.toString(report.rejected()));
        FileProblem problem = report.fileProblem();
        if (problem != null) {
            lines.add("问题说明", problem.message());
            if (!isBlank(problem.hint())) {
                lines.add("修改建议", problem.hint());
            }
        }
        for (FileProblem notice : report.notices()) {
            lines.add("提示", notice.message());
            if (!isBlank(notice.hint())) {
                lines.add("", notice.hint());
            }
        }
        if (report.outcome() == Outcome.DONE) {
            String closing = report.rejected() + report.warned() > 0 ? SEE_DETAILS : ALL_LOADED;
            next[0]++; // a blank line sets the conclusion apart from the figures
            Row row = sheet.createRow(next[0]);
            text(row, 0, closing, styles.label);
        }
    }

    private void writeDetails(SXSSFSheet sheet, FeedbackReport report, Styles styles) {
        List<String> headers = report.headers() == null ? List.of() : report.headers();
        int[] widths = {8, 10, 16, 40, 40};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        Row header = sheet.createRow(0);
        int column = 0;
        for (String heading : DETAIL_HEADINGS) {
            text(header, column++, heading, styles.heading);
        }
        for (String heading : headers) {
            sheet.setColumnWidth(column, 18 * 256);
            text(header, column++, heading, styles.heading);
        }
        int lastColumn = column - 1;
        sheet.createFreezePane(0, 1);

        int lastWritten = streamProblemLines(sheet, report, styles);
        if (lastWritten == 0) {
            text(sheet.createRow(1), 0, NO_PROBLEMS, styles.text);
            lastWritten = 1;
        }
        sheet.setAutoFilter(new CellRangeAddress(0, lastWritten, 0, lastColumn));
    }

    /**
     * Writes the problem lines from row 1 on and returns the index of the last row written (0 when
     * none). One line is held back so that, at the sheet's last row, we know whether it is the very
     * last line (it fits) or more follow (the row carries the too-many note instead).
     */
    private int streamProblemLines(SXSSFSheet sheet, FeedbackReport report, Styles styles) {
        int rowIndex = 1;
        ProblemLine pending = null;
        try (Stream<FeedbackRow> rows = report.listedRows().get()) {
            Iterator<FeedbackRow> it = rows.iterator();
            while (it.hasNext()) {
                for (ProblemLine line : linesOf(it.next())) {
                    if (pending != null) {
                        if (rowIndex == lastRowIndex) {
                            text(sheet.createRow(rowIndex), 0, TOO_MANY, styles.label);
                            return rowIndex;
                        }
                        writeLine(sheet.createRow(rowIndex++), pending, styles);
                    }
                    pending = line;
                }
            }
        }
        if (pending == null) {
            return 0;
        }
        writeLine(sheet.createRow(rowIndex), pending, styles);
        return rowIndex;
    }

    private static List<ProblemLine> linesOf(FeedbackRow row) {
        List<Reason> reasons = row.reasons() == null ? List.of() : row.reasons();
        if (reasons.isEmpty()) {
            // A rejected or warned row without reasons breaks the contract, but the clerk must still
            // see that the row was not loaded cleanly.
            return row.status() == RowStatus.ACCEPTED || row.status() == null
                    ? List.of()
                    : List.of(new ProblemLine(row, null));
        }
        List<ProblemLine> lines = new ArrayList<>(reasons.size());
        for (Reason reason : reasons) {
            lines.add(new ProblemLine(row, reason));
        }
        return lines;
    }

    private static void writeLine(Row out, ProblemLine line, Styles styles) {
        FeedbackRow row = line.row();
        Reason reason = line.reason();
        // The row number stays numeric so that sorting by it follows the file's order.
        Cell number = out.createCell(0);
        number.setCellValue(row.rowNumber());
        number.setCellStyle(styles.number);
        text(out, 1, verdict(row.status(), reason), styles.text);
        text(out, 2, reason == null || isBlank(reason.title()) ? WHOLE_ROW : reason.title(), styles.text);
        text(out, 3, reason == null ? "" : reason.message(), styles.text);
        text(out, 4, reason == null ? "" : reason.hint(), styles.text);
        List<String> cells = row.cells() == null ? List.of() : row.cells();
        int column = DETAIL_HEADINGS.size();
        for (String cell : cells) {
            text(out, column++, cell, styles.text);
        }
    }

    /**
     * A line's verdict follows the reason's severity, so a rejected row's warnings read 警告 and the
     * 拒绝 lines list exactly what must be fixed.
     */
    private static String verdict(RowStatus status, Reason reason) {
        Severity severity = reason == null ? null : reason.severity();
        if (severity == null) {
            return status == RowStatus.REJECTED ? "拒绝" : "警告";
        }
        return severity == Severity.ERROR ? "拒绝" : "警告";
    }

    /** Every value goes in as a string cell: Excel must not turn "0012" into 12 or an ID into 1.1E17. */
    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        String text = value == null ? "" : value;
        if (text.length() > MAX_CELL_TEXT) {
            text = text.substring(0, MAX_CELL_TEXT);
        }
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static String unit(FeedbackReport report) {
        String name = report.unitName() == null ? "" : report.unitName();
        String code = report.unitCode() == null ? "" : report.unitCode();
        if (code.isEmpty()) {
            return name;
        }
        return name.isEmpty() ? code : name + "（" + code + "）";
    }

    private static String time(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time);
    }

    private static String outcome(Outcome outcome) {
        if (outcome == null) {
            return "";
        }
        return switch (outcome) {
            case DONE -> "已处理";
            case REJECTED -> "文件未能处理";
            case DUPLICATE -> "重复文件，未再次入库";
        };
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @FunctionalInterface
    private interface SummaryLines {
        void add(String label, String value);
    }

    /** One detail line: a row and one of its reasons ({@code null} for a row without reasons). */
    private record ProblemLine(FeedbackRow row, Reason reason) {
    }

    /** Cell styles, created once per workbook (Excel caps the number of styles). */
    private static final class Styles {
        final CellStyle label;
        final CellStyle value;
        final CellStyle heading;
        final CellStyle text;
        final CellStyle number;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            short textFormat = workbook.createDataFormat().getFormat("@");

            label = workbook.createCellStyle();
            label.setFont(bold);
            label.setVerticalAlignment(VerticalAlignment.TOP);

            value = workbook.createCellStyle();
            value.setDataFormat(textFormat);
            value.setWrapText(true);
            value.setAlignment(HorizontalAlignment.LEFT);
            value.setVerticalAlignment(VerticalAlignment.TOP);

            heading = workbook.createCellStyle();
            heading.setFont(bold);
            heading.setDataFormat(textFormat);

            // The text format also keeps a value the clerk retypes in Excel from being reinterpreted.
            text = workbook.createCellStyle();
            text.setDataFormat(textFormat);

            number = workbook.createCellStyle();
            number.setAlignment(HorizontalAlignment.LEFT);
        }
    }
}
