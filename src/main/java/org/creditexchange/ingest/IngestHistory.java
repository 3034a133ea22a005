package org.creditexchange.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ingest job executions the job repository keeps, newest first, as any process sharing the database sees them:
 * status, batch, steps with their counts, and for one not completed how far it read its file
 * ({@link IngestProgress}). A list costs two queries, plus one look at the stage step's execution context for each
 * execution not completed (completed ones have read their whole file).
 */
@Component
public class IngestHistory {

    private static final String STAGE = "stage";

    private final JdbcTemplate jdbc;
    private final JobExplorer explorer;

    public IngestHistory(JdbcTemplate jdbc, JobExplorer explorer) {
        this.jdbc = jdbc;
        this.explorer = explorer;
    }

    /**
     * One ingest job execution.
     *
     * @param id          the job execution id (what {@code stop} and {@code restart} take)
     * @param batchId     its batch; null for an execution without one (never for the engine's own)
     * @param status      Spring Batch's status
     * @param exitCode    Spring Batch's exit code
     * @param exitMessage the exit description (a failure's stack trace), null when empty
     * @param createdAt   when it was created (engine local time, as the job repository keeps it)
     * @param startedAt   when it started; null before
     * @param endedAt     when it ended; null while running
     * @param latest      whether it is the latest execution of its job instance (only the latest can be restarted)
     * @param steps       its steps in the order they ran
     * @param progress    how far it read its file; {@link IngestProgress#UNKNOWN} before the stage step
     */
    public record Execution(long id, Long batchId, BatchStatus status, String exitCode, String exitMessage,
                            LocalDateTime createdAt, LocalDateTime startedAt, LocalDateTime endedAt, boolean latest,
                            List<Step> steps, IngestProgress progress) {

        Execution with(List<Step> allSteps, IngestProgress readSoFar) {
            return new Execution(id, batchId, status, exitCode, exitMessage, createdAt, startedAt, endedAt, latest,
                    allSteps, readSoFar);
        }

        /** The step it is in (running) or ended in; null before the first. */
        public Step current() {
            return steps.isEmpty() ? null : steps.get(steps.size() - 1);
        }

        /** Its stage step (reading the file into staging); null when it did not get there. */
        public Step stage() {
            return stageOf(steps);
        }

        public boolean running() {
            return status.isRunning();
        }

        /** Whether {@code restart} takes it: stopped or failed, and not restarted yet. */
        public boolean restartable() {
            return latest && (status == BatchStatus.STOPPED || status == BatchStatus.FAILED);
        }

        /**
         * Rows committed per second by the stage step of this execution (till now while it runs); 0 before its first
         * commit.
         */
        public double rowsPerSecond(LocalDateTime now) {
            Step stage = stage();
            return stage == null ? 0 : IngestProgress.rowsPerSecond(stage.written() + stage.filtered(),
                    stage.startedAt(), stage.endedAt() != null ? stage.endedAt() : now);
        }
    }

    /**
     * One step of an execution.
     *
     * @param name     recognize, stage, duplicates, match, merge, timeliness or feedback
     * @param read     rows read (the stage step; 0 for the others)
     * @param written  rows written
     * @param filtered rows filtered out by the processor
     */
    public record Step(long id, String name, BatchStatus status, long read, long written, long filtered,
                       LocalDateTime startedAt, LocalDateTime endedAt, String exitCode) {
    }

    /**
     * The latest executions, newest first.
     *
     * @param statuses only these; every status when empty
     * @param limit    at most this many (at least 1)
     */
    public List<Execution> recent(Collection<BatchStatus> statuses, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE i.JOB_NAME = ?");
        List<Object> args = new ArrayList<>(List.of(IngestJobConfiguration.BATCH_ID, IngestJobConfiguration.JOB_NAME));
        if (!statuses.isEmpty()) {
            sql.append(" AND e.STATUS IN (").append(statuses.stream().map(s -> "?").collect(Collectors.joining(", ")))
                    .append(")");
            statuses.forEach(s -> args.add(s.name()));
        }
        sql.append(" ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        return complete(jdbc.query(sql.toString(), IngestHistory::row, args.toArray()));
    }

    /** Execution {@code id}; empty when there is none or it is not an ingest job's. */
    public Optional<Execution> find(long id) {
        return complete(jdbc.query(SELECT + " WHERE i.JOB_NAME = ? AND e.JOB_EXECUTION_ID = ?", IngestHistory::row,
                IngestJobConfiguration.BATCH_ID, IngestJobConfiguration.JOB_NAME, id)).stream().findFirst();
    }

    private static final String SELECT = "SELECT e.JOB_EXECUTION_ID, e.STATUS, e.EXIT_CODE, e.EXIT_MESSAGE, e.CREATE_TIME, "
            + "e.START_TIME, e.END_TIME, "
            + "(SELECT MAX(x.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION x WHERE x.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID) "
            + "AS LATEST_ID, "
            + "(SELECT MAX(p.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
            + "AND p.PARAMETER_NAME = ?) AS BATCH_ID "
            + "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID";

    private static Execution row(ResultSet rs, int i) throws SQLException {
        long id = rs.getLong("JOB_EXECUTION_ID");
        String message = rs.getString("EXIT_MESSAGE");
        return new Execution(id, parseLong(rs.getString("BATCH_ID")), status(rs.getString("STATUS")),
                rs.getString("EXIT_CODE"), message == null || message.isBlank() ? null : message,
                time(rs, "CREATE_TIME"), time(rs, "START_TIME"), time(rs, "END_TIME"), rs.getLong("LATEST_ID") == id,
                List.of(), IngestProgress.UNKNOWN);
    }

    /** Adds the steps (one query for all) and the progress. */
    private List<Execution> complete(List<Execution> executions) {
        if (executions.isEmpty()) {
            return executions;
        }
        Map<Long, List<Step>> steps = new LinkedHashMap<>();
        executions.forEach(e -> steps.put(e.id(), new ArrayList<>()));
        jdbc.query("SELECT JOB_EXECUTION_ID, STEP_EXECUTION_ID, STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT, FILTER_COUNT, "
                + "START_TIME, END_TIME, EXIT_CODE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN ("
                + executions.stream().map(e -> "?").collect(Collectors.joining(", ")) + ")", rs -> {
                    steps.get(rs.getLong("JOB_EXECUTION_ID")).add(new Step(rs.getLong("STEP_EXECUTION_ID"),
                            rs.getString("STEP_NAME"), status(rs.getString("STATUS")), rs.getLong("READ_COUNT"),
                            rs.getLong("WRITE_COUNT"), rs.getLong("FILTER_COUNT"), time(rs, "START_TIME"),
                            time(rs, "END_TIME"), rs.getString("EXIT_CODE")));
                }, executions.stream().map(Execution::id).toArray());
        LocalDateTime now = LocalDateTime.now();
        List<Execution> complete = new ArrayList<>();
        for (Execution e : executions) {
            List<Step> own = steps.get(e.id());
            own.sort(Comparator.comparing(Step::id));
            complete.add(e.with(List.copyOf(own), progress(e.id(), stageOf(own), now)));
        }
        return complete;
    }

    /** A completed stage read its whole file; any other is told by its execution context. */
    private IngestProgress progress(long executionId, Step stage, LocalDateTime now) {
        if (stage == null) {
            return IngestProgress.UNKNOWN;
        }
        if (stage.status() == BatchStatus.COMPLETED) {
            return IngestProgress.DONE;
        }
        return IngestProgress.of(explorer.getStepExecution(executionId, stage.id()), now);
    }

    /** The stage step among {@code steps} (the last one, should a job ever run it twice); null when none. */
    private static Step stageOf(List<Step> steps) {
        return steps.stream().filter(s -> s.name().equals(STAGE)).reduce((a, b) -> b).orElse(null);
    }

    private static BatchStatus status(String s) {
        try {
            return s == null ? BatchStatus.UNKNOWN : BatchStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            return BatchStatus.UNKNOWN;
        }
    }

    private static Long parseLong(String s) {
        try {
            return s == null ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}
