package org.creditexchange.report.assessment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creditexchange.catalog.Catalog;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.ingest.timeliness.ReportingDelay;
import org.creditexchange.ingest.validate.ReasonMessages;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.IntakeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Computes one unit's {@link UnitAssessment} for a month from the collection log ({@code cx_batch}) and staging: the
 * batches the unit's data arrived in during the month (by receipt time, Asia/Shanghai) and their rows. Rows are those
 * of processed batches: a file refused as a whole has no rows to count, it is counted as a batch and by its reason.
 */
final class UnitAssessor {

    /** The workbook lists at most this many late records (the count is always complete). */
    static final int LATE_LIST_LIMIT = 10_000;
    /** Full marks (DOMAIN.md §5): 入库率 and 完整率 at or above 95%; the others have no rate set. */
    static final int FULL_MARKS_PERCENT = 95;

    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() { };
    private static final String LOADED = "s.status IN ('ACCEPTED', 'WARNED')";
    private static final String FIRST_REPORT = LOADED + " AND s.first_report = TRUE AND s.reporting_delay IS NOT NULL";
    /** The processed batches of the unit received in the month: the rows the measures count. */
    private static final String IN_MONTH = "SELECT id FROM cx_batch WHERE unit_code = ? AND received_at >= ? "
            + "AND received_at < ? AND status = 'DONE'";

    private static final String STAGED = """
            SELECT s.batch_id,
                   SUM(CASE WHEN {loaded} THEN 1 ELSE 0 END),
                   SUM(CASE WHEN {loaded} AND s.match_status = 'MATCHED' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN {first} THEN 1 ELSE 0 END),
                   SUM(CASE WHEN {first} AND s.reporting_delay <= {limit} THEN 1 ELSE 0 END),
                   SUM(CASE WHEN {first} AND s.delay_approximate = TRUE THEN 1 ELSE 0 END)
            FROM cx_staged_row s
            WHERE s.batch_id IN ({batches})
            GROUP BY s.batch_id"""
            .replace("{loaded}", LOADED).replace("{first}", FIRST_REPORT)
            .replace("{limit}", String.valueOf(ReportingDelay.LIMIT)).replace("{batches}", IN_MONTH);

    private static final String ROW_REASONS = """
            SELECT x.code, COUNT(*) FROM (
                SELECT DISTINCT r.batch_id, r.row_no, r.code FROM cx_staged_reason r
                JOIN cx_staged_row s ON s.batch_id = r.batch_id AND s.row_no = r.row_no
                WHERE r.batch_id IN ({batches}) AND r.severity = 'ERROR' AND s.status = 'REJECTED') x
            GROUP BY x.code""".replace("{batches}", IN_MONTH);

    private static final String LATE = """
            SELECT s.batch_id, s.row_no, s.decision_date, s.reporting_delay, s.delay_approximate FROM cx_staged_row s
            WHERE s.batch_id IN ({batches}) AND {first} AND s.reporting_delay > {limit}
            ORDER BY s.batch_id, s.row_no FETCH FIRST {max} ROWS ONLY"""
            .replace("{batches}", IN_MONTH).replace("{first}", FIRST_REPORT)
            .replace("{limit}", String.valueOf(ReportingDelay.LIMIT)).replace("{max}", String.valueOf(LATE_LIST_LIMIT));

    private final Catalog catalog;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    UnitAssessor(Catalog catalog, JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /** What the batch table holds about one batch. */
    private record BatchRow(long id, String channelId, String originalName, String itemId, OffsetDateTime receivedAt,
                            String status, long received, long loaded, long rejected, String problemCode) {
    }

    /** Staging figures of one batch: loaded, linked, dated first reports, in time, approximate. */
    private record Staged(long loaded, long matched, long dated, long onTime, long approximate) {
        static final Staged NONE = new Staged(0, 0, 0, 0, 0);
    }

    UnitAssessment assess(ConnectorDefinition unit, YearMonth month) {
        OffsetDateTime from = month.atDay(1).atStartOfDay(IntakeService.ZONE).toOffsetDateTime();
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(IntakeService.ZONE).toOffsetDateTime();
        Object[] scope = {unit.code(), from, to};

        List<BatchRow> rows = jdbc.query("SELECT id, channel_id, original_name, item_id, received_at, status, "
                + "rows_received, rows_accepted, rows_rejected, problem_code FROM cx_batch "
                + "WHERE unit_code = ? AND received_at >= ? AND received_at < ? AND channel_id <> 'dry-run' "
                + "ORDER BY received_at, id",
                (rs, i) -> new BatchRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getString(10)), scope);
        Map<Long, Staged> staged = new HashMap<>();
        jdbc.query(STAGED, rs -> {
            staged.put(rs.getLong(1), new Staged(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
        }, scope);
        List<UnitAssessment.LateRecord> late = new ArrayList<>();
        Map<Long, String> itemTitles = new HashMap<>();
        Map<Long, LocalDate> receivedOn = new HashMap<>();
        for (BatchRow b : rows) {
            itemTitles.put(b.id(), itemTitle(b.itemId()));
            receivedOn.put(b.id(), b.receivedAt().atZoneSameInstant(IntakeService.ZONE).toLocalDate());
        }
        jdbc.query(LATE, rs -> {
            long batch = rs.getLong(1);
            late.add(new UnitAssessment.LateRecord(batch, rs.getInt(2), itemTitles.get(batch),
                    rs.getObject(3, LocalDate.class), receivedOn.get(batch), rs.getInt(4), rs.getBoolean(5)));
        }, scope);

        List<UnitAssessment.BatchLine> lines = new ArrayList<>();
        long received = 0;
        long loaded = 0;
        long rejected = 0;
        long stagedLoaded = 0;
        long matched = 0;
        long dated = 0;
        long onTime = 0;
        long approximate = 0;
        long frontEnd = 0;
        long filled = 0;
        long required = 0;
        Map<String, Long> fileProblems = new TreeMap<>();
        for (BatchRow b : rows) {
            DeliveryMethod method = DeliveryMethod.of(unit, b.channelId());
            if (method == DeliveryMethod.FRONT_END) {
                frontEnd++;
            }
            Staged s = staged.getOrDefault(b.id(), Staged.NONE);
            boolean done = "DONE".equals(b.status());
            long lateHere = done ? s.dated() - s.onTime() : 0;
            lines.add(new UnitAssessment.BatchLine(b.id(), IdNumberMasking.maskEmbedded(b.originalName()),
                    itemTitles.get(b.id()), b.receivedAt(), method, b.status(), done ? b.received() : 0,
                    done ? b.loaded() : 0, done ? b.rejected() : 0, lateHere));
            if (done) {
                received += b.received();
                loaded += b.loaded();
                rejected += b.rejected();
                stagedLoaded += s.loaded();
                matched += s.matched();
                dated += s.dated();
                onTime += s.onTime();
                approximate += s.approximate();
                DataItemCompleteness.Count c = completeness(b);
                filled += c.filled();
                required += c.required();
            } else if ("REJECTED".equals(b.status()) && b.problemCode() != null) {
                fileProblems.merge(b.problemCode(), 1L, Long::sum);
            }
        }
        List<UnitAssessment.ReasonCount> rowReasons = new ArrayList<>();
        jdbc.query(ROW_REASONS, rs -> {
            rowReasons.add(new UnitAssessment.ReasonCount(rs.getString(1), ReasonMessages.title(rs.getString(1)), rs.getLong(2)));
        }, scope);
        List<UnitAssessment.ReasonCount> fileReasons = new ArrayList<>();
        fileProblems.forEach((code, n) -> fileReasons.add(new UnitAssessment.ReasonCount(code, ReasonMessages.title(code), n)));
        Comparator<UnitAssessment.ReasonCount> frequentFirst = Comparator.comparingLong(UnitAssessment.ReasonCount::count)
                .reversed().thenComparing(UnitAssessment.ReasonCount::code);
        rowReasons.sort(frequentFirst);
        fileReasons.sort(frequentFirst);

        return new UnitAssessment(month, unit.code(), unit.name(), lines, received, loaded, rejected,
                new Measure("入库率", "入库行数 ÷ 接收行数", loaded, received, FULL_MARKS_PERCENT),
                new Measure("完整率", "已填写的应填数据项 ÷ 应填数据项（含按条件必填项，按接收的全部数据行计）", filled, required,
                        FULL_MARKS_PERCENT),
                new Measure("关联率", "关联到主体库的入库记录 ÷ 入库记录", matched, stagedLoaded, null),
                new Measure("及时率", "决定后" + ReportingDelay.LIMIT + "个工作日内首次报送的记录 ÷ 有决定日期的首次报送记录",
                        onTime, dated, null),
                new Measure("前置机报送占比", "经前置机报送的批次 ÷ 报送批次", frontEnd, rows.size(), null),
                approximate, rowReasons, fileReasons, late, dated - onTime);
    }

    /** Required and filled data items over every staged row of a processed batch, read as a stream. */
    private DataItemCompleteness.Count completeness(BatchRow batch) {
        CatalogItemDefinition item = batch.itemId() == null ? null : catalog.item(batch.itemId()).orElse(null);
        if (item == null) {
            return new DataItemCompleteness.Count(0, 0);
        }
        DataItemCompleteness completeness = new DataItemCompleteness(item);
        long[] sums = new long[2];
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(1000);
        streaming.query("SELECT record_json FROM cx_staged_content WHERE batch_id = ?", rs -> {
            DataItemCompleteness.Count c = completeness.count(values(rs.getString(1)));
            sums[0] += c.filled();
            sums[1] += c.required();
        }, batch.id());
        return new DataItemCompleteness.Count(sums[0], sums[1]);
    }

    private Map<String, String> values(String recordJson) {
        try {
            return json.readValue(recordJson, VALUES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String itemTitle(String itemId) {
        if (itemId == null) {
            return "未能识别";
        }
        return catalog.title(itemId);
    }
}
