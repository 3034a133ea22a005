package org.creditexchange.ingest.read;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes test workbooks (XLSX or XLS alike) from rows of plain values, so each test states its
 * scenario as data. In a row, {@code null} leaves the cell out; an empty row leaves the row out.
 */
final class WorkbookFixture {

    /** A value shown with an explicit number format, e.g. a date or {@code 0.00}. */
    record Formatted(Object value, String format) {
    }

    /** A value shown with a built-in format id, e.g. 14 for Excel's default short date. */
    record BuiltinFormatted(Object value, int formatId) {
    }

    /** A formula; its cached result is computed before saving. */
    record Formula(String formula) {
    }

    /** An error cell such as {@code #DIV/0!}. */
    record Error(FormulaError error) {
    }

    private WorkbookFixture() {
    }

    /** Fills the first sheet: row i of {@code rows} is sheet row i + 1. */
    static <W extends Workbook> W fill(W workbook, List<List<Object>> rows) {
        return fill(workbook, workbook.createSheet("数据"), rows, 0);
    }

    /**
     * Fills a sheet, merging the first row across {@code mergedTitleWidth} columns when above 1.
     */
    static <W extends Workbook> W fill(W workbook, Sheet sheet, List<List<Object>> rows, int mergedTitleWidth) {
        for (int r = 0; r < rows.size(); r++) {
            List<Object> values = rows.get(r);
            if (values.isEmpty()) {
                continue;
            }
            Row row = sheet.createRow(r);
            for (int c = 0; c < values.size(); c++) {
                if (values.get(c) != null) {
                    set(workbook, row.createCell(c), values.get(c));
                }
            }
        }
        if (mergedTitleWidth > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, mergedTitleWidth - 1));
        }
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        return workbook;
    }

    static Path save(Workbook workbook, Path file) throws IOException {
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    private static void set(Workbook workbook, Cell cell, Object value) {
        if (value instanceof Formatted f) {
            set(workbook, cell, f.value());
            cell.setCellStyle(style(workbook, workbook.createDataFormat().getFormat(f.format())));
        } else if (value instanceof BuiltinFormatted f) {
            set(workbook, cell, f.value());
            cell.setCellStyle(style(workbook, (short) f.formatId()));
        } else if (value instanceof Formula f) {
            cell.setCellFormula(f.formula());
        } else if (value instanceof Error e) {
            cell.setCellErrorValue(e.error().getCode());
        } else if (value instanceof String s) {
            cell.setCellValue(s);
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof LocalDateTime t) {
            cell.setCellValue(t);
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
        } else {
            throw new IllegalArgumentException("no fixture cell for " + value);
        }
    }

    private static CellStyle style(Workbook workbook, short format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(format);
        return style;
    }
}
