package org.creditexchange.ops.health;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.ChannelDefinition;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.collect.ChannelContacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's metrics, computed from the database (so every node of a cluster reports the same figures, and they
 * survive a restart), at most once per {@link #FRESH} however often they are scraped:
 * <ul>
 *   <li>{@code cx.rows.received|loaded|warned|rejected} {unit, item}: rows of processed batches (counters);</li>
 *   <li>{@code cx.batches} {status}: batches by status; {@code cx.batches.backlog}: RECEIVED and FAILED batches
 *       waiting; {@code cx.batches.backlog.oldest} (seconds): how long the oldest of them has waited;</li>
 *   <li>{@code cx.batch.duration} {unit}: from receipt to the end of processing (count and sum, a timer);</li>
 *   <li>{@code cx.ingest.failures}: failed ingest job executions (engine faults, counter);</li>
 *   <li>{@code cx.channel.up} {unit, channel}: 1 when a remote channel's last contact reached it, 0 when it failed,
 *       NaN before the first.</li>
 * </ul>
 * A unit or item seen for the first time gets its meters at the next refresh. When the database cannot be read
 * the last figures stay (the {@code db} health entry says why).
 */
@Component
@ConditionalOnWebApplication
public class BatchMetrics implements MeterBinder {

    /** How long a reading of the database is reused. */
    static final Duration FRESH = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(BatchMetrics.class);

    private final JdbcTemplate jdbc;
    private final PlatformConfiguration configuration;
    private final ChannelContacts contacts;
    private final Set<UnitItem> rowMeters = ConcurrentHashMap.newKeySet();
    private final Set<String> durationMeters = ConcurrentHashMap.newKeySet();
    private volatile MeterRegistry registry;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile long takenAt = Long.MIN_VALUE;
    private volatile boolean failing;

    public BatchMetrics(JdbcTemplate jdbc, PlatformConfiguration configuration, ChannelContacts contacts) {
        this.jdbc = jdbc;
        this.configuration = configuration;
        this.contacts = contacts;
    }

    record UnitItem(String unit, String item) {
    }

    record Rows(long received, long accepted, long warned, long rejected) {
    }

    record Durations(long count, double seconds) {
    }

    record Snapshot(Map<UnitItem, Rows> rows, Map<String, Long> byStatus, Map<String, Durations> durations,
                    double oldestBacklogSeconds, long ingestFailures, Map<UnitItem, Double> channelUp) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of(), 0, 0, Map.of());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (BatchStatus status : BatchStatus.values()) {
            Gauge.builder("cx.batches", this, m -> m.current().byStatus().getOrDefault(status.name(), 0L))
                    .description("batches by status").tag("status", status.name()).register(registry);
        }
        Gauge.builder("cx.batches.backlog", this, m -> m.current().byStatus().getOrDefault("RECEIVED", 0L)
                        + m.current().byStatus().getOrDefault("FAILED", 0L))
                .description("batches waiting to be processed: RECEIVED, and FAILED ones waiting to be resumed")
                .register(registry);
        Gauge.builder("cx.batches.backlog.oldest", this, m -> m.current().oldestBacklogSeconds())
                .description("how long the oldest waiting batch has waited").baseUnit("seconds").register(registry);
        FunctionCounter.builder("cx.ingest.failures", this, m -> m.current().ingestFailures())
                .description("ingest job executions that failed (engine faults)").register(registry);
        for (ConnectorDefinition unit : configuration.connectors().values()) {
            for (ChannelDefinition channel : unit.channels()) {
                if (channel.remote()) {
                    UnitItem key = new UnitItem(unit.code(), channel.id());
                    Gauge.builder("cx.channel.up", this, m -> m.current().channelUp().getOrDefault(key, Double.NaN))
                            .description("1 when the channel's last contact reached the unit's machine, 0 when it failed")
                            .tag("unit", unit.code()).tag("channel", channel.id()).register(registry);
                }
            }
        }
        current();
    }

    /** The figures, read again when older than {@link #FRESH}. */
    Snapshot current() {
        if (System.nanoTime() - takenAt > FRESH.toNanos() || takenAt == Long.MIN_VALUE) {
            synchronized (this) {
                if (System.nanoTime() - takenAt > FRESH.toNanos() || takenAt == Long.MIN_VALUE) {
                    refresh();
                }
            }
        }
        return snapshot;
    }

    /** Forgets the last reading: the next scrape reads the database again. */
    void invalidate() {
        takenAt = Long.MIN_VALUE;
    }

    private void refresh() {
        try {
            snapshot = read();
            failing = false;
        } catch (RuntimeException e) {
            // Once per outage, not at every scrape.
            if (!failing) {
                log.warn("Metrics: the database cannot be read, keeping the last figures: {}", e.toString());
            }
            failing = true;
        }
        takenAt = System.nanoTime();
        registerNewMeters(snapshot);
    }

    /** Reads the figures now; throws when the database cannot be read. */
    Snapshot read() {
        Map<UnitItem, Rows> rows = new HashMap<>();
        jdbc.query("SELECT unit_code, item_id, SUM(rows_received), SUM(rows_accepted), SUM(rows_warned), "
                + "SUM(rows_rejected) FROM cx_batch WHERE status = 'DONE' AND item_id IS NOT NULL "
                + "GROUP BY unit_code, item_id", rs -> {
                    rows.put(new UnitItem(rs.getString(1), rs.getString(2)),
                            new Rows(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                });
        Map<String, Long> byStatus = new HashMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM cx_batch GROUP BY status", rs -> {
            byStatus.put(rs.getString(1), rs.getLong(2));
        });
        Map<String, Durations> durations = new HashMap<>();
        jdbc.query("SELECT unit_code, COUNT(*), SUM(EXTRACT(EPOCH FROM processed_at) - EXTRACT(EPOCH FROM received_at)) "
                + "FROM cx_batch WHERE processed_at IS NOT NULL AND status IN ('DONE', 'REJECTED', 'DUPLICATE') "
                + "GROUP BY unit_code", rs -> {
                    durations.put(rs.getString(1), new Durations(rs.getLong(2), Math.max(0, rs.getDouble(3))));
                });
        OffsetDateTime oldest = jdbc.query("SELECT MIN(received_at) FROM cx_batch WHERE status IN ('RECEIVED', 'FAILED')",
                (rs, i) -> rs.getObject(1, OffsetDateTime.class)).stream().filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        double waited = oldest == null ? 0 : Math.max(0, Duration.between(oldest, OffsetDateTime.now()).toMillis() / 1000.0);
        Long failures = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'", Long.class);
        Map<UnitItem, Double> up = new HashMap<>();
        for (ConnectorDefinition unit : configuration.connectors().values()) {
            for (ChannelDefinition channel : unit.channels()) {
                if (channel.remote()) {
                    contacts.state(unit.code(), channel.id()).ifPresent(s ->
                            up.put(new UnitItem(unit.code(), channel.id()), s.lastOk() ? 1.0 : 0.0));
                }
            }
        }
        return new Snapshot(Map.copyOf(rows), Map.copyOf(byStatus), Map.copyOf(durations), waited,
                failures == null ? 0 : failures, Map.copyOf(up));
    }

    private void registerNewMeters(Snapshot s) {
        MeterRegistry r = registry;
        if (r == null) {
            return;
        }
        for (UnitItem key : s.rows().keySet()) {
            if (rowMeters.add(key)) {
                rowCounter(r, "cx.rows.received", "rows received in processed batches", key, Rows::received);
                rowCounter(r, "cx.rows.loaded", "rows accepted and loaded into the credit store", key, Rows::accepted);
                rowCounter(r, "cx.rows.warned", "loaded rows that came with a warning", key, Rows::warned);
                rowCounter(r, "cx.rows.rejected", "rows rejected with a reason", key, Rows::rejected);
            }
        }
        for (String unit : s.durations().keySet()) {
            if (durationMeters.add(unit)) {
                FunctionTimer.builder("cx.batch.duration", this,
                                m -> m.current().durations().getOrDefault(unit, new Durations(0, 0)).count(),
                                m -> m.current().durations().getOrDefault(unit, new Durations(0, 0)).seconds(),
                                TimeUnit.SECONDS)
                        .description("time from receiving a batch to the end of its processing")
                        .tag("unit", unit).register(r);
            }
        }
    }

    private void rowCounter(MeterRegistry r, String name, String description, UnitItem key, ToDoubleFunction<Rows> value) {
        FunctionCounter.builder(name, this, m -> {
                    Rows rows = m.current().rows().get(key);
                    return rows == null ? 0 : value.applyAsDouble(rows);
                }).description(description).tag("unit", key.unit()).tag("item", key.item())
                .register(r);
    }
}
