package org.creditexchange.report.assessment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditexchange.intake.IntakeService;

/**
 * Writes a unit's monthly assessment workbook (信用信息报送考核), for the unit's clerk: the figures and each measure
 * with its numerator, denominator and whether it earns full marks; the month's batches; rejected rows by reason;
 * the late records. All in Chinese.
 */
final class UnitAssessmentWorkbook {

    static final String RESULT_SHEET = "考核结果";
    static final String BATCH_SHEET = "报送批次";
    static final String REASON_SHEET = "拒绝原因";
    static final String LATE_SHEET = "迟报记录";
    static final String NOTHING_RECEIVED = "本月无报送";
    static final List<String> MEASURE_HEADINGS = List.of("考核指标", "计算方法", "分子", "分母", "比率", "满分标准", "是否满分");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, String> STATUS = Map.of("DONE", "已处理", "REJECTED", "整文件退回",
            "DUPLICATE", "重复文件，未再次入库", "RECEIVED", "待处理", "PROCESSING", "处理中", "FAILED", "处理失败，待重试");

    /** The workbook's file name: {@code 2026-10-信用信息报送考核-<unit>.xlsx}. */
    static String fileName(YearMonth month, String unitCode) {
        return month + "-信用信息报送考核-" + unitCode + ".xlsx";
    }

    /** {@code 2026年10月}. */
    static String monthTitle(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    void write(UnitAssessment a, Path target) throws IOException {
        java.nio.file.Files.createDirectories(target.toAbsolutePath().getParent());
        org.creditexchange.feedback.AtomicFileWrite.write(target, out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Cells cells = new Cells(workbook);
                result(workbook.createSheet(RESULT_SHEET), a, cells);
                batches(workbook.createSheet(BATCH_SHEET), a, cells);
                reasons(workbook.createSheet(REASON_SHEET), a, cells);
                late(workbook.createSheet(LATE_SHEET), a, cells);
                workbook.write(out);
            }
        });
    }

    private static void result(Sheet sheet, UnitAssessment a, Cells cells) {
        int[] widths = {18, 44, 12, 12, 12, 12, 14};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        cells.text(sheet.createRow(0), 0, monthTitle(a.month()) + "信用信息报送考核", cells.title);
        int r = 2;
        r = line(sheet, r, cells, "报送单位", a.unitName() + "（" + a.unitCode() + "）");
        r = line(sheet, r, cells, "考核月份", monthTitle(a.month()) + "（按平台接收时间计，北京时间）");
        r = line(sheet, r, cells, "报送方式", a.deliveryMethods());
        long refused = a.batches().stream().filter(b -> "REJECTED".equals(b.status())).count();
        long duplicates = a.batches().stream().filter(b -> "DUPLICATE".equals(b.status())).count();
        long unfinished = a.batches().stream().filter(b -> !List.of("DONE", "REJECTED", "DUPLICATE").contains(b.status())).count();
        r = count(sheet, r, cells, "报送批次数", a.batches().size());
        r = count(sheet, r, cells, "其中整文件退回", refused);
        r = count(sheet, r, cells, "其中重复文件", duplicates);
        r = count(sheet, r, cells, "其中尚未处理完", unfinished);
        r = count(sheet, r, cells, "接收行数", a.received());
        r = count(sheet, r, cells, "入库行数", a.loaded());
        r = count(sheet, r, cells, "拒绝行数", a.rejected());
        r = count(sheet, r, cells, "迟报记录数", a.lateCount());
        if (a.nothingReceived()) {
            r = line(sheet, r, cells, "说明", NOTHING_RECEIVED);
        }
        r++;
        Row heading = sheet.createRow(r++);
        for (int i = 0; i < MEASURE_HEADINGS.size(); i++) {
            cells.text(heading, i, MEASURE_HEADINGS.get(i), cells.heading);
        }
        for (Measure m : a.measures()) {
            Row row = sheet.createRow(r++);
            cells.text(row, 0, m.title(), cells.label);
            cells.text(row, 1, m.definition());
            cells.number(row, 2, m.numerator());
            cells.number(row, 3, m.denominator());
            cells.rate(row, 4, m.rate());
            cells.text(row, 5, Cells.fullMarksRule(m));
            cells.text(row, 6, Cells.fullMarks(m));
        }
        r++;
        List<String> notes = new java.util.ArrayList<>(List.of(
                "入库率、完整率达到95%为满分；关联率、及时率、前置机报送占比未规定满分标准，供对照改进。",
                "及时率只计首次报送的记录：重复报送未变的记录和更正后的记录不计；决定日期当天不计，报送当天计入。",
                "完整率按接收的全部数据行计算（含被拒绝的行），旧版格式缺少的现行标准数据项也计为应填。"));
        if (a.approximateDelays() > 0) {
            notes.add("及时率中有" + a.approximateDelays() + "条记录的工作日数按周一至周五估算（相应年份缺少节假日安排）。");
        }
        for (int i = 0; i < notes.size(); i++) {
            r = line(sheet, r, cells, i == 0 ? "注" : "", notes.get(i));
        }
    }

    private static void batches(Sheet sheet, UnitAssessment a, Cells cells) {
        List<String> headings = List.of("批次号", "文件名", "信息类别", "接收时间", "报送方式", "处理结果", "接收行数", "入库行数",
                "拒绝行数", "迟报记录数");
        int[] widths = {8, 36, 16, 20, 10, 18, 10, 10, 10, 10};
        header(sheet, headings, widths, cells);
        int r = 1;
        for (UnitAssessment.BatchLine b : a.batches()) {
            Row row = sheet.createRow(r++);
            cells.number(row, 0, b.id());
            cells.text(row, 1, b.fileName());
            cells.text(row, 2, b.itemTitle());
            cells.text(row, 3, TIME.format(b.receivedAt().atZoneSameInstant(IntakeService.ZONE)));
            cells.text(row, 4, b.method().title());
            cells.text(row, 5, STATUS.getOrDefault(b.status(), b.status()));
            cells.number(row, 6, b.received());
            cells.number(row, 7, b.loaded());
            cells.number(row, 8, b.rejected());
            cells.number(row, 9, b.late());
        }
        if (a.batches().isEmpty()) {
            cells.text(sheet.createRow(r), 0, NOTHING_RECEIVED);
        }
    }

    private static void reasons(Sheet sheet, UnitAssessment a, Cells cells) {
        header(sheet, List.of("原因代码", "原因说明", "拒绝行数"), new int[] {30, 36, 10}, cells);
        int r = 1;
        for (UnitAssessment.ReasonCount c : a.rowReasons()) {
            r = reason(sheet, r, c, cells);
        }
        if (a.rowReasons().isEmpty()) {
            cells.text(sheet.createRow(r++), 0, "本月无被拒绝的数据行");
        }
        if (!a.fileReasons().isEmpty()) {
            r++;
            Row heading = sheet.createRow(r++);
            List<String> titles = List.of("整文件退回原因代码", "原因说明", "文件数");
            for (int i = 0; i < titles.size(); i++) {
                cells.text(heading, i, titles.get(i), cells.heading);
            }
            for (UnitAssessment.ReasonCount c : a.fileReasons()) {
                r = reason(sheet, r, c, cells);
            }
        }
    }

    private static int reason(Sheet sheet, int r, UnitAssessment.ReasonCount c, Cells cells) {
        Row row = sheet.createRow(r);
        cells.text(row, 0, c.code());
        cells.text(row, 1, c.title());
        cells.number(row, 2, c.count());
        return r + 1;
    }

    private static void late(Sheet sheet, UnitAssessment a, Cells cells) {
        header(sheet, List.of("批次号", "行号", "信息类别", "决定日期", "接收日期", "相隔工作日数", "备注"),
                new int[] {8, 8, 16, 12, 12, 12, 30}, cells);
        int r = 1;
        for (UnitAssessment.LateRecord l : a.lateRecords()) {
            Row row = sheet.createRow(r++);
            cells.number(row, 0, l.batchId());
            cells.number(row, 1, l.rowNumber());
            cells.text(row, 2, l.itemTitle());
            cells.text(row, 3, l.decisionDate().toString());
            cells.text(row, 4, l.receivedOn().toString());
            cells.number(row, 5, l.workingDays());
            cells.text(row, 6, l.approximate() ? "按周一至周五估算" : "");
        }
        if (a.lateRecords().isEmpty()) {
            cells.text(sheet.createRow(r), 0, "本月无迟报记录");
        } else if (a.lateCount() > a.lateRecords().size()) {
            cells.text(sheet.createRow(r), 0, "共" + a.lateCount() + "条迟报记录，此处列出前" + a.lateRecords().size() + "条");
        }
    }

    private static void header(Sheet sheet, List<String> headings, int[] widths, Cells cells) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < headings.size(); i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
            cells.text(row, i, headings.get(i), cells.heading);
        }
        sheet.createFreezePane(0, 1);
    }

    private static int line(Sheet sheet, int r, Cells cells, String label, String value) {
        Row row = sheet.createRow(r);
        cells.text(row, 0, label, cells.label);
        cells.text(row, 1, value);
        return r + 1;
    }

    private static int count(Sheet sheet, int r, Cells cells, String label, long value) {
        Row row = sheet.createRow(r);
        cells.text(row, 0, label, cells.label);
        cells.number(row, 1, value);
        return r + 1;
    }
}
