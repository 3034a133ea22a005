package org.creditexchange.ops.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.catalog.code.OrgCodeCheckDigit;
import org.creditexchange.catalog.code.UsccCheckDigit;

/**
 * Synthetic 行政处罚 rows with valid codes, under the item's standard titles: row {@code i} concerns organisation
 * {@code i % subjects} of a synthetic registry, has a unique decision number, and is made invalid (a USCC with a
 * wrong check digit, a missing required field, or an impossible date, in turn) for {@code invalidPercent} percent of
 * rows, spread evenly. The same arguments always give the same rows.
 */
public final class SyntheticPenalties {

    /** The authority of every row (a valid USCC). */
    static final String AUTHORITY_CODE = "113301060025000178";
    static final String AUTHORITY = "合成区市场监督管理局";

    private final CatalogItemDefinition item;
    private final int subjects;
    private final double invalidPercent;

    public SyntheticPenalties(CatalogItemDefinition item, int subjects, double invalidPercent) {
        if (subjects < 1 || invalidPercent < 0 || invalidPercent > 100) {
            throw new IllegalArgumentException("subjects >= 1 and 0 <= invalid percent <= 100");
        }
        this.item = item;
        this.subjects = subjects;
        this.invalidPercent = invalidPercent;
    }

    /** The header: the item's field titles in catalog order. */
    public List<String> titles() {
        return item.fields().stream().map(FieldDefinition::title).toList();
    }

    /** Whether row {@code i} is one of the invalid ones (evenly spread, exactly floor(n × P / 100) of the first n). */
    public boolean invalid(long i) {
        return Math.floor((i + 1) * invalidPercent / 100.0) > Math.floor(i * invalidPercent / 100.0);
    }

    /** The cells of row {@code i} (0-based) in title order; {@code ""} for an empty cell. */
    public List<String> row(long i) {
        int s = (int) (i % subjects);
        List<String> cells = new ArrayList<>(item.fields().size());
        boolean bad = invalid(i);
        int defect = (int) (i % 3);
        for (FieldDefinition f : item.fields()) {
            String v = switch (f.key()) {
                case "subject-name" -> name(s);
                case "subject-category" -> "法人及非法人组织";
                case "uscc" -> bad && defect == 0 ? brokenUscc(s) : uscc(s);
                case "legal-representative" -> "王明";
                case "decision-number" -> "合成市监罚〔2026〕" + (i + 1) + "号";
                case "violation-type" -> "虚假宣传";
                case "violation-facts" -> bad && defect == 1 ? "" : "发布虚假广告，违法所得" + (i % 97 + 1) + "千元";
                case "legal-basis" -> "《中华人民共和国广告法》第五十五条";
                case "penalty-category" -> "罚款";
                case "penalty-content" -> "罚款" + (i % 50 + 1) + "千元";
                case "fine-amount" -> String.valueOf((i % 50 + 1) / 10.0);
                case "decision-date" -> bad && defect == 2 ? "2026-02-30" : date(i).toString();
                case "valid-until" -> date(i).plusYears(1).toString();
                case "authority", "source-unit" -> AUTHORITY;
                case "authority-code", "source-unit-code" -> AUTHORITY_CODE;
                default -> "";
            };
            cells.add(v);
        }
        return cells;
    }

    /** A decision date in 2025, spread over the year. */
    private static LocalDate date(long i) {
        return LocalDate.of(2025, 1, 1).plusDays(i % 365);
    }

    /** The 组织机构代码 of subject {@code s}: body {@code M} + 7 digits, then its check character. */
    static String orgCode(int s) {
        String body = "M" + String.format("%07d", s);
        return body + OrgCodeCheckDigit.checkChar(body);
    }

    /** The valid USCC of subject {@code s} (region 330100, its org code at positions 9–17). */
    static String uscc(int s) {
        String first17 = "91330100" + orgCode(s);
        return first17 + UsccCheckDigit.checkChar(first17);
    }

    private static String brokenUscc(int s) {
        String good = uscc(s);
        char last = good.charAt(17);
        return good.substring(0, 17) + (last == '0' ? '1' : '0');
    }

    static String name(int s) {
        return "合成企业" + s + "有限公司";
    }

    /** Writes rows {@code [0, n)} as a UTF-8 CSV under the standard titles. */
    public void writeCsv(Path file, long n) throws IOException {
        writeCsv(file, n, false);
    }

    /** Writes rows {@code [0, n)}, in reverse order when {@code reversed} (the same records, other bytes). */
    public void writeCsv(Path file, long n, boolean reversed) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            csv.printRecord(titles());
            for (long k = 0; k < n; k++) {
                csv.printRecord(row(reversed ? n - 1 - k : k));
            }
        }
    }

    /** Writes rows {@code [from, to)} as a UTF-8 CSV under the standard titles (rows of other keys than {@code [0, from)}). */
    public void writeCsv(Path file, long from, long to) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            csv.printRecord(titles());
            for (long k = from; k < to; k++) {
                csv.printRecord(row(k));
            }
        }
    }

    /** Writes rows {@code [0, n)} as an XLSX workbook, streaming (bounded memory whatever n). */
    public void writeXlsx(Path file, long n, boolean reversed) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            wb.setCompressTempFiles(true);
            Sheet sheet = wb.createSheet(item.title());
            write(sheet.createRow(0), titles());
            for (long k = 0; k < n; k++) {
                write(sheet.createRow((int) k + 1), row(reversed ? n - 1 - k : k));
            }
            wb.write(out);
            wb.dispose();
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (!cells.get(c).isEmpty()) {
                row.createCell(c).setCellValue(cells.get(c));
            }
        }
    }

    /** Writes the registry extract of the subjects (企业名称, 统一社会信用代码), as {@code import-registry} reads it. */
    public void writeRegistry(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            csv.printRecord("企业名称", "统一社会信用代码");
            for (int s = 0; s < subjects; s++) {
                csv.printRecord(name(s), uscc(s));
            }
        }
    }
}
