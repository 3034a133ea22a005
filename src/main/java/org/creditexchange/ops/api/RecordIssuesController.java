package org.creditexchange.ops.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.List;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.store.RecordLifecycle;
import org.creditexchange.store.RecordRef;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What stored records are waiting for: open conflicts between units and open objections (异议). Both name records
 * and what they say, so every read is written to the audit log.
 */
@RestController
@ConditionalOnWebApplication
public class RecordIssuesController {

    private final RecordLifecycle lifecycle;
    private final JdbcTemplate jdbc;
    private final ApiAudit audit;

    public RecordIssuesController(RecordLifecycle lifecycle, JdbcTemplate jdbc, ApiAudit audit) {
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * An open conflict: two units' records state different facts under one business key.
     *
     * @param recordA the earlier record ({@code O-12}), sent by {@code unitA}
     * @param recordB the record that opened the conflict, sent by {@code unitB}
     */
    public record ConflictView(long id, String itemId, String businessKey, String recordA, String unitA,
                               String recordB, String unitB, OffsetDateTime createdAt) {
    }

    /** An open objection against a record: its disclosure is suspended until it is settled. */
    public record DisputeView(long id, String record, String reason, String openedBy, OffsetDateTime openedAt) {
    }

    @GetMapping("/api/conflicts")
    public List<ConflictView> conflicts(@AuthenticationPrincipal ApiUser user,
                                        @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        List<RecordLifecycle.Conflict> open = lifecycle.openConflicts();
        List<ConflictView> shown = open.stream().limit(Math.max(1, Math.min(limit, 1000))).map(c -> new ConflictView(
                c.id(), c.itemId(), IdNumberMasking.maskEmbedded(c.businessKey()),
                new RecordRef(c.store(), c.recordA()).toString(), c.unitA(),
                new RecordRef(c.store(), c.recordB()).toString(), c.unitB(), BatchView.local(c.createdAt()))).toList();
        audit.record(request, user.getUsername(), "LIST_CONFLICTS", "open conflicts",
                shown.size() + " of " + open.size() + " shown");
        return shown;
    }

    @GetMapping("/api/disputes")
    public List<DisputeView> disputes(@AuthenticationPrincipal ApiUser user,
                                      @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        int n = Math.max(1, Math.min(limit, 1000));
        List<DisputeView> open = jdbc.query("SELECT id, record_store, record_id, reason, opened_by, opened_at "
                        + "FROM cx_dispute WHERE closed_at IS NULL ORDER BY id FETCH FIRST " + n + " ROWS ONLY",
                (rs, i) -> new DisputeView(rs.getLong(1), new RecordRef(rs.getString(2), rs.getLong(3)).toString(),
                        IdNumberMasking.maskEmbedded(rs.getString(4)), rs.getString(5),
                        BatchView.local(rs.getObject(6, OffsetDateTime.class))));
        audit.record(request, user.getUsername(), "LIST_DISPUTES", "open objections", open.size() + " shown");
        return open;
    }
}
