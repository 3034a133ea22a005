package org.creditexchange.intake.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.creditexchange.intake.JdbcChannelDefinition;

/**
 * Reads one pull from a front-end connection, page after page, from a position to the end of what is there now, and
 * hands every row's cells to a {@link Sink} as text. After each page the sink learns the position that page reached:
 * a safe point at which everything handed over so far may be committed.
 */
final class PullReader {

    /** Where the rows go. */
    interface Sink {

        /** The column labels, once, before the first row. */
        void columns(List<String> labels) throws Exception;

        /** One row's cells in column order, as text ({@code ""} for NULL). */
        void row(List<String> cells) throws Exception;

        /** A page ended: every row up to {@code after} has been handed over. */
        void pageEnd(PullPosition after, long rowsInPage) throws Exception;
    }

    /**
     * What a read did.
     *
     * @param rows  rows handed over
     * @param pages pages read (a last, empty query not counted)
     * @param last  the position reached (the start position when nothing was there)
     */
    record Result(long rows, int pages, PullPosition last) {
    }

    private final Connection connection;
    private final JdbcChannelDefinition.Pull pull;
    private final PullQueries queries;
    private final int pageSize;
    private final int queryTimeoutSeconds;
    private List<String> labels;

    PullReader(Connection connection, JdbcChannelDefinition.Pull pull, int pageSize, int queryTimeoutSeconds) {
        this.connection = connection;
        this.pull = pull;
        this.queries = new PullQueries(pull, pageSize);
        this.pageSize = pageSize;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    /**
     * Reads every row after {@code from}.
     *
     * @throws SQLException when the front-end database fails, or a watermark or key column is missing or unusable
     *                      (then the message says so)
     * @throws Exception    what the sink throws
     */
    Result read(PullPosition from, Sink sink) throws Exception {
        return queries.keyed() ? readKeyed(from, sink) : readGroups(from, sink);
    }

    private Result readKeyed(PullPosition from, Sink sink) throws Exception {
        PullPosition at = from;
        long total = 0;
        int pages = 0;
        while (true) {
            long n = 0;
            Object lastWatermark = null;
            Object lastKey = null;
            ValueKind watermarkKind;
            ValueKind keyKind;
            try (PreparedStatement ps = prepare(queries.keyedPage(at)); ResultSet rs = ps.executeQuery()) {
                Columns c = columns(rs, sink);
                int w = c.index(pull.watermark(), "watermark");
                int k = c.index(pull.key(), "key");
                watermarkKind = c.kinds[w];
                keyKind = c.kinds[k];
                while (rs.next()) {
                    Object[] values = c.read(rs);
                    if (values[k] == null) {
                        throw new SQLException("pull " + pull.effectiveName() + ": the key column " + pull.key()
                                + " is empty in a row; a key must be unique and never empty (or leave key: out)");
                    }
                    lastWatermark = values[w];
                    lastKey = values[k];
                    sink.row(c.texts(values));
                    n++;
                }
            }
            endReadTransaction();
            if (n == 0) {
                return new Result(total, pages, at);
            }
            at = new PullPosition(watermarkKind, watermarkKind.text(lastWatermark), keyKind, keyKind.text(lastKey));
            total += n;
            pages++;
            sink.pageEnd(at, n);
            if (n < pageSize) {
                return new Result(total, pages, at);
            }
        }
    }

    private Result readGroups(PullPosition from, Sink sink) throws Exception {
        PullPosition at = from;
        long total = 0;
        int pages = 0;
        while (true) {
            long ahead;
            PullPosition upTo;
            try (PreparedStatement ps = prepare(queries.pageBound(at)); ResultSet rs = ps.executeQuery()) {
                rs.next();
                ahead = rs.getLong(1);
                ValueKind kind = ValueKind.of(rs.getMetaData(), 2);
                Object max = kind.read(rs, 2);
                if (ahead == 0 || max == null) {
                    endReadTransaction();
                    return new Result(total, pages, at);
                }
                requireOrderable(kind, "watermark", pull.watermark());
                upTo = new PullPosition(kind, kind.text(max), null, null);
            }
            long n = 0;
            try (PreparedStatement ps = prepare(queries.rowsUpTo(at, upTo)); ResultSet rs = ps.executeQuery()) {
                Columns c = columns(rs, sink);
                c.index(pull.watermark(), "watermark");
                while (rs.next()) {
                    sink.row(c.texts(c.read(rs)));
                    n++;
                }
            }
            endReadTransaction();
            at = upTo;
            total += n;
            pages++;
            sink.pageEnd(at, n);
            if (ahead < pageSize) {
                return new Result(total, pages, at);
            }
        }
    }

    /** A read-only transaction is not kept open between pages (it would hold the front-end's snapshot). */
    private void endReadTransaction() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private PreparedStatement prepare(PullQueries.Query q) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(q.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        try {
            ps.setFetchSize(Math.min(pageSize, 1000));
            ps.setQueryTimeout(queryTimeoutSeconds);
            for (int i = 0; i < q.params().size(); i++) {
                PullQueries.Param p = q.params().get(i);
                p.kind().bind(ps, i + 1, p.value());
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private Columns columns(ResultSet rs, Sink sink) throws Exception {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> names = new ArrayList<>(n);
        ValueKind[] kinds = new ValueKind[n];
        for (int i = 1; i <= n; i++) {
            names.add(meta.getColumnLabel(i));
            kinds[i - 1] = ValueKind.of(meta, i);
        }
        if (labels == null) {
            labels = List.copyOf(names);
            sink.columns(labels);
        } else if (!labels.equals(names)) {
            throw new SQLException("pull " + pull.effectiveName() + ": the columns changed while reading (" + labels
                    + " became " + names + ")");
        }
        return new Columns(names, kinds);
    }

    private void requireOrderable(ValueKind kind, String role, String column) throws SQLException {
        if (!kind.orderable()) {
            throw new SQLException("pull " + pull.effectiveName() + ": the " + role + " column " + column + " is "
                    + kind.name().toLowerCase(Locale.ROOT) + "; use a timestamp, a date, a number or text");
        }
    }

    /** The columns of a result: labels and kinds. */
    private final class Columns {

        private final List<String> names;
        private final ValueKind[] kinds;

        Columns(List<String> names, ValueKind[] kinds) {
            this.names = names;
            this.kinds = kinds;
        }

        int index(String column, String role) throws SQLException {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(column)) {
                    requireOrderable(kinds[i], role, column);
                    return i;
                }
            }
            throw new SQLException("pull " + pull.effectiveName() + ": the " + role + " column " + column
                    + " is not among the columns read " + names);
        }

        Object[] read(ResultSet rs) throws SQLException {
            Object[] values = new Object[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                values[i] = kinds[i].read(rs, i + 1);
            }
            return values;
        }

        List<String> texts(Object[] values) {
            String[] cells = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                cells[i] = values[i] == null ? "" : kinds[i].text(values[i]);
            }
            return Arrays.asList(cells);
        }
    }
}
