package org.creditexchange.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.creditexchange.audit.AccessLog;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What operators and sources do to stored records after loading: objections (异议), withdrawals, conflict
 * resolution, archiving. Every change keeps the record (never a delete) and is written to the audit log.
 */
@Component
public class RecordLifecycle {

    private final JdbcTemplate jdbc;
    private final AccessLog audit;

    public RecordLifecycle(JdbcTemplate jdbc, AccessLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A stored record's current essentials. */
    public record Current(RecordRef ref, String itemId, String unitCode, String state, boolean disputed, int version) {
    }

    /** The record, or IllegalArgumentException naming it. */
    public Current current(RecordRef ref) {
        List<Current> found = jdbc.query("SELECT item_id, unit_code, state, disputed, version FROM " + ref.table()
                + " WHERE id = ?", (rs, i) -> new Current(ref, rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getBoolean(4), rs.getInt(5)), ref.id());
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no record " + ref);
        }
        return found.get(0);
    }

    /** Marks the record disputed: its disclosure is suspended until {@link #undispute}. */
    @Transactional
    public long dispute(RecordRef ref, String reason, String actor) {
        reason = IdNumberMasking.maskEmbedded(reason);
        Current c = current(ref);
        // Check and set in one statement: two operators at once open one objection, not two.
        if (jdbc.update("UPDATE " + ref.table() + " SET disputed = TRUE WHERE id = ? AND disputed = FALSE", ref.id()) == 0) {
            throw new IllegalStateException(ref + " is already disputed");
        }
        jdbc.update("INSERT INTO cx_dispute (record_store, record_id, reason, opened_by, opened_at) VALUES (?,?,?,?,?)",
                ref.store(), ref.id(), reason, actor, OffsetDateTime.now());
        audit.record(actor, "DISPUTE", ref.toString(), reason, "item=" + c.itemId() + " unit=" + c.unitCode());
        return jdbc.queryForObject("SELECT MAX(id) FROM cx_dispute WHERE record_store = ? AND record_id = ?", Long.class,
                ref.store(), ref.id());
    }

    /** Ends the record's open objection: {@code corrected} (the source corrects it) or {@code confirmed}. */
    @Transactional
    public void undispute(RecordRef ref, String outcome, String reason, String actor) {
        reason = IdNumberMasking.maskEmbedded(reason);
        if (!outcome.equals("corrected") && !outcome.equals("confirmed")) {
            throw new IllegalArgumentException("outcome is corrected or confirmed, not '" + outcome + "'");
        }
        current(ref);
        if (jdbc.update("UPDATE " + ref.table() + " SET disputed = FALSE WHERE id = ? AND disputed = TRUE", ref.id()) == 0) {
            throw new IllegalStateException(ref + " is not disputed");
        }
        jdbc.update("UPDATE cx_dispute SET outcome = ?, closed_reason = ?, closed_by = ?, closed_at = ? "
                + "WHERE record_store = ? AND record_id = ? AND closed_at IS NULL", outcome, reason, actor,
                OffsetDateTime.now(), ref.store(), ref.id());
        audit.record(actor, "UNDISPUTE", ref.toString(), reason, "outcome=" + outcome);
    }

    /** The sending unit withdraws a record it sent: kept as WITHDRAWN, the withdrawal in its history. */
    @Transactional
    public void withdraw(RecordRef ref, String unit, String reason, String actor) {
        reason = IdNumberMasking.maskEmbedded(reason);
        Current c = current(ref);
        if (!c.unitCode().equals(unit)) {
            throw new IllegalArgumentException(ref + " was sent by " + c.unitCode() + ", not " + unit
                    + ": only the sending unit withdraws a record");
        }
        keepVersion(ref, "withdrawn by " + unit + ": " + reason);
        jdbc.update("UPDATE " + ref.table() + " SET state = 'WITHDRAWN', version = version + 1, updated_at = ? WHERE id = ?",
                OffsetDateTime.now(), ref.id());
        audit.record(actor, "WITHDRAW", ref.toString(), reason, "unit=" + unit);
    }

    /** An open conflict between two units' records. */
    public record Conflict(long id, String store, String itemId, String businessKey, long recordA, String unitA,
                           long recordB, String unitB, OffsetDateTime createdAt) {
    }

    /** The open conflicts, oldest first. */
    public List<Conflict> openConflicts() {
        return jdbc.query("SELECT id, record_store, item_id, business_key, record_a, unit_a, record_b, unit_b, created_at "
                + "FROM cx_conflict WHERE status = 'OPEN' ORDER BY id", (rs, i) -> new Conflict(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getLong(7),
                rs.getString(8), rs.getObject(9, OffsetDateTime.class)));
    }

    /** Settles an open conflict: the kept unit's record stands, the other's becomes SUPERSEDED (kept). */
    @Transactional
    public void resolveConflict(long conflictId, String keepUnit, String reason, String actor) {
        reason = IdNumberMasking.maskEmbedded(reason);
        List<Conflict> found = openConflicts().stream().filter(c -> c.id() == conflictId).toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no open conflict " + conflictId);
        }
        Conflict c = found.get(0);
        long loser;
        if (keepUnit.equals(c.unitA())) {
            loser = c.recordB();
        } else if (keepUnit.equals(c.unitB())) {
            loser = c.recordA();
        } else {
            throw new IllegalArgumentException("conflict " + conflictId + " is between " + c.unitA() + " and "
                    + c.unitB() + ", not " + keepUnit);
        }
        // Settle first, in one statement: of two operators resolving at once, only one supersedes a record.
        if (jdbc.update("UPDATE cx_conflict SET status = 'RESOLVED', kept_unit = ?, reason = ?, resolved_by = ?, "
                + "resolved_at = ? WHERE id = ? AND status = 'OPEN'", keepUnit, reason, actor, OffsetDateTime.now(),
                conflictId) == 0) {
            throw new IllegalStateException("conflict " + conflictId + " was resolved meanwhile");
        }
        RecordRef lost = new RecordRef(c.store(), loser);
        keepVersion(lost, "superseded by conflict " + conflictId + ": " + reason);
        jdbc.update("UPDATE " + lost.table() + " SET state = 'SUPERSEDED', version = version + 1, updated_at = ? WHERE id = ?",
                OffsetDateTime.now(), loser);
        audit.record(actor, "RESOLVE_CONFLICT", "conflict " + conflictId, reason, "kept=" + keepUnit + " superseded=" + lost);
    }

    /**
     * Archives every ACTIVE record whose disclosure period ended before {@code today}: kept, no longer disclosed
     * (转为档案保存). Returns how many per store.
     */
    @Transactional
    public Map<String, Integer> archive(LocalDate today, String actor) {
        OffsetDateTime now = OffsetDateTime.now();
        int orgs = jdbc.update("UPDATE cx_org_record SET state = 'ARCHIVED', archived_at = ? "
                + "WHERE state = 'ACTIVE' AND disclosure_end < ?", now, java.sql.Date.valueOf(today));
        int persons = jdbc.update("UPDATE cx_person_record SET state = 'ARCHIVED', archived_at = ? "
                + "WHERE state = 'ACTIVE' AND disclosure_end < ?", now, java.sql.Date.valueOf(today));
        if (orgs + persons > 0) {
            audit.record(actor, "ARCHIVE", "disclosure ended before " + today, "disclosure period ended",
                    orgs + " organisation and " + persons + " person records archived");
        }
        return Map.of("ORG", orgs, "PERSON", persons);
    }

    private void keepVersion(RecordRef ref, String by) {
        jdbc.update("INSERT INTO cx_record_version (record_store, record_id, version, item_id, business_key, unit_code, "
                + "state, content_hash, record_json, personal_json, batch_id, row_no, superseded_at, superseded_by) "
                + "SELECT ?, id, version, item_id, business_key, unit_code, state, content_hash, record_json, "
                + "personal_json, batch_id, row_no, ?, ? FROM " + ref.table() + " WHERE id = ?",
                ref.store(), OffsetDateTime.now(), by.length() > 256 ? by.substring(0, 256) : by, ref.id());
    }
}
