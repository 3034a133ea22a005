package org.creditexchange.ingest.stage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;
import org.creditexchange.ingest.validate.Reason;
import org.creditexchange.match.SubjectMatcher;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk of staged rows (verdict and match columns into {@code cx_staged_row}, values and cells into
 * {@code cx_staged_content}) and their reasons in the chunk's transaction: on PostgreSQL by {@code COPY … FROM
 * STDIN} ({@link StagingCopy}), elsewhere with JDBC batches. Either way a chunk's rows commit or roll back with the
 * chunk, so a restarted step resumes after the last committed chunk without losing or doubling a row.
 *
 * <p>The COPY path can be switched off with the system property {@value #COPY_PROPERTY}{@code =false} (the JDBC
 * batches then serve PostgreSQL too).
 */
public class StagedRowWriter implements ItemWriter<StagedRow> {

    /** System property: {@code false} stages by JDBC batches even on PostgreSQL. */
    public static final String COPY_PROPERTY = "cx.staging.copy";

    static final String ROW_COLUMNS = "batch_id, row_no, status, subject_store, subject_kind, subject_name, "
            + "subject_code, subject_id_hash, business_key, content_hash, fact_hash, disclosure_end, ends_disclosure, "
            + "match_status, match_name_norm, match_org_code, match_reg_number, decision_date, reporting_delay, "
            + "delay_approximate";
    static final String CONTENT_COLUMNS = "batch_id, row_no, record_json, cells_json, personal_json";
    static final String REASON_COLUMNS = "batch_id, row_no, seq, field, title, code, severity, message, hint";

    /** How a chunk reaches the staging tables. */
    public enum Mode {
        /** COPY on PostgreSQL, JDBC batches elsewhere (and when {@value #COPY_PROPERTY} is {@code false}). */
        AUTO,
        /** Always JDBC batches. */
        BATCH
    }

    private final JdbcTemplate jdbc;
    private final long batchId;
    private final Mode mode;
    private final StagingCopy staging;
    private Boolean copy;

    public StagedRowWriter(JdbcTemplate jdbc, long batchId) {
        this(jdbc, batchId, Mode.AUTO);
    }

    public StagedRowWriter(JdbcTemplate jdbc, long batchId, Mode mode) {
        this.jdbc = jdbc;
        this.batchId = batchId;
        this.mode = mode;
        this.staging = new StagingCopy(batchId);
    }

    @Override
    public void write(Chunk<? extends StagedRow> chunk) throws Exception {
        write(chunk.getItems().iterator(), chunk.size());
    }

    /**
     * Writes {@code size} rows as {@code rows} yields them: on PostgreSQL each row goes to the server as soon as it is
     * there (a row still being computed elsewhere is waited for while the server stores the ones before it).
     *
     * @throws Exception what computing a row threw, or the database's error
     */
    public void write(Iterator<? extends StagedRow> rows, int size) throws Exception {
        if (copies()) {
            DataSource dataSource = jdbc.getDataSource();
            // The chunk transaction's own connection: the COPY commits or rolls back with the chunk.
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                staging.write(connection, rows, size);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            return;
        }
        List<StagedRow> chunk = new ArrayList<>(size);
        rows.forEachRemaining(chunk::add);
        writeBatches(chunk);
    }

    private void writeBatches(List<StagedRow> chunk) {
        List<Object[]> rows = new ArrayList<>(chunk.size());
        List<Object[]> contents = new ArrayList<>(chunk.size());
        List<Object[]> reasons = new ArrayList<>();
        for (StagedRow r : chunk) {
            contents.add(new Object[] {batchId, r.rowNumber(), text(r.recordJson()), text(r.cellsJson()),
                    text(r.personalJson())});
            rows.add(new Object[] {batchId, r.rowNumber(), r.status().name(), r.subjectStore().name(), r.subjectKind(),
                    r.subjectName(), r.subjectCode(), r.subjectIdHash(), r.businessKey(), r.contentHash(), r.factHash(),
                    r.disclosureEnd() == null ? null : java.sql.Date.valueOf(r.disclosureEnd()), r.endsDisclosure(),
                    matchStatus(r), r.match() == null ? null : r.match().nameNorm(),
                    r.match() == null ? null : r.match().orgCode(), r.match() == null ? null : r.match().regNumber(),
                    r.reporting() == null ? null : java.sql.Date.valueOf(r.reporting().decisionDate()),
                    r.reporting() == null ? null : r.reporting().delay().workingDays(),
                    r.reporting() == null ? null : r.reporting().delay().approximate()});
            int seq = 0;
            for (Reason reason : r.reasons()) {
                reasons.add(new Object[] {batchId, r.rowNumber(), seq++, reason.field(), reason.title(), reason.code(),
                        reason.severity().name(), reason.message(), reason.hint()});
            }
        }
        jdbc.batchUpdate("INSERT INTO cx_staged_row (" + ROW_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        jdbc.batchUpdate("INSERT INTO cx_staged_content (" + CONTENT_COLUMNS + ") VALUES (?,?,?,?,?)", contents);
        if (!reasons.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO cx_staged_reason (" + REASON_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)", reasons);
        }
    }

    /**
     * The row with its COPY line encoded, for a row computed on another thread than the writer's: encoding the
     * content is most of what the COPY costs the writer's thread.
     */
    public static StagedRow prepared(long batchId, StagedRow row) {
        return row.withContentCopy(StagingCopy.contentLine(batchId, row));
    }

    /** A row's JSON (UTF-8) as the text a JDBC batch binds; null stays null. */
    private static String text(byte[] utf8) {
        return utf8 == null ? null : new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every row that is not rejected is staged marked for the match step. */
    static String matchStatus(StagedRow r) {
        return r.status() == org.creditexchange.ingest.validate.RowStatus.REJECTED ? null : SubjectMatcher.PENDING;
    }

    /**
     * Tells whether this writer stages by COPY (PostgreSQL, not switched off): then rows computed elsewhere are best
     * handed over {@link #prepared} for it.
     */
    public boolean copies() throws SQLException {
        if (copy == null) {
            boolean wanted = mode == Mode.AUTO && !"false".equalsIgnoreCase(System.getProperty(COPY_PROPERTY));
            DataSource dataSource = jdbc.getDataSource();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                copy = wanted && StagingCopy.supports(connection);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
        return copy;
    }
}
