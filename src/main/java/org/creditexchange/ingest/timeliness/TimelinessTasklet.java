package org.creditexchange.ingest.timeliness;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.feedback.FeedbackReport;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.schedule.WorkingDayCalendar;
import org.creditexchange.store.PlannerStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The timeliness step of the ingest job, after the merge. Each staged row of an item with a {@code timeliness-field}
 * already carries its decision date and {@link ReportingDelay} (worked out at staging, {@link DecisionDelays}), and
 * the records the merge created carry their row's. This step makes sure the rows that first reported their record are
 * the ones marked so ({@code first_report}: the merge created the record from this row) and, when first reports are
 * late, adds a {@link LateReportingNotice} to the batch's file-level notices.
 *
 * <p>The match step already marked the rows whose record the store did not hold ({@code SubjectMatcher}): every row
 * the merge created a record from is among them, so when the merge created as many records as rows were marked, the
 * marks are right and nothing is written. Otherwise (another batch of the same unit and item merged the same key in
 * between, a batch matched by an older engine, a dry run, which creates nothing) the marks are made anew from the
 * records.
 *
 * <p>Only first reports are judged: a row that repeats a record already held changes nothing, and a changed row is a
 * correction, which the 7-working-day rule does not measure — a unit resending its whole year is not "late".
 *
 * <p>Set-based, whatever the batch size: a few queries count the first reports, an UPDATE only when the marks are
 * wrong. Nothing here rejects a row or changes a verdict or a count.
 *
 * <p>No calendar file for the receipt's year: the delays are kept (Monday–Friday count, approximate) but the clerk is
 * not told of lateness the platform cannot establish for current deadlines; the log names the missing file.
 */
public class TimelinessTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(TimelinessTasklet.class);
    private static final TypeReference<List<FeedbackReport.FileProblem>> NOTICES = new TypeReference<>() { };

    /** Records with a delay the merge created from this batch's rows (a record created by a row is version 1). */
    private static final String CREATED = "SELECT (SELECT COUNT(*) FROM cx_org_record WHERE batch_id = ? AND version = 1"
            + " AND reporting_delay IS NOT NULL) + (SELECT COUNT(*) FROM cx_person_record WHERE batch_id = ?"
            + " AND version = 1 AND reporting_delay IS NOT NULL)";

    /** The rows with a delay whose record the merge created from them (a record created by a row is version 1). */
    private static final String FIRST_REPORTS = """
            UPDATE cx_staged_row SET first_report = TRUE
            WHERE batch_id = ? AND reporting_delay IS NOT NULL AND (
                (subject_store = 'ORG' AND row_no IN (SELECT r.row_no FROM cx_org_record r
                    WHERE r.batch_id = ? AND r.version = 1))
                OR (subject_store = 'PERSON' AND row_no IN (SELECT r.row_no FROM cx_person_record r
                    WHERE r.batch_id = ? AND r.version = 1)))""";

    /** Loaded first reports past the limit: what the notice and the assessment call late (迟报). */
    static final String LATE = "batch_id = ? AND first_report = TRUE AND status IN ('ACCEPTED', 'WARNED') "
            + "AND reporting_delay > " + ReportingDelay.LIMIT;

    private final long batchId;
    private final CatalogItemDefinition item;
    private final WorkingDayCalendar calendar;
    private final BatchRepository batches;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public TimelinessTasklet(long batchId, CatalogItemDefinition item, WorkingDayCalendar calendar,
                             BatchRepository batches, JdbcTemplate jdbc, ObjectMapper json) {
        this.batchId = batchId;
        this.item = item;
        this.calendar = calendar;
        this.batches = batches;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** How many rows of the batch have a delay, and the earliest decision date among them. */
    private record Dated(long rows, LocalDate earliest) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Batch batch = batches.get(batchId);
        Optional<FieldDefinition> field = item.timeliness();
        if (field.isEmpty() || batch.status() == BatchStatus.REJECTED) {
            // No decision date to count from, or refused while staging (nothing of it is kept).
            return RepeatStatus.FINISHED;
        }
        LocalDate received = batch.receivedAt().atZoneSameInstant(IntakeService.ZONE).toLocalDate();
        // The merge just filled the stores: the record lookups below must not be planned as if they were empty.
        PlannerStatistics.refresh(jdbc, "cx_org_record", "cx_person_record");
        PlannerStatistics.roomForLargeBatches(jdbc);
        // The batch's records by their batch (one index range each), not each staged row's record looked up in turn: a
        // planner that misjudges a new batch must not scan the whole store once per row.
        long marked = jdbc.queryForObject("SELECT COUNT(*) FROM cx_staged_row WHERE batch_id = ? AND first_report = TRUE",
                Long.class, batchId);
        long first = jdbc.queryForObject(CREATED, Long.class, batchId, batchId);
        if (marked != first) {
            log.info("Batch {}: {} rows marked as first reports at matching, {} records created: marked anew", batchId,
                    marked, first);
            jdbc.update("UPDATE cx_staged_row SET first_report = NULL WHERE batch_id = ? AND first_report = TRUE", batchId);
            first = jdbc.update(FIRST_REPORTS, batchId, batchId, batchId);
        }
        Dated dated = jdbc.queryForObject("SELECT COUNT(reporting_delay), MIN(decision_date) FROM cx_staged_row"
                + " WHERE batch_id = ?", (rs, n) -> new Dated(rs.getLong(1), rs.getObject(2, LocalDate.class)), batchId);
        SortedSet<Integer> missing = new TreeSet<>();
        if (dated.earliest() != null) {
            // The days counted lie between the earliest decision and the receipt.
            for (int y = dated.earliest().plusDays(1).getYear(); y <= received.getYear(); y++) {
                if (!calendar.years().contains(y)) {
                    missing.add(y);
                }
            }
        }

        long late = jdbc.queryForObject("SELECT COUNT(*) FROM cx_staged_row WHERE " + LATE, Long.class, batchId);
        boolean judged = calendar.years().contains(received.getYear());
        List<FeedbackReport.FileProblem> notices = notices();
        // A restarted step replaces its notice rather than adding a second one.
        boolean changed = notices.removeIf(n -> LateReportingNotice.CODE.equals(n.code()));
        if (late > 0 && judged) {
            List<Integer> shown = jdbc.queryForList("SELECT row_no FROM cx_staged_row WHERE " + LATE
                    + " ORDER BY row_no FETCH FIRST " + LateReportingNotice.ROWS_SHOWN + " ROWS ONLY", Integer.class, batchId);
            notices.add(LateReportingNotice.of(late, shown, field.get().title()));
            changed = true;
        }
        if (changed) {
            batches.recordNotices(batchId, write(notices));
        }
        if (!missing.isEmpty()) {
            log.warn("Batch {}: no working-day calendar for {} (add schedules/calendar-<year>.yaml): those days were "
                    + "counted Monday-Friday, the delays are approximate{}", batchId, missing,
                    judged ? "" : ", and the clerk is not told of late rows");
        }
        log.info("Batch {}: reporting delay from {} kept on {} rows (received {}); {} first reports, {} of them late",
                batchId, field.get().key(), dated.rows(), received, first, late);
        contribution.incrementWriteCount(first);
        return RepeatStatus.FINISHED;
    }

    private List<FeedbackReport.FileProblem> notices() {
        try {
            Optional<String> text = batches.noticesJson(batchId);
            return text.isEmpty() ? new ArrayList<>() : new ArrayList<>(json.readValue(text.get(), NOTICES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(List<FeedbackReport.FileProblem> notices) {
        try {
            return json.writeValueAsString(notices);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
