package org.creditexchange.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.util.List;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The access log (查询日志): every read of personal data in clear and every privileged action — who, when, from
 * where, what, why. Append-only from the application's side: there is no update or delete here.
 */
@Component
public class AccessLog {

    private final JdbcTemplate jdbc;

    public AccessLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry. */
    public record Entry(long id, OffsetDateTime at, String actor, String host, String action, String target,
                        String reason, String details) {
    }

    /**
     * Appends an entry (now, from this host).
     *
     * @throws IllegalArgumentException when the actor or the reason is blank: an access without them is refused
     */
    public void record(String actor, String action, String target, String reason, String details) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an access needs an actor");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an access to personal data needs a reason");
        }
        jdbc.update("INSERT INTO cx_access_log (at, actor, host, action, target, reason, details) VALUES (?,?,?,?,?,?,?)",
                OffsetDateTime.now(), cut(actor, 128), cut(host(), 256), cut(action, 64), cut(target, 512),
                cut(IdNumberMasking.maskEmbedded(reason), 2000), cut(IdNumberMasking.maskEmbedded(details), 2000));
    }

    /** The newest entries first. */
    public List<Entry> recent(int limit) {
        return jdbc.query("SELECT id, at, actor, host, action, target, reason, details FROM cx_access_log "
                        + "ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                (rs, i) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
    }

    /** The operating-system user running this process: the actor when no other identity is known. */
    public static String currentUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() > max ? v.substring(0, max) : v;
    }
}
