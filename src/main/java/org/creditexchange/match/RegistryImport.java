package org.creditexchange.match;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.ingest.cleanse.HalfWidth;
import org.creditexchange.ingest.cleanse.TextNormalization;
import org.creditexchange.ingest.read.RawRow;
import org.creditexchange.ingest.read.RowSource;
import org.creditexchange.ingest.read.RowSources;
import org.creditexchange.ingest.read.UnreadableFileException;
import org.creditexchange.intake.IntakeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an enterprise list (a registry extract: XLSX, XLS or CSV) into the organisation registry, streaming, a
 * chunk of {@link SubjectRegistry#CHUNK} subjects per transaction. The header (within the first rows) needs a name
 * column (企业名称 …) and a code column (注册号/统一社会信用代码 …) that mixes every generation of codes; 登记机关,
 * 管辖单位, 法定代表人 and 登记状态 are optional. Each code is classified ({@link RegistryCode}): a valid USCC gives
 * uscc and org code, any other code is kept as the registration number. A code that fails its check is still
 * registered as written (such numbers exist in real registries) and reported with its row number; a row without
 * name or code is skipped and reported.
 */
@Service
public class RegistryImport {

    /** How far down a file the header may be. */
    static final int HEADER_SEARCH_ROWS = 10;

    enum Column {
        NAME("企业名称", "市场主体名称", "主体名称", "企业(机构)名称", "单位名称", "名称"),
        CODE("注册号/统一社会信用代码", "统一社会信用代码/注册号", "统一社会信用代码", "社会信用代码", "注册号", "信用代码"),
        AUTHORITY("登记机关", "登记管理机关", "RegOrgName"),
        JURISDICTION("管辖单位"),
        LEGAL_REPRESENTATIVE("法定代表人", "法定代表人(负责人)", "负责人", "经营者"),
        STATUS("登记状态", "经营状态", "企业状态");

        final List<String> titles;

        Column(String... titles) {
            this.titles = List.of(titles).stream().map(TextNormalization::forMatching).toList();
        }
    }

    /** The outcome of importing one file. */
    public record Summary(Path file, int read, SubjectRegistry.Counts counts, Map<RegistryCode.Kind, Integer> kinds,
                          List<Integer> invalidRows, List<Integer> skippedRows) {
    }

    /** The file cannot be imported: unreadable, or no header with a name and a code column. */
    public static class ImportException extends Exception {
        public ImportException(String message) {
            super(message);
        }
    }

    private final SubjectRegistry registry;
    private final TransactionTemplate tx;

    public RegistryImport(SubjectRegistry registry, PlatformTransactionManager transactions) {
        this.registry = registry;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Imports one file.
     *
     * @param source the registry's name, stored as {@code import:<source>} with each subject written
     */
    public Summary importFile(String source, Path file) throws ImportException {
        LocalDate today = LocalDate.now(IntakeService.ZONE);
        try (RowSource rows = RowSources.open(file)) {
            Map<Column, Integer> columns = null;
            for (int i = 0; i < HEADER_SEARCH_ROWS && columns == null; i++) {
                RawRow row = rows.next();
                if (row == null) {
                    break;
                }
                columns = header(row);
            }
            if (columns == null) {
                throw new ImportException("前" + HEADER_SEARCH_ROWS + "行中未找到表头：需要“企业名称”和“注册号/统一社会信用代码”两列。");
            }
            int read = 0;
            SubjectRegistry.Counts counts = SubjectRegistry.Counts.NONE;
            Map<RegistryCode.Kind, Integer> kinds = new EnumMap<>(RegistryCode.Kind.class);
            List<Integer> invalid = new ArrayList<>();
            List<Integer> skipped = new ArrayList<>();
            List<OrgSubject> chunk = new ArrayList<>(SubjectRegistry.CHUNK);
            for (RawRow row = rows.next(); row != null; row = rows.next()) {
                if (row.isBlank()) {
                    continue;
                }
                read++;
                String name = cell(row, columns, Column.NAME);
                RegistryCode code = RegistryCode.classify(cell(row, columns, Column.CODE));
                kinds.merge(code.kind(), 1, Integer::sum);
                if (code.kind().invalid()) {
                    invalid.add(row.rowNumber());
                }
                String rawCode = cell(row, columns, Column.CODE);
                // A personal ID number in the code column is nobody's enterprise code: never stored, reported.
                boolean personal = !IdNumberMasking.maskEmbedded(HalfWidth.of(rawCode).strip()).equals(HalfWidth.of(rawCode).strip())
                        && code.kind() != RegistryCode.Kind.USCC;
                if (personal && !code.kind().invalid()) {
                    invalid.add(row.rowNumber());
                }
                if (name.isBlank() || code.kind() == RegistryCode.Kind.MISSING || personal) {
                    skipped.add(row.rowNumber());
                    continue;
                }
                chunk.add(new OrgSubject(code.uscc(), code.orgCode(), code.regNumber(), IdNumberMasking.maskEmbedded(name),
                        kind(code), IdNumberMasking.maskEmbedded(cell(row, columns, Column.LEGAL_REPRESENTATIVE)),
                        cell(row, columns, Column.STATUS), null,
                        cell(row, columns, Column.AUTHORITY), cell(row, columns, Column.JURISDICTION)));
                if (chunk.size() == SubjectRegistry.CHUNK) {
                    counts = counts.plus(write(chunk, source, today));
                    chunk.clear();
                }
            }
            counts = counts.plus(write(chunk, source, today));
            return new Summary(file, read, counts, kinds, invalid, skipped);
        } catch (UnreadableFileException e) {
            throw new ImportException("无法读取（" + e.code() + "）：" + e.detail()
                    + ("FILE_FORMAT_UNSUPPORTED".equals(e.code()) ? "。请用Excel打开后另存为“Excel工作簿（.xlsx）”再导入。" : ""));
        }
    }

    private SubjectRegistry.Counts write(List<OrgSubject> chunk, String source, LocalDate today) {
        if (chunk.isEmpty()) {
            return SubjectRegistry.Counts.NONE;
        }
        return tx.execute(s -> registry.upsert(chunk, MatchTasklet.IMPORT_SOURCE + source, today));
    }

    private static Map<Column, Integer> header(RawRow row) {
        Map<Column, Integer> found = new HashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String title = TextNormalization.forMatching(row.cell(i));
            for (Column c : Column.values()) {
                if (!found.containsKey(c) && c.titles.contains(title)) {
                    found.put(c, i);
                    break;
                }
            }
        }
        return found.containsKey(Column.NAME) && found.containsKey(Column.CODE) ? found : null;
    }

    private static String cell(RawRow row, Map<Column, Integer> columns, Column c) {
        Integer i = columns.get(c);
        return i == null ? "" : row.cell(i).strip();
    }

    /** The subject kind a USCC's first two characters say (登记管理部门 9 工商: 1 企业, 2 个体工商户, 3 农民专业合作社). */
    private static String kind(RegistryCode code) {
        if (code.uscc() == null || code.uscc().charAt(0) != '9') {
            return null;
        }
        return switch (code.uscc().charAt(1)) {
            case '1' -> "企业";
            case '2' -> "个体工商户";
            case '3' -> "农民专业合作社";
            default -> null;
        };
    }
}
