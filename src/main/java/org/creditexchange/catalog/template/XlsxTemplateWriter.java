package org.creditexchange.catalog.template;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditexchange.catalog.Catalog;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.FieldDefinition;

/**
 * Writes the clerk's template of a catalog item as an XLSX workbook (POI XSSF, a few tens of KB):
 *
 * <ul>
 *   <li>sheet 1, named after the item's title: row 1 the standard titles in catalog order, required ones marked
 *       with a leading {@code *} (header recognition ignores it), bold on a fill, frozen, each with a comment giving
 *       the type and format; below it, for {@value #DATA_ROWS} rows, a drop-down of the code table's canonical
 *       values on every code column (inline, or a range on the hidden sheet {@value #CODES_SHEET} when the list is
 *       longer than {@value #INLINE_LIST_LIMIT} characters), a date check on date columns, a non-negative number
 *       check on decimal columns and a length check on text columns with a maximum length. Column styles make date
 *       columns {@code yyyy-mm-dd}, decimal columns a number and every other column text ({@code @}), so Excel never
 *       turns an 18-digit code into 1.1E+17 or drops a leading zero;</li>
 *   <li>sheet 2, {@value #INSTRUCTIONS_SHEET}: general notes, one line per field (序号, 字段, 是否必填, 类型与格式,
 *       可选值), then every required-if, check-if and cross-field rule in plain Chinese ({@link RuleDescriptions}).</li>
 * </ul>
 */
public final class XlsxTemplateWriter {

    /** Rows below the header that get drop-downs and checks. */
    public static final int DATA_ROWS = 5000;
    /** Excel's limit on an inline list (the characters of the comma-joined values). */
    public static final int INLINE_LIST_LIMIT = 255;
    /** The instructions sheet. */
    public static final String INSTRUCTIONS_SHEET = "填表说明";
    /** The hidden sheet holding code lists too long for an inline drop-down. */
    public static final String CODES_SHEET = "代码值";
    /** The date format of date columns. */
    public static final String DATE_FORMAT = "yyyy-mm-dd";
    /** The number format of decimal columns. */
    public static final String DECIMAL_FORMAT = "0.00####";
    /** The text format of every other column. */
    public static final String TEXT_FORMAT = "@";

    private static final int MAX_COLUMN_WIDTH = 60;

    private final Catalog catalog;

    /** @param catalog the loaded catalog (for code tables) */
    public XlsxTemplateWriter(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The default file name: {@code <item title>-报送模板.xlsx}. */
    public static String defaultFileName(CatalogItemDefinition item) {
        return item.title() + "-报送模板.xlsx";
    }

    /** The header text of a field: its standard title, with a leading {@code *} when it is required. */
    public static String headerTitle(FieldDefinition f) {
        return f.required() ? "*" + f.title() : f.title();
    }

    /**
     * Writes the template to {@code file} (parent folders created), replacing it atomically: a reader never sees
     * half a workbook.
     *
     * @return the absolute path written
     */
    public Path write(CatalogItemDefinition item, Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".cx-template-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(item, out);
            }
            readableByOthers(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /** createTempFile makes an owner-only file; a template is handed out, so it gets the usual rw-r--r--. */
    private static void readableByOthers(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes the template to {@code out}, which stays open. */
    public void write(CatalogItemDefinition item, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            FieldHints hints = new FieldHints(catalog, item);
            RuleDescriptions rules = new RuleDescriptions(item);
            Sheet data = wb.createSheet(WorkbookUtil.createSafeSheetName(item.title()));
            Sheet help = wb.createSheet(INSTRUCTIONS_SHEET);
            CodeLists lists = new CodeLists(wb);
            writeDataSheet(data, item, hints, rules, styles, lists);
            writeInstructions(help, item, hints, rules, styles);
            lists.hide();
            wb.setActiveSheet(0);
            wb.setFirstVisibleTab(0);
            wb.write(out);
        }
    }

    private void writeDataSheet(Sheet sheet, CatalogItemDefinition item, FieldHints hints, RuleDescriptions rules,
                                Styles styles, CodeLists lists) {
        CreationHelper factory = sheet.getWorkbook().getCreationHelper();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        DataValidationHelper dv = sheet.getDataValidationHelper();
        Row header = sheet.createRow(0);
        header.setHeightInPoints(32);
        List<FieldDefinition> fields = item.fields();
        for (int col = 0; col < fields.size(); col++) {
            FieldDefinition f = fields.get(col);
            Cell cell = header.createCell(col);
            cell.setCellValue(headerTitle(f));
            cell.setCellStyle(f.required() ? styles.requiredHeader : styles.header);

            ClientAnchor anchor = factory.createClientAnchor();
            anchor.setCol1(col);
            anchor.setCol2(col + 3);
            anchor.setRow1(0);
            anchor.setRow2(6);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(factory.createRichTextString(commentText(f, hints, rules)));
            comment.setAuthor("credit-exchange");
            cell.setCellComment(comment);

            sheet.setColumnWidth(col, columnWidth(f) * 256);
            sheet.setDefaultColumnStyle(col, switch (f.type()) {
                case DATE -> styles.date;
                case DECIMAL -> styles.decimal;
                default -> styles.text;
            });
            DataValidation validation = validation(dv, f, hints, lists, new CellRangeAddressList(1, DATA_ROWS, col, col));
            if (validation != null) {
                sheet.addValidationData(validation);
            }
        }
        sheet.createFreezePane(0, 1);
    }

    private static String commentText(FieldDefinition f, FieldHints hints, RuleDescriptions rules) {
        StringBuilder s = new StringBuilder(f.title()).append("（").append(rules.requiredText(f)).append("）\n")
                .append(hints.typeAndFormat(f));
        String values = hints.allowedValues(f);
        if (!values.isEmpty()) {
            s.append("\n可选值：").append(values);
        }
        return s.toString();
    }

    private static int columnWidth(FieldDefinition f) {
        int width = displayWidth(headerTitle(f)) + 4;
        int minimum = switch (f.type()) {
            case USCC, ID_NUMBER -> 22;
            case DATE -> 14;
            case CODE, DECIMAL, ORG_CODE, REG_NUMBER -> 16;
            case TEXT -> 12;
        };
        return Math.min(MAX_COLUMN_WIDTH, Math.max(minimum, width));
    }

    /** Characters as Excel measures them: CJK and full-width forms count two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += cp >= 0x1100 && (cp <= 0x115F || cp >= 0x2E80) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private DataValidation validation(DataValidationHelper dv, FieldDefinition f, FieldHints hints, CodeLists lists,
                                      CellRangeAddressList range) {
        DataValidation v;
        switch (f.type()) {
            case CODE -> {
                List<String> values = hints.listValues(f);
                if (values.isEmpty()) {
                    return null;
                }
                DataValidationConstraint c = fitsInline(values)
                        ? dv.createExplicitListConstraint(values.toArray(String[]::new))
                        : dv.createFormulaListConstraint(lists.rangeName(f.codeTable(), values));
                v = dv.createValidation(c, range);
                if (hints.freeFormCode(f)) {
                    // Several values joined with ";" or "其他-…" are not in the list: warn, let the clerk keep them.
                    v.setErrorStyle(DataValidation.ErrorStyle.WARNING);
                    v.createErrorBox("不在下拉列表中",
                            truncate(f.title() + "的值不在下拉列表中。" + (f.multiValue() ? "多个值请用英文分号“;”分隔。" : "")
                                    + (hints.otherPrefix(f) != null ? "列表以外的情形请填写“" + hints.otherPrefix(f)
                                    + "”加具体名称。" : "") + "确认无误请点“是”。", 255));
                } else {
                    v.setErrorStyle(DataValidation.ErrorStyle.STOP);
                    v.createErrorBox("代码值无效", truncate("请从下拉列表中选择" + f.title() + "。", 255));
                }
                v.createPromptBox(truncate(f.title(), 32), truncate(hints.typeAndFormat(f), 255));
                v.setShowPromptBox(true);
            }
            case DATE -> {
                v = dv.createValidation(dv.createDateConstraint(OperatorType.BETWEEN, "DATE(1900,1,1)",
                        "DATE(2099,12,31)", null), range);
                v.setErrorStyle(DataValidation.ErrorStyle.STOP);
                v.createErrorBox("日期无效", "请填写1900-01-01至2099-12-31之间的有效日期，格式如2026-03-05。");
            }
            case DECIMAL -> {
                v = dv.createValidation(dv.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null), range);
                v.setErrorStyle(DataValidation.ErrorStyle.STOP);
                v.createErrorBox("数字无效", hints.inTenThousandYuan(f)
                        ? "请填写不小于0的数字，单位为万元（2000元填写0.2）。" : "请填写不小于0的数字。");
            }
            case TEXT -> {
                if (f.maxLength() <= 0) {
                    return null;
                }
                v = dv.createValidation(dv.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL,
                        String.valueOf(f.maxLength()), null), range);
                v.setErrorStyle(DataValidation.ErrorStyle.STOP);
                v.createErrorBox("内容过长", truncate(f.title() + "不能超过" + f.maxLength() + "个字。", 255));
            }
            default -> {
                return null;
            }
        }
        v.setShowErrorBox(true);
        v.setEmptyCellAllowed(true);
        return v;
    }

    /** An inline list is the values joined with commas, at most 255 characters, and no value may hold a comma. */
    static boolean fitsInline(List<String> values) {
        int length = values.stream().mapToInt(String::length).sum() + Math.max(0, values.size() - 1);
        return length <= INLINE_LIST_LIMIT && values.stream().noneMatch(v -> v.contains(",") || v.contains("\""));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private void writeInstructions(Sheet sheet, CatalogItemDefinition item, FieldHints hints, RuleDescriptions rules,
                                   Styles styles) {
        int[] widths = {8, 40, 40, 56, 56};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        int r = 0;
        Row title = sheet.createRow(r++);
        text(title, 0, "“" + item.title() + "”报送模板填表说明", styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, widths.length - 1));
        String dataSheet = WorkbookUtil.createSafeSheetName(item.title());
        List<String> notes = List.of(
                "请在“" + dataSheet + "”工作表第1行表头下方逐行填写，每行一条记录；请勿修改或删除表头，也不要调整列的顺序。",
                "表头带“*”的为必填项；条件必填项见下表“是否必填”一栏。将鼠标移到表头上可查看该列的填写要求。",
                "日期请填写为真实日期，格式为yyyy-mm-dd（如2026-03-05）；代码项请从下拉列表中选择。",
                "统一社会信用代码、证件号码等列已设为文本格式，请勿改为数值格式，以免18位代码变为科学计数法或丢失开头的0。",
                "前" + DATA_ROWS + "行已设置下拉列表和填写校验；数据较多时请分多个文件报送。");
        for (int i = 0; i < notes.size(); i++) {
            Row row = sheet.createRow(r++);
            text(row, 0, (i + 1) + ".", styles.wrap);
            text(row, 1, notes.get(i), styles.wrap);
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 1, widths.length - 1));
        }
        r++;
        Row heading = sheet.createRow(r++);
        String[] columns = {"序号", "字段", "是否必填", "类型与格式", "可选值"};
        for (int i = 0; i < columns.length; i++) {
            text(heading, i, columns[i], styles.header);
        }
        int n = 1;
        for (FieldDefinition f : item.fields()) {
            Row row = sheet.createRow(r++);
            text(row, 0, String.valueOf(n++), styles.wrap);
            text(row, 1, f.title(), styles.wrap);
            text(row, 2, rules.requiredText(f), styles.wrap);
            text(row, 3, hints.typeAndFormat(f), styles.wrap);
            text(row, 4, hints.allowedValues(f), styles.wrap);
        }
        List<String> sentences = rules.all();
        if (!sentences.isEmpty()) {
            r++;
            Row ruleHeading = sheet.createRow(r++);
            text(ruleHeading, 0, "序号", styles.header);
            text(ruleHeading, 1, "填写规则（不符合的数据将被退回或给出警告）", styles.header);
            sheet.addMergedRegion(new CellRangeAddress(ruleHeading.getRowNum(), ruleHeading.getRowNum(), 1,
                    widths.length - 1));
            n = 1;
            for (String sentence : sentences) {
                Row row = sheet.createRow(r++);
                text(row, 0, String.valueOf(n++), styles.wrap);
                text(row, 1, sentence, styles.wrap);
                sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 1, widths.length - 1));
            }
        }
        sheet.createFreezePane(0, 1);
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    /** The hidden sheet of code lists too long to be inline, one column and one workbook name per code table. */
    private static final class CodeLists {
        private final XSSFWorkbook wb;
        private final Map<String, String> names = new LinkedHashMap<>();
        private Sheet sheet;

        CodeLists(XSSFWorkbook wb) {
            this.wb = wb;
        }

        String rangeName(String table, List<String> values) {
            return names.computeIfAbsent(table, t -> {
                if (sheet == null) {
                    sheet = wb.createSheet(CODES_SHEET);
                }
                int col = names.size();
                if (col >= SpreadsheetVersion.EXCEL2007.getMaxColumns()) {
                    throw new IllegalStateException("too many code lists");
                }
                Row head = row(0);
                head.createCell(col).setCellValue(t);
                for (int i = 0; i < values.size(); i++) {
                    row(i + 1).createCell(col).setCellValue(values.get(i));
                }
                String letter = CellReference.convertNumToColString(col);
                Name name = wb.createName();
                String nameName = "CX_CODES_" + t.replaceAll("[^A-Za-z0-9_]", "_");
                name.setNameName(nameName);
                name.setRefersToFormula("'" + CODES_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (values.size() + 1));
                return nameName;
            });
        }

        private Row row(int r) {
            Row row = sheet.getRow(r);
            return row != null ? row : sheet.createRow(r);
        }

        void hide() {
            if (sheet != null) {
                wb.setSheetVisibility(wb.getSheetIndex(sheet), SheetVisibility.HIDDEN);
            }
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle requiredHeader;
        final CellStyle title;
        final CellStyle wrap;
        final CellStyle text;
        final CellStyle date;
        final CellStyle decimal;

        Styles(XSSFWorkbook wb) {
            DataFormat format = wb.createDataFormat();
            Font bold = wb.createFont();
            bold.setBold(true);
            Font boldRed = wb.createFont();
            boldRed.setBold(true);
            boldRed.setColor(IndexedColors.DARK_RED.getIndex());
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);

            header = headerStyle(wb, bold, format);
            requiredHeader = headerStyle(wb, boldRed, format);
            title = wb.createCellStyle();
            title.setFont(big);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            text = wb.createCellStyle();
            text.setDataFormat(format.getFormat(TEXT_FORMAT));
            date = wb.createCellStyle();
            date.setDataFormat(format.getFormat(DATE_FORMAT));
            decimal = wb.createCellStyle();
            decimal.setDataFormat(format.getFormat(DECIMAL_FORMAT));
        }

        private static CellStyle headerStyle(XSSFWorkbook wb, Font font, DataFormat format) {
            CellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setFillForegroundColor(IndexedColors.LIGHT_TURQUOISE.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            s.setAlignment(HorizontalAlignment.CENTER);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setWrapText(true);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setDataFormat(format.getFormat(TEXT_FORMAT));
            return s;
        }
    }
}
