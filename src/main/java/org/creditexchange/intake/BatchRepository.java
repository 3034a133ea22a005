package org.creditexchange.intake;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The batch table ({@code cx_batch}): the collection log. */
@Repository
public class BatchRepository {

    private static final String COLUMNS = "id, unit_code, channel_id, original_name, sha256, size_bytes, received_at, "
            + "landed_path, status, duplicate_of, item_id, rows_received, rows_accepted, rows_warned, rows_rejected, "
            + "problem_code, problem_message, problem_hint, failure_message, feedback_path, receipt_path, processed_at";

    private final JdbcTemplate jdbc;

    public BatchRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a newly landed file; returns its id. */
    public long insert(String unit, String channel, String originalName, LandingZone.Landed landed,
                       OffsetDateTime receivedAt, BatchStatus status, Long duplicateOf) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO cx_batch (unit_code, channel_id, original_name, "
                    + "sha256, size_bytes, received_at, landed_path, status, duplicate_of) VALUES (?,?,?,?,?,?,?,?,?)",
                    new String[] {"id"});
            ps.setString(1, unit);
            ps.setString(2, channel);
            ps.setString(3, originalName);
            ps.setString(4, landed.sha256());
            ps.setLong(5, landed.sizeBytes());
            ps.setObject(6, receivedAt);
            ps.setString(7, landed.path().toString());
            ps.setString(8, status.name());
            ps.setObject(9, duplicateOf);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /**
     * The earliest batch of {@code unit} with this content that is DONE, or else one that never finished (RECEIVED,
     * PROCESSING, FAILED): the same file arriving again completes that one instead of making a second batch.
     * A REJECTED batch is no original: the same file after a configuration fix is processed anew.
     */
    public Optional<Batch> findOriginal(String unit, String sha256) {
        return jdbc.query("SELECT " + COLUMNS + " FROM cx_batch WHERE unit_code = ? AND sha256 = ? "
                        + "AND status IN ('RECEIVED','PROCESSING','DONE','FAILED') AND channel_id <> 'dry-run' "
                        + "ORDER BY CASE WHEN status = 'DONE' THEN 0 ELSE 1 END, id FETCH FIRST 1 ROWS ONLY",
                this::map, unit, sha256).stream().findFirst();
    }

    /** Batches that never finished: RECEIVED (never started) and FAILED, oldest first. */
    public List<Batch> unfinished() {
        // A dry run left unfinished (the engine stopped) is abandoned, not finished: it would store nothing anyway.
        return jdbc.query("SELECT " + COLUMNS + " FROM cx_batch WHERE status IN ('RECEIVED', 'FAILED') "
                + "AND channel_id <> 'dry-run' ORDER BY id", this::map);
    }

    public Optional<Batch> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM cx_batch WHERE id = ?", this::map, id).stream().findFirst();
    }

    public Batch get(long id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no batch " + id));
    }

    /** The most recent batches, newest first. */
    public List<Batch> recent(int limit) {
        return search(null, null, null, null, limit);
    }

    public void markRecognized(long id, String itemId, String fileFormat, String layoutJson, String noticesJson) {
        jdbc.update("UPDATE cx_batch SET status = 'PROCESSING', item_id = ?, file_format = ?, layout_json = ?, "
                + "notices_json = ? WHERE id = ?", itemId, fileFormat, layoutJson, noticesJson, id);
    }

    /** The file-level notices recorded when the file was recognised or processed (JSON list), if any. */
    public Optional<String> noticesJson(long id) {
        return jdbc.query("SELECT notices_json FROM cx_batch WHERE id = ?", (rs, i) -> rs.getString(1), id)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Replaces the batch's file-level notices (JSON list), e.g. to add one found after recognition. */
    public void recordNotices(long id, String noticesJson) {
        jdbc.update("UPDATE cx_batch SET notices_json = ? WHERE id = ?", noticesJson, id);
    }

    public Optional<String> layoutJson(long id) {
        return jdbc.query("SELECT layout_json FROM cx_batch WHERE id = ?", (rs, i) -> rs.getString(1), id)
                .stream().findFirst();
    }

    /**
     * The engine failed on the batch (a system fault): FAILED, keeping what was known before (a file-level
     * rejection, the layout), so that {@link #resumeAfterFailure} can put it back where it stood.
     */
    public void markFailed(long id, String message) {
        String m = message == null ? "" : IdNumberMasking.maskForLog(message);
        m = m.length() > 2000 ? m.substring(0, 2000) : m;
        jdbc.update("UPDATE cx_batch SET status = 'FAILED', failure_message = ? WHERE id = ?", m, id);
    }

    /** Before a failed batch's job is restarted: back to REJECTED, PROCESSING or RECEIVED, as it stood. */
    public void resumeAfterFailure(long id) {
        jdbc.update("UPDATE cx_batch SET status = CASE WHEN problem_code IS NOT NULL THEN 'REJECTED' "
                + "WHEN layout_json IS NOT NULL THEN 'PROCESSING' ELSE 'RECEIVED' END, failure_message = NULL "
                + "WHERE id = ? AND status = 'FAILED'", id);
    }

    /** The file as a whole was refused: REJECTED with the problem for the clerk. */
    public void markProblem(long id, BatchStatus status, String itemId, String code, String message, String hint) {
        jdbc.update("UPDATE cx_batch SET status = ?, item_id = COALESCE(?, item_id), problem_code = ?, "
                + "problem_message = ?, problem_hint = ?, processed_at = ? WHERE id = ?",
                status.name(), itemId, code, message, hint, OffsetDateTime.now(), id);
    }

    public void markDone(long id, Batch.Counts counts) {
        jdbc.update("UPDATE cx_batch SET status = 'DONE', rows_received = ?, rows_accepted = ?, rows_warned = ?, "
                + "rows_rejected = ?, processed_at = ? WHERE id = ?", counts.received(), counts.accepted(),
                counts.warned(), counts.rejected(), OffsetDateTime.now(), id);
    }

    public void recordFeedback(long id, Path workbook, Path receipt) {
        jdbc.update("UPDATE cx_batch SET feedback_path = ?, receipt_path = ?, processed_at = COALESCE(processed_at, ?) "
                + "WHERE id = ?", workbook.toString(), receipt.toString(), OffsetDateTime.now(), id);
    }

    /** The batch's run key: 0 until it is reloaded, then the reload's own number (see {@link #resetForReload}). */
    public long runKey(long id) {
        Long key = jdbc.queryForObject("SELECT run_key FROM cx_batch WHERE id = ?", Long.class, id);
        return key == null ? 0 : key;
    }

    /**
     * Before a reload: forgets the batch's staging, verdict, counts, feedback and deliveries, back to RECEIVED under a
     * new run key (a new ingest job instance). Its records in the store stay: the new run merges over them.
     */
    public void resetForReload(long id, long runKey) {
        jdbc.update("DELETE FROM cx_staged_reason WHERE batch_id = ?", id);
        jdbc.update("DELETE FROM cx_staged_content WHERE batch_id = ?", id);
        jdbc.update("DELETE FROM cx_staged_row WHERE batch_id = ?", id);
        jdbc.update("DELETE FROM cx_feedback_delivery WHERE batch_id = ?", id);
        jdbc.update("UPDATE cx_batch SET status = 'RECEIVED', item_id = NULL, file_format = NULL, layout_json = NULL, "
                + "notices_json = NULL, problem_code = NULL, problem_message = NULL, problem_hint = NULL, "
                + "failure_message = NULL, rows_received = NULL, rows_accepted = NULL, rows_warned = NULL, "
                + "rows_rejected = NULL, feedback_path = NULL, receipt_path = NULL, processed_at = NULL, run_key = ? "
                + "WHERE id = ?", runKey, id);
    }

    /**
     * After a dry run: its staging is deleted and the batch marked DRY_RUN (kept as a trace of the run, never an
     * original for duplicate detection). Returns whether another batch still uses the same landed content.
     */
    public boolean finishDryRun(long id) {
        jdbc.update("DELETE FROM cx_staged_reason WHERE batch_id = ?", id);
        jdbc.update("DELETE FROM cx_staged_content WHERE batch_id = ?", id);
        jdbc.update("DELETE FROM cx_staged_row WHERE batch_id = ?", id);
        jdbc.update("UPDATE cx_batch SET status = 'DRY_RUN' WHERE id = ?", id);
        Integer others = jdbc.queryForObject("SELECT COUNT(*) FROM cx_batch WHERE sha256 = (SELECT sha256 FROM cx_batch "
                + "WHERE id = ?) AND id <> ? AND status <> 'DRY_RUN'", Integer.class, id, id);
        return others != null && others > 0;
    }

    /**
     * Batches by unit, status and time received, newest first; a null argument does not filter.
     *
     * @param from        received at or after, or null
     * @param toExclusive received before, or null
     */
    public List<Batch> search(String unit, BatchStatus status, OffsetDateTime from, OffsetDateTime toExclusive, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM cx_batch WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (unit != null) {
            sql.append(" AND unit_code = ?");
            args.add(unit);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        if (from != null) {
            sql.append(" AND received_at >= ?");
            args.add(from);
        }
        if (toExclusive != null) {
            sql.append(" AND received_at < ?");
            args.add(toExclusive);
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), this::map, args.toArray());
    }

    /** The unit's DONE and REJECTED batches received in [from, to), oldest first: what a reload of a range covers. */
    public List<Batch> finished(String unit, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.query("SELECT " + COLUMNS + " FROM cx_batch WHERE unit_code = ? AND status IN ('DONE', 'REJECTED') "
                + "AND received_at >= ? AND received_at < ? ORDER BY id", this::map, unit, from, to);
    }

    private Batch map(ResultSet rs, int i) throws SQLException {
        long dup = rs.getLong("duplicate_of");
        Long duplicateOf = rs.wasNull() ? null : dup;
        String feedback = rs.getString("feedback_path");
        String receipt = rs.getString("receipt_path");
        return new Batch(rs.getLong("id"), rs.getString("unit_code"), rs.getString("channel_id"),
                rs.getString("original_name"), rs.getString("sha256").trim(), rs.getLong("size_bytes"),
                rs.getObject("received_at", OffsetDateTime.class), Path.of(rs.getString("landed_path")),
                BatchStatus.valueOf(rs.getString("status")), duplicateOf, rs.getString("item_id"),
                new Batch.Counts(rs.getLong("rows_received"), rs.getLong("rows_accepted"), rs.getLong("rows_warned"),
                        rs.getLong("rows_rejected")),
                rs.getString("problem_code"), rs.getString("problem_message"), rs.getString("problem_hint"),
                rs.getString("failure_message"),
                feedback == null ? null : Path.of(feedback), receipt == null ? null : Path.of(receipt),
                rs.getObject("processed_at", OffsetDateTime.class));
    }
}
