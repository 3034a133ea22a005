package org.creditexchange.ingest.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns a numeric spreadsheet cell into the text the clerk typed, shared by the XLSX and XLS readers
 * so both formats read the same way.
 *
 * <p>Excel's own display is the wrong target for the General format: it shows a typed registration
 * number 110105491231002 as {@code 1.10105E+14}. General and text ({@code @}) formats therefore give
 * the plain decimal number; date formats give ISO dates, because the display pattern
 * ({@code yyyy"年"m"月"d"日"}, {@code [$-F800]}, {@code m/d/yy}) depends on the clerk's locale and is
 * not a value; any other explicit format gives {@link DataFormatter}'s displayed text.
 */
public final class ClerkCellFormatter extends DataFormatter {

    /** Excel keeps 15 significant digits; rounding there hides binary noise such as 0.30000000000000004. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A formatter whose explicit number formats use Chinese (mainland) symbols, whatever the JVM locale. */
    public ClerkCellFormatter() {
        super(Locale.CHINA);
    }

    /**
     * Formats a raw numeric cell value.
     *
     * @param value        the stored double
     * @param formatIndex  the number format id from the cell style
     * @param formatString the number format pattern; null or {@code General} means no explicit format
     * @return the text, never null
     */
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
        return formatRawCellContents(value, formatIndex, formatString, false);
    }

    /**
     * Formats a raw numeric cell value.
     *
     * @param value             the stored double
     * @param formatIndex       the number format id from the cell style
     * @param formatString      the number format pattern; null or {@code General} means no explicit format
     * @param use1904Windowing  whether the workbook counts dates from 1904 (old Mac workbooks)
     * @return the text, never null
     */
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString,
                                        boolean use1904Windowing) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        if (isGeneralOrText(formatIndex, formatString)) {
            return plainNumber(value);
        }
        if (DateUtil.isADateFormat(formatIndex, formatString)) {
            if (DateUtil.isValidExcelDate(value)) {
                return isoDate(value, formatString, use1904Windowing);
            }
            // A negative "date" shows as #### in Excel; the number is the only honest text.
            return plainNumber(value);
        }
        return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }

    /**
     * The plain decimal form of a number as typed: no exponent, no trailing zeros.
     *
     * @param value a finite double
     * @return e.g. {@code "1"} for 1.0, {@code "110105491231002"}, {@code "0.2"}, {@code "100"}
     */
    public static String plainNumber(double value) {
        if (value == 0) {
            return "0"; // also folds -0.0, which BigDecimal would keep as "0.0"-like noise
        }
        return new BigDecimal(Double.toString(value))
                .round(EXCEL_PRECISION)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static boolean isGeneralOrText(int formatIndex, String formatString) {
        if (formatString == null || formatString.isBlank()) {
            return formatIndex == 0 || formatIndex == 49;
        }
        String f = formatString.trim();
        return f.equalsIgnoreCase("General") || f.equals("@") || f.equals("通用格式") || f.equals("G/通用格式");
    }

    private static boolean isTimeOnly(String formatString) {
        if (formatString == null) {
            return false;
        }
        String f = formatString.toLowerCase(Locale.ROOT);
        return f.indexOf('y') < 0 && f.indexOf('d') < 0 && f.indexOf('e') < 0;
    }

    private static String isoDate(double value, String formatString, boolean use1904Windowing) {
        LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing, true);
        if (value < 1 && isTimeOnly(formatString)) {
            // A pure time of day (h:mm) would otherwise show Excel's day zero, 1899-12-31.
            return at.toLocalTime().format(TIME);
        }
        if (at.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return at.format(DATE);
        }
        return at.format(DATE_TIME);
    }
}
