package org.creditexchange.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes 行政处罚 fixture files as clerks make them: a merged title row above the header, real typed cells. */
public final class FixtureFiles {

    private FixtureFiles() {
    }

    /** An XLSX with a merged title row, a blank row, the header (row 3) and the rows (from row 4). */
    public static Path penaltyXlsx(Path file, List<PenaltyRows> rows) throws IOException {
        return workbook(new XSSFWorkbook(), file, rows, false);
    }

    /** The same, with an instructions sheet (填表说明) before the data sheet, as many templates have. */
    public static Path penaltyXlsxAfterInstructions(Path file, List<PenaltyRows> rows) throws IOException {
        return workbook(new XSSFWorkbook(), file, rows, true);
    }

    /** The same as an Excel 97-2003 .xls. */
    public static Path penaltyXls(Path file, List<PenaltyRows> rows) throws IOException {
        return workbook(new HSSFWorkbook(), file, rows, false);
    }

    private static Path workbook(Workbook wb, Path file, List<PenaltyRows> rows, boolean instructionsFirst) throws IOException {
        try (wb) {
            if (instructionsFirst) {
                Sheet help = wb.createSheet("填表说明");
                help.createRow(0).createCell(0).setCellValue("1. 带*的为必填项。");
                help.createRow(1).createCell(0).setCellValue("2. 罚款金额单位为万元。");
            }
            Sheet s = wb.createSheet("行政处罚");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            s.createRow(0).createCell(0).setCellValue("测试区市场监督管理局行政处罚信息报送表");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, PenaltyRows.TITLES.size() - 1));
            Row header = s.createRow(2);
            for (int i = 0; i < PenaltyRows.TITLES.size(); i++) {
                header.createCell(i).setCellValue(PenaltyRows.TITLES.get(i));
            }
            int r = 3;
            for (PenaltyRows row : rows) {
                Row x = s.createRow(r++);
                List<Object> cells = row.cells();
                for (int i = 0; i < cells.size(); i++) {
                    Object v = cells.get(i);
                    if (v == null || "".equals(v)) {
                        continue;
                    }
                    Cell c = x.createCell(i);
                    if (v instanceof Double d) {
                        c.setCellValue(d);
                    } else if (v instanceof LocalDate d) {
                        c.setCellValue(d);
                        c.setCellStyle(date);
                    } else {
                        c.setCellValue(v.toString());
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    /** A CSV in {@code charset} with a title line above the header; values as a clerk's office system exports them. */
    public static Path penaltyCsv(Path file, Charset charset, List<PenaltyRows> rows) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(file, charset), CSVFormat.DEFAULT)) {
            csv.printRecord("测试区市场监督管理局行政处罚信息");
            csv.printRecord(PenaltyRows.TITLES);
            for (PenaltyRows row : rows) {
                List<String> cells = new ArrayList<>();
                for (Object v : row.cells()) {
                    cells.add(v instanceof Double d ? java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                            : v instanceof LocalDate d ? d.toString().replace('-', '/') : String.valueOf(v));
                }
                csv.printRecord(cells);
            }
        }
        return file;
    }
}
