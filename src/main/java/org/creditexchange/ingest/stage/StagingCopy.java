package org.creditexchange.ingest.stage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import org.creditexchange.ingest.validate.Reason;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Stages rows on PostgreSQL by {@code COPY cx_staged_row / cx_staged_content / cx_staged_reason FROM STDIN} (CSV), on a given
 * connection: the chunk transaction's, so that the copied rows commit or roll back with it. In CSV an unquoted empty
 * field is NULL and a quoted one the empty string: every text value is quoted, a null one left empty.
 */
final class StagingCopy {

    private final long batchId;
    /** The previous chunk's size, to size the next chunk's buffer. */
    private int lastLength;

    StagingCopy(long batchId) {
        this.batchId = batchId;
    }

    /** Tells whether the connection is PostgreSQL's (through any pool wrapper). */
    static boolean supports(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /**
     * Copies {@code size} rows and their reasons on {@code connection}, in its transaction. Each row's content (its
     * JSON, most of the bytes) is sent as soon as {@code rows} yields it, so the server stores it while later rows are
     * still being computed; the narrow rows and the reasons follow in two more COPYs.
     */
    void write(Connection connection, Iterator<? extends StagedRow> rows, int size) throws Exception {
        CsvLineBytes staged = new CsvLineBytes(Math.max(size * 256, lastLength + lastLength / 8));
        CsvLineBytes reasons = new CsvLineBytes(256);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        CopyIn contents = copy.copyIn("COPY cx_staged_content (" + StagedRowWriter.CONTENT_COLUMNS
                + ") FROM STDIN WITH (FORMAT csv)");
        try {
            while (rows.hasNext()) {
                StagedRow r = rows.next();
                byte[] bytes = r.contentCopy() != null ? r.contentCopy() : contentLine(batchId, r);
                contents.writeToCopy(bytes, 0, bytes.length);
                appendRow(staged, r);
                appendReasons(reasons, r);
            }
            contents.endCopy();
        } finally {
            if (contents.isActive()) {
                // A row failed to compute, or the server refused: the chunk rolls back, the copy must end first.
                contents.cancelCopy();
            }
        }
        lastLength = staged.length();
        try {
            copy.copyIn("COPY cx_staged_row (" + StagedRowWriter.ROW_COLUMNS + ") FROM STDIN WITH (FORMAT csv)",
                    new ByteArrayInputStream(staged.toBytes()));
            if (reasons.length() > 0) {
                copy.copyIn("COPY cx_staged_reason (" + StagedRowWriter.REASON_COLUMNS + ") FROM STDIN WITH (FORMAT csv)",
                        new ByteArrayInputStream(reasons.toBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row's line of the COPY into {@code cx_staged_content}: batch, row, its JSON and cells, UTF-8. */
    static byte[] contentLine(long batchId, StagedRow r) {
        int bytes = r.recordJson().length + r.cellsJson().length
                + (r.personalJson() == null ? 0 : r.personalJson().length);
        // Every key and value of the JSON is quoted: its quotes are doubled.
        return new CsvLineBytes(bytes + bytes / 2 + 48).ascii(Long.toString(batchId)).ascii(",")
                .ascii(Integer.toString(r.rowNumber())).field(r.recordJson()).field(r.cellsJson())
                .field(r.personalJson()).ascii("\n").toBytes();
    }

    private void appendRow(CsvLineBytes staged, StagedRow r) {
        staged.ascii(Long.toString(batchId)).ascii(",").ascii(Integer.toString(r.rowNumber()))
                .field(r.status().name()).field(r.subjectStore().name()).field(r.subjectKind()).field(r.subjectName())
                .field(r.subjectCode()).field(r.subjectIdHash()).field(r.businessKey()).field(r.contentHash())
                .field(r.factHash())
                .ascii(",").ascii(r.disclosureEnd() == null ? "" : r.disclosureEnd().toString())
                .ascii(r.endsDisclosure() ? ",t" : ",f")
                .field(StagedRowWriter.matchStatus(r))
                .field(r.match() == null ? null : r.match().nameNorm())
                .field(r.match() == null ? null : r.match().orgCode())
                .field(r.match() == null ? null : r.match().regNumber());
        if (r.reporting() != null) {
            staged.ascii(",").ascii(r.reporting().decisionDate().toString())
                    .ascii(",").ascii(Integer.toString(r.reporting().delay().workingDays()))
                    .ascii(r.reporting().delay().approximate() ? ",t" : ",f");
        } else {
            staged.ascii(",,,");
        }
        staged.ascii("\n");
    }

    private void appendReasons(CsvLineBytes reasons, StagedRow r) {
        int seq = 0;
        for (Reason reason : r.reasons()) {
            reasons.ascii(Long.toString(batchId)).ascii(",").ascii(Integer.toString(r.rowNumber())).ascii(",")
                    .ascii(Integer.toString(seq++)).field(reason.field()).field(reason.title()).field(reason.code())
                    .field(reason.severity().name()).field(reason.message()).field(reason.hint()).ascii("\n");
        }
    }
}
