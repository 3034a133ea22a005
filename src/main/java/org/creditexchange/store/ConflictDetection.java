package org.creditexchange.store;

import java.time.OffsetDateTime;
import java.util.List;
import org.creditexchange.ingest.validate.Reason;
import org.creditexchange.ingest.validate.ReasonMessages;
import org.creditexchange.ingest.validate.Severity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds, after a batch's merge, the records it wrote whose business key another unit also holds with other content:
 * two sources asserting different values for the same fact. Both records stay; a conflict is opened for
 * verification, and the row gets a warning in this batch's feedback. An already open conflict between the same
 * two records is not opened again.
 */
final class ConflictDetection {

    private static final String OPEN = """
            INSERT INTO cx_conflict (record_store, item_id, business_key, record_a, unit_a, record_b, unit_b, batch_b,
                status, created_at)
            SELECT 'ORG', mine.item_id, mine.business_key, other.id, other.unit_code, mine.id, mine.unit_code,
                mine.batch_id, 'OPEN', ?
            FROM cx_org_record mine JOIN cx_org_record other
              ON other.item_id = mine.item_id AND other.business_key = mine.business_key
             AND other.unit_code <> mine.unit_code
            WHERE mine.batch_id = ? AND mine.item_id = ? AND mine.unit_code = ?
              AND other.fact_hash <> mine.fact_hash AND other.state <> 'SUPERSEDED'
              AND NOT EXISTS (SELECT 1 FROM cx_conflict c WHERE c.status = 'OPEN' AND c.record_store = 'ORG'
                  AND ((c.record_a = other.id AND c.record_b = mine.id) OR (c.record_a = mine.id AND c.record_b = other.id)))
            """;

    private static final String OPENED = """
            SELECT c.id, c.unit_a, mine.row_no
            FROM cx_conflict c JOIN cx_org_record mine ON mine.id = c.record_b
            WHERE c.record_store = 'ORG' AND c.batch_b = ? AND c.id > ?
            """;

    private final JdbcTemplate jdbc;

    ConflictDetection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Opened(long id, String otherUnit, int rowNo) {
    }

    /** Open conflicts whose two records now state the same fact (a unit sent a correction) settle themselves. */
    private static final String SETTLE = """
            UPDATE cx_conflict SET status = 'RESOLVED', reason = 'the sources now agree', resolved_by = 'engine',
                resolved_at = ?
            WHERE status = 'OPEN' AND record_store = 'ORG'
              AND (SELECT a.fact_hash FROM cx_org_record a WHERE a.id = cx_conflict.record_a)
                = (SELECT b.fact_hash FROM cx_org_record b WHERE b.id = cx_conflict.record_b)
            """;

    /** Settles conflicts that a correction ended, then opens the conflicts of batch {@code batchId}; returns how many opened. */
    int detect(long batchId, String itemId, String unitCode) {
        jdbc.update(SETTLE, OffsetDateTime.now());
        jdbc.update(RecordMergeTasklet.forPersons(SETTLE), OffsetDateTime.now());
        long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM cx_conflict", Long.class);
        OffsetDateTime now = OffsetDateTime.now();
        int opened = 0;
        for (boolean persons : new boolean[] {false, true}) {
            String open = persons ? RecordMergeTasklet.forPersons(OPEN) : OPEN;
            opened += jdbc.update(open, now, batchId, itemId, unitCode);
            String list = persons ? RecordMergeTasklet.forPersons(OPENED) : OPENED;
            List<Opened> rows = jdbc.query(list, (rs, i) -> new Opened(rs.getLong(1), rs.getString(2), rs.getInt(3)),
                    batchId, before);
            for (Opened o : rows) {
                Reason reason = ReasonMessages.reason("", "", "CONFLICT_WITH_OTHER_UNIT", Severity.WARNING, o.otherUnit(),
                        String.valueOf(o.id()));
                Integer seq = jdbc.queryForObject("SELECT COALESCE(MAX(seq) + 1, 0) FROM cx_staged_reason "
                        + "WHERE batch_id = ? AND row_no = ?", Integer.class, batchId, o.rowNo());
                jdbc.update("INSERT INTO cx_staged_reason (batch_id, row_no, seq, field, title, code, severity, message, hint) "
                        + "VALUES (?,?,?,?,?,?,?,?,?)", batchId, o.rowNo(), seq, "", "", reason.code(),
                        reason.severity().name(), reason.message(), reason.hint());
                jdbc.update("UPDATE cx_staged_row SET status = 'WARNED' WHERE batch_id = ? AND row_no = ? "
                        + "AND status = 'ACCEPTED'", batchId, o.rowNo());
            }
        }
        return opened;
    }
}
