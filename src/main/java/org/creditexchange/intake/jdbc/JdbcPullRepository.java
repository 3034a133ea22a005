package org.creditexchange.intake.jdbc;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.intake.JdbcChannelDefinition;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The jdbc channel's tables in the engine's database: {@code cx_jdbc_watermark}, how far each pull has read, and
 * {@code cx_jdbc_pull}, which front-end rows each batch came from. Both are written in the transaction that records
 * the batch, so a batch and the watermark past its rows are committed together or not at all.
 */
@Repository
public class JdbcPullRepository {

    private final JdbcTemplate jdbc;

    public JdbcPullRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A pull's stored state.
     *
     * @param watermarkColumn the watermark column it was read by
     * @param keyColumn       the key column it was read by, or null
     * @param position        how far it has read
     * @param version         bumped with every advance (two collectors of one pull cannot both advance it)
     */
    record Stored(String watermarkColumn, String keyColumn, PullPosition position, long version) {
    }

    /**
     * Where a batch's rows came from.
     *
     * @param pullName    the pull (table by default)
     * @param sourceTable the table read, null for a query
     * @param keyColumn   the key column, null without one
     * @param keyKind     the key column's kind, null when unknown
     */
    record Lineage(long batchId, String unit, String channel, String pullName, String sourceTable,
                          String keyColumn, ValueKind keyKind) {
    }

    Optional<Stored> find(String unit, String channel, String pull) {
        return jdbc.query("SELECT watermark_column, key_column, watermark_kind, watermark_value, key_kind, key_value, "
                        + "version FROM cx_jdbc_watermark WHERE unit_code = ? AND channel_id = ? AND pull_name = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), new PullPosition(
                        ValueKind.valueOf(rs.getString(3)), rs.getString(4), kind(rs.getString(5)), rs.getString(6)),
                        rs.getLong(7)), unit, channel, pull).stream().findFirst();
    }

    /**
     * Moves a pull's watermark to {@code to} after batch {@code batchId}; joins the caller's transaction.
     *
     * @param expectedVersion the version read before the pull started (null: no state yet)
     * @return the new version
     * @throws IllegalStateException when another collect of the same pull moved it meanwhile (the caller's
     *                               transaction must then roll back: its rows were landed by the other one)
     */
    long advance(String unit, String channel, JdbcChannelDefinition.Pull pull, PullPosition to, Long expectedVersion,
                 long batchId) {
        OffsetDateTime now = OffsetDateTime.now(IntakeService.ZONE);
        String keyKind = to.keyKind() == null ? null : to.keyKind().name();
        if (expectedVersion == null) {
            try {
                jdbc.update("INSERT INTO cx_jdbc_watermark (unit_code, channel_id, pull_name, watermark_column, "
                                + "key_column, watermark_kind, watermark_value, key_kind, key_value, version, "
                                + "last_batch_id, updated_at) VALUES (?,?,?,?,?,?,?,?,?,1,?,?)",
                        unit, channel, pull.effectiveName(), pull.watermark(), pull.key(), to.watermarkKind().name(),
                        to.watermark(), keyKind, to.key(), batchId, now);
            } catch (DuplicateKeyException e) {
                throw concurrent(unit, channel, pull);
            }
            return 1;
        }
        int n = jdbc.update("UPDATE cx_jdbc_watermark SET watermark_column = ?, key_column = ?, watermark_kind = ?, "
                        + "watermark_value = ?, key_kind = ?, key_value = ?, version = version + 1, last_batch_id = ?, "
                        + "updated_at = ? WHERE unit_code = ? AND channel_id = ? AND pull_name = ? AND version = ?",
                pull.watermark(), pull.key(), to.watermarkKind().name(), to.watermark(), keyKind, to.key(), batchId,
                now, unit, channel, pull.effectiveName(), expectedVersion);
        if (n != 1) {
            throw concurrent(unit, channel, pull);
        }
        return expectedVersion + 1;
    }

    /** Records where batch {@code batchId}'s rows came from; joins the caller's transaction. */
    void recordLineage(long batchId, String unit, String channel, JdbcChannelDefinition.Pull pull, PullPosition from,
                       PullPosition to, long rows, int pages) {
        jdbc.update("INSERT INTO cx_jdbc_pull (batch_id, unit_code, channel_id, pull_name, item_id, source_table, "
                        + "source_query, watermark_column, key_column, watermark_kind, from_watermark, from_key, "
                        + "to_watermark, to_key, key_kind, row_count, pages, pulled_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                batchId, unit, channel, pull.effectiveName(), pull.item(), pull.readsQuery() ? null : pull.table(),
                pull.readsQuery() ? pull.query().strip() : null, pull.watermark(), pull.key(),
                to.watermarkKind().name(), from.watermark(), from.key(), to.watermark(), to.key(),
                to.keyKind() == null ? null : to.keyKind().name(), rows, pages, OffsetDateTime.now(IntakeService.ZONE));
    }

    /** Where a batch came from, when it came by a jdbc pull (the latest pull that brought its content). */
    Optional<Lineage> lineage(long batchId) {
        return jdbc.query("SELECT unit_code, channel_id, pull_name, source_table, key_column, key_kind FROM cx_jdbc_pull "
                        + "WHERE batch_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                (rs, i) -> new Lineage(batchId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), kind(rs.getString(6))), batchId).stream().findFirst();
    }

    /** Whether a committed batch refers to this file of the landing zone. */
    boolean isLanded(java.nio.file.Path landedPath) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM cx_batch WHERE landed_path = ?", Integer.class,
                landedPath.toString());
        return n != null && n > 0;
    }

    private static ValueKind kind(String name) {
        return name == null ? null : ValueKind.valueOf(name);
    }

    private static IllegalStateException concurrent(String unit, String channel, JdbcChannelDefinition.Pull pull) {
        return new IllegalStateException("unit " + unit + ", channel " + channel + ", pull " + pull.effectiveName()
                + ": another collect advanced the watermark meanwhile; this pull's batch is withdrawn");
    }
}
