package org.creditexchange.ops.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.creditexchange.intake.IntakeService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log (查询日志), newest first, filtered by days, actor and action (ADMIN and OPERATOR). Read only: the
 * application never changes or deletes an entry. Reading it is itself an entry.
 */
@RestController
@ConditionalOnWebApplication
public class AuditController {

    private final JdbcTemplate jdbc;
    private final ApiAudit audit;

    public AuditController(JdbcTemplate jdbc, ApiAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * One entry.
     *
     * @param host    the engine's host name
     * @param details for an API request, starts with {@code from <caller's address>: <method> <path>}
     */
    public record Entry(long id, OffsetDateTime at, String actor, String host, String action, String target,
                        String reason, String details) {
    }

    @GetMapping("/api/audit")
    public List<Entry> entries(@AuthenticationPrincipal ApiUser user,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) String actor,
                               @RequestParam(required = false) String action,
                               @RequestParam(defaultValue = "200") int limit, HttpServletRequest request) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, host, action, target, reason, details "
                + "FROM cx_access_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (from != null) {
            sql.append(" AND at >= ?");
            args.add(from.atStartOfDay(IntakeService.ZONE).toOffsetDateTime());
        }
        if (to != null) {
            sql.append(" AND at < ?");
            args.add(to.plusDays(1).atStartOfDay(IntakeService.ZONE).toOffsetDateTime());
        }
        if (actor != null && !actor.isBlank()) {
            sql.append(" AND actor = ?");
            args.add(actor.strip());
        }
        if (action != null && !action.isBlank()) {
            sql.append(" AND action = ?");
            args.add(action.strip().toUpperCase(java.util.Locale.ROOT));
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(Math.max(1, Math.min(limit, 5000))).append(" ROWS ONLY");
        List<Entry> entries = jdbc.query(sql.toString(), (rs, i) -> new Entry(rs.getLong(1),
                BatchView.local(rs.getObject(2, OffsetDateTime.class)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), args.toArray());
        audit.record(request, user.getUsername(), "QUERY_AUDIT", "audit log", "from=" + from + " to=" + to
                + " actor=" + actor + " action=" + action + " -> " + entries.size() + " entries");
        return entries;
    }
}
