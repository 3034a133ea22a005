package org.creditexchange.report.assessment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the operators' summary of a month's assessment (考核汇总): one row per unit with its figures and measures,
 * and on a second sheet one bar chart per measure comparing the units.
 */
final class AssessmentSummaryWorkbook {

    static final String TABLE_SHEET = "考核汇总";
    static final String CHART_SHEET = "图表";
    /** Columns of the table, in order; the measures' rates sit in {@link #FIRST_RATE_COLUMN} onwards. */
    static final List<String> HEADINGS = List.of("单位代码", "单位名称", "报送方式", "报送批次数", "接收行数", "入库行数",
            "拒绝行数", "迟报记录数", "入库率", "完整率", "关联率", "及时率", "前置机报送占比", "已填写应填数据项", "应填数据项",
            "关联到主体库的记录", "有决定日期的首次报送", "按时首次报送", "经前置机报送的批次", "说明");
    static final int FIRST_RATE_COLUMN = 8;
    /** The table's heading row (a title row above it). */
    static final int HEADING_ROW = 1;
    private static final int CHART_HEIGHT_ROWS = 20;

    /** The summary's file name: {@code 2026-10-考核汇总.xlsx}. */
    static String fileName(YearMonth month) {
        return month + "-考核汇总.xlsx";
    }

    void write(YearMonth month, List<UnitAssessment> units, Path target) throws IOException {
        java.nio.file.Files.createDirectories(target.toAbsolutePath().getParent());
        org.creditexchange.feedback.AtomicFileWrite.write(target, out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Cells cells = new Cells(workbook);
                XSSFSheet table = workbook.createSheet(TABLE_SHEET);
                table(table, month, units, cells);
                XSSFSheet charts = workbook.createSheet(CHART_SHEET);
                if (!units.isEmpty()) {
                    List<Measure> measures = units.get(0).measures();
                    for (int i = 0; i < measures.size(); i++) {
                        chart(charts, table, measures.get(i).title(), FIRST_RATE_COLUMN + i, units.size(), i);
                    }
                }
                workbook.write(out);
            }
        });
    }

    private static void table(XSSFSheet sheet, YearMonth month, List<UnitAssessment> units, Cells cells) {
        cells.text(sheet.createRow(0), 0, UnitAssessmentWorkbook.monthTitle(month) + "信用信息报送考核汇总"
                + "（入库率、完整率≥95%为满分）", cells.title);
        Row heading = sheet.createRow(HEADING_ROW);
        for (int i = 0; i < HEADINGS.size(); i++) {
            sheet.setColumnWidth(i, (i == 1 || i == HEADINGS.size() - 1 ? 30 : 11) * 256);
            cells.text(heading, i, HEADINGS.get(i), cells.heading);
        }
        sheet.createFreezePane(2, HEADING_ROW + 1);
        int r = HEADING_ROW + 1;
        for (UnitAssessment a : units) {
            Row row = sheet.createRow(r++);
            cells.text(row, 0, a.unitCode());
            cells.text(row, 1, a.unitName());
            cells.text(row, 2, a.deliveryMethods());
            cells.number(row, 3, a.batches().size());
            cells.number(row, 4, a.received());
            cells.number(row, 5, a.loaded());
            cells.number(row, 6, a.rejected());
            cells.number(row, 7, a.lateCount());
            List<Measure> measures = a.measures();
            for (int i = 0; i < measures.size(); i++) {
                // A unit that sent nothing scores 0; a measure with nothing to measure stays empty (—).
                cells.rate(row, FIRST_RATE_COLUMN + i, a.nothingReceived() ? java.util.Optional.of(0.0) : measures.get(i).rate());
            }
            int c = FIRST_RATE_COLUMN + measures.size();
            cells.number(row, c++, a.completeness().numerator());
            cells.number(row, c++, a.completeness().denominator());
            cells.number(row, c++, a.linkRate().numerator());
            cells.number(row, c++, a.timeliness().denominator());
            cells.number(row, c++, a.timeliness().numerator());
            cells.number(row, c++, a.frontEnd().numerator());
            cells.text(row, c, remark(a));
        }
    }

    /** 本月无报送, or the measures that miss full marks. */
    static String remark(UnitAssessment a) {
        if (a.nothingReceived()) {
            return UnitAssessmentWorkbook.NOTHING_RECEIVED;
        }
        List<String> missed = new ArrayList<>();
        for (Measure m : a.measures()) {
            if (m.fullMarks().filter(ok -> !ok).isPresent()) {
                missed.add(m.title());
            }
        }
        return missed.isEmpty() ? "" : String.join("、", missed) + "未达满分";
    }

    /** A bar chart of one rate column, one bar per unit (named by column 1), placed {@code index}-th on the sheet. */
    private static void chart(XSSFSheet on, XSSFSheet data, String title, int column, int units, int index) {
        XSSFDrawing drawing = on.createDrawingPatriarch();
        int top = index * CHART_HEIGHT_ROWS;
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, 12, top + CHART_HEIGHT_ROWS - 1);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis unitAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis rateAxis = chart.createValueAxis(AxisPosition.LEFT);
        rateAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        // Bars stand between the category marks, not centred on the axis edges.
        rateAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        rateAxis.setMinimum(0);
        rateAxis.setMaximum(1);
        rateAxis.setNumberFormat("0%");
        int first = HEADING_ROW + 1;
        int last = HEADING_ROW + units;
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(data,
                new CellRangeAddress(first, last, 1, 1));
        XDDFNumericalDataSource<Double> rates = XDDFDataSourcesFactory.fromNumericCellRange(data,
                new CellRangeAddress(first, last, column, column));
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, unitAxis, rateAxis);
        bars.setBarDirection(BarDirection.COL);
        bars.setVaryColors(false);
        XDDFChartData.Series series = bars.addSeries(names, rates);
        series.setTitle(title, new CellReference(data.getSheetName(), HEADING_ROW, column, true, true));
        chart.plot(bars);
    }
}
