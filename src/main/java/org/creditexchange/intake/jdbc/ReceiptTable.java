package org.creditexchange.intake.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.creditexchange.intake.JdbcChannelDefinition.Receipts;

/**
 * The receipt table (回执表) on a front-end database: one row per data row of a batch, keyed by (batch id, row number).
 * Writing a batch's receipts replaces whatever was there for the batch, in one transaction, so delivering twice
 * leaves one set. Names come only from the checked channel definition (plain identifiers); values are bound.
 */
final class ReceiptTable {

    /** Longest texts written, to fit the columns {@link #createSql} makes. */
    static final int KEY_LENGTH = 256;
    static final int CODES_LENGTH = 512;
    static final int MESSAGE_LENGTH = 4000;

    /**
     * One receipt row.
     *
     * @param rowNumber  the row number in the batch (as in staging and in the receipt CSV)
     * @param sourceKey  the source row's key as text, or null without a key
     * @param status     the row's status code as in the receipt CSV (ACCEPTED, WARNED, REJECTED, DUPLICATE)
     * @param statusName the status for the unit's staff: 接收, 警告, 拒收, 重复
     * @param fields     the catalog fields of its reasons, {@code ;}-separated ("" for none)
     * @param codes      its reason codes, {@code ;}-separated ("" for none)
     * @param message    its reasons' Chinese messages, masked ("" for none)
     */
    record Row(int rowNumber, String sourceKey, String status, String statusName, String fields, String codes,
               String message) {
    }

    /**
     * The source rows' status column to set too.
     *
     * @param table        the source table
     * @param keyColumn    its key column
     * @param keyKind      the key's kind (to bind the key as the column's type)
     * @param statusColumn the column set to the row's status code
     */
    record StatusUpdate(String table, String keyColumn, ValueKind keyKind, String statusColumn) {
    }

    private final Receipts receipts;

    ReceiptTable(Receipts receipts) {
        this.receipts = receipts;
    }

    String createSql() {
        return "CREATE TABLE " + receipts.table() + " ("
                + c("batch-id") + " BIGINT NOT NULL, "
                + c("row-no") + " INTEGER NOT NULL, "
                + c("source-table") + " VARCHAR(128), "
                + c("source-key") + " VARCHAR(" + KEY_LENGTH + "), "
                + c("status") + " VARCHAR(16) NOT NULL, "
                + c("status-name") + " VARCHAR(16) NOT NULL, "
                + c("reason-field") + " VARCHAR(" + CODES_LENGTH + "), "
                + c("reason-code") + " VARCHAR(" + CODES_LENGTH + "), "
                + c("reason-message") + " VARCHAR(" + MESSAGE_LENGTH + "), "
                + c("processed-at") + " TIMESTAMP NULL, "
                + "PRIMARY KEY (" + c("batch-id") + ", " + c("row-no") + "))";
    }

    String probeSql() {
        return "SELECT COUNT(*) FROM " + receipts.table() + " WHERE 1 = 0";
    }

    String deleteSql() {
        return "DELETE FROM " + receipts.table() + " WHERE " + c("batch-id") + " = ?";
    }

    String insertSql() {
        List<String> columns = Receipts.COLUMN_NAMES.keySet().stream().map(this::c).toList();
        return "INSERT INTO " + receipts.table() + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
    }

    static String statusSql(StatusUpdate u) {
        return "UPDATE " + u.table() + " SET " + u.statusColumn() + " = ? WHERE " + u.keyColumn() + " = ?";
    }

    /**
     * Replaces batch {@code batchId}'s receipts by {@code rows} (and sets the status column of the source rows when
     * {@code update} is given), in one transaction; creates the table first when it is absent and may be created.
     *
     * @param source the pull the rows came from (written into each receipt row)
     * @throws SQLException when the table is absent and may not be created, or the database fails
     */
    void write(Connection c, long batchId, String source, List<Row> rows, LocalDateTime processedAt,
               StatusUpdate update) throws SQLException {
        c.setAutoCommit(true);
        ensureTable(c);
        c.setAutoCommit(false);
        try {
            try (PreparedStatement delete = c.prepareStatement(deleteSql())) {
                delete.setLong(1, batchId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(insertSql())) {
                int pending = 0;
                for (Row r : rows) {
                    insert.setLong(1, batchId);
                    insert.setInt(2, r.rowNumber());
                    insert.setString(3, source);
                    text(insert, 4, r.sourceKey(), KEY_LENGTH);
                    insert.setString(5, r.status());
                    insert.setString(6, r.statusName());
                    text(insert, 7, r.fields(), CODES_LENGTH);
                    text(insert, 8, r.codes(), CODES_LENGTH);
                    text(insert, 9, r.message(), MESSAGE_LENGTH);
                    if (processedAt == null) {
                        insert.setNull(10, Types.TIMESTAMP);
                    } else {
                        insert.setTimestamp(10, Timestamp.valueOf(processedAt));
                    }
                    insert.addBatch();
                    if (++pending == 500) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            if (update != null) {
                updateStatus(c, update, rows);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void updateStatus(Connection c, StatusUpdate u, List<Row> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statusSql(u))) {
            int pending = 0;
            for (Row r : rows) {
                if (r.sourceKey() == null || r.sourceKey().isEmpty()) {
                    continue;
                }
                ps.setString(1, r.status());
                u.keyKind().bind(ps, 2, u.keyKind().parse(r.sourceKey()));
                ps.addBatch();
                if (++pending == 500) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private void ensureTable(Connection c) throws SQLException {
        if (exists(c)) {
            return;
        }
        if (!receipts.create()) {
            throw new SQLException("the receipt table " + receipts.table() + " does not exist (and receipts.create is "
                    + "false: the unit's DBA creates it, or set create: true)");
        }
        try (Statement s = c.createStatement()) {
            s.execute(createSql());
        } catch (SQLException e) {
            if (!exists(c)) { // another node may have created it at the same moment
                throw e;
            }
        }
    }

    private boolean exists(Connection c) {
        try (Statement s = c.createStatement()) {
            s.executeQuery(probeSql()).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private String c(String logical) {
        return receipts.column(logical);
    }

    private static void text(PreparedStatement ps, int index, String value, int max) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value.length() > max ? value.substring(0, max) : value);
        }
    }
}
