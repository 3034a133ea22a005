package org.creditexchange.report.digest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.feedback.FeedbackDeliveries;
import org.creditexchange.intake.ConnectorDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Builds a {@link RunDigest} from the collection log ({@code cx_batch}) and the channel contacts. */
@Service
public class RunDigests {

    private final PlatformConfiguration configuration;
    private final JdbcTemplate jdbc;
    private final FeedbackDeliveries deliveries;
    private final LateRecords late;

    public RunDigests(PlatformConfiguration configuration, JdbcTemplate jdbc, FeedbackDeliveries deliveries,
                      LateRecords late) {
        this.configuration = configuration;
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.late = late;
    }

    /** The digest of {@code job} over batches received and channels contacted in [{@code from}, {@code to}). */
    public RunDigest build(String job, OffsetDateTime from, OffsetDateTime to, List<RunDigest.Step> steps) {
        List<RunDigest.Unit> units = new ArrayList<>();
        for (ConnectorDefinition unit : configuration.connectors().values()) {
            units.add(unit(unit, from, to));
        }
        return new RunDigest(job, from, to, steps, units);
    }

    private RunDigest.Unit unit(ConnectorDefinition unit, OffsetDateTime from, OffsetDateTime to) {
        int[] n = new int[4];
        long[] rows = new long[3];
        List<String> failures = new ArrayList<>();
        jdbc.query("SELECT id, status, rows_received, rows_accepted, rows_rejected, failure_message FROM cx_batch "
                + "WHERE unit_code = ? AND received_at >= ? AND received_at < ? AND channel_id <> 'dry-run' ORDER BY id", rs -> {
            n[0]++;
            switch (rs.getString("status")) {
                case "DONE" -> {
                    n[1]++;
                    rows[0] += rs.getLong("rows_received");
                    rows[1] += rs.getLong("rows_accepted");
                    rows[2] += rs.getLong("rows_rejected");
                }
                case "REJECTED" -> n[2]++;
                case "DUPLICATE" -> n[3]++;
                case "FAILED" -> failures.add("批次 " + rs.getLong("id") + " 处理失败 (batch failed): "
                        + shorten(rs.getString("failure_message")));
                default -> failures.add("批次 " + rs.getLong("id") + " 未处理完 (batch " + rs.getString("status") + ")");
            }
        }, unit.code(), from, to);
        jdbc.query("SELECT channel_id, attempts, message FROM cx_channel_contact WHERE unit_code = ? AND ok = FALSE "
                + "AND started_at >= ? AND started_at < ? ORDER BY id", rs -> {
            failures.add("通道 " + rs.getString(1) + " 无法连接，已尝试 " + rs.getInt(2) + " 次 (channel unreachable): "
                    + shorten(rs.getString(3)));
        }, unit.code(), from, to);
        return new RunDigest.Unit(unit.code(), unit.name(), n[0], n[1], n[2], n[3], rows[0], rows[1], rows[2],
                late.count(unit.code(), from, to), failures, deliveries.pendingFor(unit.code()));
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
