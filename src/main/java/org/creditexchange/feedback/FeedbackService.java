package org.creditexchange.feedback;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.creditexchange.CxProperties;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.map.HeaderLayout;
import org.creditexchange.ingest.validate.Reason;
import org.creditexchange.ingest.validate.ReasonMessages;
import org.creditexchange.ingest.validate.RowStatus;
import org.creditexchange.ingest.validate.Severity;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.DropChannelDefinition;
import org.creditexchange.intake.IntakeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Issues the feedback of a batch: builds the report from the batch table and staging, writes the clerk's workbook
 * and the receipt into the unit's feedback folder, and records where they are.
 */
@Service
public class FeedbackService {

    private static final Logger log = LoggerFactory.getLogger(FeedbackService.class);
    private static final TypeReference<List<String>> CELLS = new TypeReference<>() { };
    private static final TypeReference<List<FeedbackReport.FileProblem>> NOTICES = new TypeReference<>() { };

    private final PlatformConfiguration configuration;
    private final CxProperties properties;
    private final BatchRepository batches;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final XlsxFeedbackWriter workbookWriter = new XlsxFeedbackWriter();
    private final ReceiptCsvWriter receiptWriter = new ReceiptCsvWriter();

    public FeedbackService(PlatformConfiguration configuration, CxProperties properties, BatchRepository batches,
                           JdbcTemplate jdbc, ObjectMapper json) {
        this.configuration = configuration;
        this.properties = properties;
        this.batches = batches;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Writes and records the feedback of a DONE, REJECTED or DUPLICATE batch; returns the workbook's path. */
    public Path issue(long batchId) {
        Batch batch = batches.get(batchId);
        ConnectorDefinition unit = configuration.connector(batch.unitCode()).orElseThrow();
        // A dry run's feedback is the operator's, not the clerk's: it goes beside, never into, the unit's folder.
        Path folder = IntakeService.DRY_RUN_CHANNEL.equals(batch.channelId())
                ? properties.dataDir().resolve("dry-run").resolve(unit.code()) : feedbackFolder(unit);
        String shownName = IdNumberMasking.maskEmbedded(batch.originalName());
        Path workbook = folder.resolve(FeedbackFileNames.workbookName(batchId, shownName));
        Path receipt = folder.resolve(FeedbackFileNames.receiptName(batchId, shownName));
        try {
            Files.createDirectories(folder);
            FeedbackReport report = report(batch, unit);
            workbookWriter.write(report, workbook);
            receiptWriter.write(report, receipt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feedback of batch " + batchId + " into " + folder, e);
        }
        batches.recordFeedback(batchId, workbook, receipt);
        log.info("Batch {}: feedback written to {}", batchId, IdNumberMasking.maskEmbedded(workbook.toString()));
        return workbook;
    }

    /** Where a unit's feedback goes: its feedback folder, else {@code feedback/} in its first drop folder. */
    public Path feedbackFolder(ConnectorDefinition unit) {
        if (unit.feedback() != null) {
            return properties.resolveData(unit.feedback().path());
        }
        return unit.channels().stream()
                .filter(c -> c instanceof DropChannelDefinition)
                .map(c -> properties.resolveData(((DropChannelDefinition) c).path()).resolve("feedback"))
                .findFirst()
                .orElseGet(() -> properties.dataDir().resolve("feedback").resolve(unit.code()));
    }

    private FeedbackReport report(Batch batch, ConnectorDefinition unit) throws IOException {
        String itemTitle = configuration.catalog().title(batch.itemId());
        String fileName = IdNumberMasking.maskEmbedded(batch.originalName());
        OffsetDateTime processed = batch.processedAt() == null ? OffsetDateTime.now(IntakeService.ZONE) : batch.processedAt();
        if (batch.status() == BatchStatus.DUPLICATE) {
            Batch original = batches.get(batch.duplicateOf());
            String when = original.receivedAt().atZoneSameInstant(IntakeService.ZONE).toLocalDateTime()
                    .withNano(0).toString().replace('T', ' ');
            Object[] args = {fileName, String.valueOf(original.id()), IdNumberMasking.maskEmbedded(original.originalName()), when};
            return new FeedbackReport(batch.id(), unit.code(), unit.name(), fileName, batch.receivedAt(), processed,
                    itemTitle, FeedbackReport.Outcome.DUPLICATE,
                    new FeedbackReport.FileProblem("DUPLICATE_FILE", ReasonMessages.message("DUPLICATE_FILE", args),
                            ReasonMessages.hint("DUPLICATE_FILE", args)),
                    0, 0, 0, 0, List.of(), Stream::empty);
        }
        if (batch.status() != BatchStatus.DONE) {
            return new FeedbackReport(batch.id(), unit.code(), unit.name(), fileName, batch.receivedAt(), processed,
                    itemTitle, FeedbackReport.Outcome.REJECTED,
                    new FeedbackReport.FileProblem(batch.problemCode(), batch.problemMessage(),
                            batch.problemHint() == null ? "" : batch.problemHint()),
                    0, 0, 0, 0, List.of(), Stream::empty);
        }
        List<String> headers = batches.layoutJson(batch.id())
                .map(j -> read(j, HeaderLayout.class).headers())
                .map(h -> h.stream().map(IdNumberMasking::maskEmbedded).toList())
                .orElse(List.of());
        Map<Integer, List<Reason>> reasons = reasons(batch.id());
        Batch.Counts c = batch.counts();
        List<FeedbackReport.FileProblem> notices = new ArrayList<>(batches.noticesJson(batch.id())
                .map(j -> read(j, NOTICES)).orElse(List.of()));
        openConflicts(unit.code()).ifPresent(notices::add);
        return new FeedbackReport(batch.id(), unit.code(), unit.name(), fileName, batch.receivedAt(), processed,
                itemTitle, FeedbackReport.Outcome.DONE, null, c.received(), c.accepted(), c.warned(), c.rejected(),
                headers, () -> rows(batch.id(), reasons), notices, () -> listedRows(batch.id(), reasons));
    }

    /**
     * Both sources of a conflict hear of it: every feedback of a unit lists the open conflicts its records are in,
     * until they are resolved.
     */
    private java.util.Optional<FeedbackReport.FileProblem> openConflicts(String unit) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM cx_conflict WHERE status = 'OPEN' AND (unit_a = ? OR unit_b = ?) "
                + "ORDER BY id", Long.class, unit, unit);
        if (ids.isEmpty()) {
            return java.util.Optional.empty();
        }
        String shown = ids.stream().limit(20).map(String::valueOf).collect(java.util.stream.Collectors.joining("、"))
                + (ids.size() > 20 ? "等" : "");
        Object[] args = {String.valueOf(ids.size()), shown};
        return java.util.Optional.of(new FeedbackReport.FileProblem("OPEN_CONFLICTS",
                ReasonMessages.message("OPEN_CONFLICTS", args), ReasonMessages.hint("OPEN_CONFLICTS", args)));
    }

    /** Every row with its verdict and reasons, without its cells: what the receipt says. */
    private Stream<FeedbackRow> rows(long batchId, Map<Integer, List<Reason>> reasons) {
        return stream("SELECT row_no, status, NULL FROM cx_staged_row WHERE batch_id = ? ORDER BY row_no", batchId,
                reasons);
    }

    /**
     * The rows the workbook lists (not accepted, or with a reason), with their cells: on a large batch mostly clean,
     * reading the cells of every row was most of the feedback's time. Each listed row's cells are looked up by its
     * key: joined, the planner (which cannot know how few rows are listed) read the cells of the whole batch.
     */
    private Stream<FeedbackRow> listedRows(long batchId, Map<Integer, List<Reason>> reasons) {
        return stream("SELECT s.row_no, s.status, (SELECT c.cells_json FROM cx_staged_content c"
                + " WHERE c.batch_id = s.batch_id AND c.row_no = s.row_no) FROM cx_staged_row s"
                + " WHERE s.batch_id = ? AND (s.status <> 'ACCEPTED' OR EXISTS (SELECT 1 FROM cx_staged_reason r"
                + " WHERE r.batch_id = s.batch_id AND r.row_no = s.row_no)) ORDER BY s.row_no", batchId, reasons);
    }

    /** Streams (row number, status, cells JSON or null) rows of one batch as feedback rows with their reasons. */
    private Stream<FeedbackRow> stream(String sql, long batchId, Map<Integer, List<Reason>> reasons) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(1000);
        return streaming.queryForStream(sql, (rs, i) -> {
            String cells = rs.getString(3);
            return new FeedbackRow(rs.getInt(1), RowStatus.valueOf(rs.getString(2)),
                    reasons.getOrDefault(rs.getInt(1), List.of()), cells == null ? null : read(cells, CELLS));
        }, batchId);
    }

    private Map<Integer, List<Reason>> reasons(long batchId) {
        Map<Integer, List<Reason>> out = new HashMap<>();
        jdbc.query("SELECT row_no, field, title, code, severity, message, hint FROM cx_staged_reason WHERE batch_id = ? "
                + "ORDER BY row_no, seq", rs -> {
                    out.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new Reason(rs.getString(2),
                            rs.getString(3), rs.getString(4), Severity.valueOf(rs.getString(5)), rs.getString(6),
                            rs.getString(7)));
                }, batchId);
        return out;
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
