package org.creditexchange.intake.collect;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the contact log of remote channels ({@code cx_channel_contact}): when each was last reached. */
@Repository
public class ChannelContacts {

    private final JdbcTemplate jdbc;

    public ChannelContacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The state of one channel.
     *
     * @param lastAttempt   when it was last tried
     * @param lastOk        whether that try reached it
     * @param lastSuccess   when it was last reached, null if never
     * @param failuresSince tries that failed since the last success (how long it has been down)
     * @param lastMessage   the last failure, masked
     */
    public record State(OffsetDateTime lastAttempt, boolean lastOk, OffsetDateTime lastSuccess, int failuresSince,
                        String lastMessage) {
    }

    /** The channel's state, empty when it was never tried. */
    public Optional<State> state(String unit, String channel) {
        record Row(OffsetDateTime at, boolean ok, String message) {
        }
        Optional<Row> last = jdbc.query("SELECT started_at, ok, message FROM cx_channel_contact WHERE unit_code = ? "
                        + "AND channel_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                (rs, i) -> new Row(rs.getObject(1, OffsetDateTime.class), rs.getBoolean(2), rs.getString(3)),
                unit, channel).stream().findFirst();
        if (last.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime success = jdbc.query("SELECT MAX(started_at) FROM cx_channel_contact WHERE unit_code = ? "
                + "AND channel_id = ? AND ok = TRUE", (rs, i) -> rs.getObject(1, OffsetDateTime.class), unit, channel)
                .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Integer failures = success == null
                ? jdbc.queryForObject("SELECT COUNT(*) FROM cx_channel_contact WHERE unit_code = ? AND channel_id = ? "
                        + "AND ok = FALSE", Integer.class, unit, channel)
                : jdbc.queryForObject("SELECT COUNT(*) FROM cx_channel_contact WHERE unit_code = ? AND channel_id = ? "
                        + "AND ok = FALSE AND started_at > ?", Integer.class, unit, channel, success);
        return Optional.of(new State(last.get().at(), last.get().ok(), success, failures == null ? 0 : failures,
                last.get().message()));
    }
}
