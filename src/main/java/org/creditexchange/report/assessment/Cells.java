package org.creditexchange.report.assessment;

import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles of one assessment workbook and typed cell writing: texts as text cells, counts as numbers, rates as
 * numbers in percent format (so that Excel sorts and charts them), a rate without data as "—".
 */
final class Cells {

    /** Shown for a rate with nothing to measure. */
    static final String NONE = "—";

    final CellStyle title;
    final CellStyle label;
    final CellStyle heading;
    final CellStyle text;
    final CellStyle number;
    final CellStyle percent;

    Cells(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        short textFormat = workbook.createDataFormat().getFormat("@");

        title = workbook.createCellStyle();
        title.setFont(big);
        label = workbook.createCellStyle();
        label.setFont(bold);
        label.setVerticalAlignment(VerticalAlignment.TOP);
        heading = workbook.createCellStyle();
        heading.setFont(bold);
        heading.setDataFormat(textFormat);
        heading.setWrapText(true);
        text = workbook.createCellStyle();
        text.setDataFormat(textFormat);
        text.setWrapText(true);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        number = workbook.createCellStyle();
        number.setAlignment(HorizontalAlignment.RIGHT);
        percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
        percent.setAlignment(HorizontalAlignment.RIGHT);
    }

    void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    void text(Row row, int column, String value) {
        text(row, column, value, text);
    }

    void number(Row row, int column, long value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(number);
    }

    /** A rate as a percent-formatted number, or {@link #NONE} when there is none. */
    void rate(Row row, int column, Optional<Double> rate) {
        if (rate.isEmpty()) {
            text(row, column, NONE);
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(rate.get());
        cell.setCellStyle(percent);
    }

    /** 是 / 否, or why the question does not arise. */
    static String fullMarks(Measure m) {
        if (m.fullMarksPercent() == null) {
            return "未设满分标准";
        }
        return m.fullMarks().map(ok -> ok ? "是" : "否").orElse("无可考核数据");
    }

    /** ≥95%, or — when the regulations set no full-marks rate. */
    static String fullMarksRule(Measure m) {
        return m.fullMarksPercent() == null ? NONE : "≥" + m.fullMarksPercent() + "%";
    }
}
