package org.creditexchange.ingest.stage;

import java.io.IOException;
import java.io.StringReader;
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
        StringBuilder staged = new StringBuilder(Math.max(size * 256, lastLength + lastLength / 8));
        StringBuilder reasons = new StringBuilder();
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
                    new StringReader(staged.toString()));
            if (!reasons.isEmpty()) {
                copy.copyIn("COPY cx_staged_reason (" + StagedRowWriter.REASON_COLUMNS + ") FROM STDIN WITH (FORMAT csv)",
                        new StringReader(reasons.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row's line of the COPY into {@code cx_staged_content}: batch, row, its JSON and cells, UTF-8. */
    static byte[] contentLine(long batchId, StagedRow r) {
        int chars = r.recordJson().length() + r.cellsJson().length()
                + (r.personalJson() == null ? 0 : r.personalJson().length());
        return new CsvLineBytes(chars + chars / 2 + 48).ascii(Long.toString(batchId)).ascii(",")
                .ascii(Integer.toString(r.rowNumber())).field(r.recordJson()).field(r.cellsJson())
                .field(r.personalJson()).ascii("\n").toBytes();
    }

    private void appendRow(StringBuilder staged, StagedRow r) {
        staged.append(batchId).append(',').append(r.rowNumber());
        text(staged, r.status().name());
        text(staged, r.subjectStore().name());
        text(staged, r.subjectKind());
        text(staged, r.subjectName());
        text(staged, r.subjectCode());
        text(staged, r.subjectIdHash());
        text(staged, r.businessKey());
        text(staged, r.contentHash());
        text(staged, r.factHash());
        staged.append(',');
        if (r.disclosureEnd() != null) {
            staged.append(r.disclosureEnd());
        }
        staged.append(',').append(r.endsDisclosure() ? 't' : 'f');
        text(staged, StagedRowWriter.matchStatus(r));
        text(staged, r.match() == null ? null : r.match().nameNorm());
        text(staged, r.match() == null ? null : r.match().orgCode());
        text(staged, r.match() == null ? null : r.match().regNumber());
        staged.append(',');
        if (r.reporting() != null) {
            staged.append(r.reporting().decisionDate()).append(',').append(r.reporting().delay().workingDays())
                    .append(',').append(r.reporting().delay().approximate() ? 't' : 'f');
        } else {
            staged.append(",,");
        }
        staged.append('\n');
    }

    private void appendReasons(StringBuilder reasons, StagedRow r) {
        int seq = 0;
        for (Reason reason : r.reasons()) {
            reasons.append(batchId).append(',').append(r.rowNumber()).append(',').append(seq++);
            text(reasons, reason.field());
            text(reasons, reason.title());
            text(reasons, reason.code());
            text(reasons, reason.severity().name());
            text(reasons, reason.message());
            text(reasons, reason.hint());
            reasons.append('\n');
        }
    }

    /** A separator and a text field: null as an empty field, anything else quoted with inner quotes doubled. */
    private static void text(StringBuilder out, String value) {
        out.append(',');
        if (value == null) {
            return;
        }
        out.append('"');
        int quote = value.indexOf('"');
        if (quote < 0) {
            // The usual case: one bulk copy.
            out.append(value).append('"');
            return;
        }
        int from = 0;
        for (; quote >= 0; quote = value.indexOf('"', from)) {
            out.append(value, from, quote + 1).append('"');
            from = quote + 1;
        }
        out.append(value, from, value.length()).append('"');
    }
}
