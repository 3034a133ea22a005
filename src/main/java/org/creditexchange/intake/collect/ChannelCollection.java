package org.creditexchange.intake.collect;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.intake.ChannelDefinition;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.intake.RetryDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Collects from remote channels (front-end databases, SFTP directories): each channel through the
 * {@link ChannelCollector} of its type, retried with back-off as its {@code retry:} says, every contact recorded in
 * {@code cx_channel_contact}. Units are collected side by side: one unreachable machine, waiting out its back-off,
 * delays nobody else, and its failure is an outcome, never an exception.
 */
@Service
public class ChannelCollection {

    private static final Logger log = LoggerFactory.getLogger(ChannelCollection.class);
    /** Units collected at once. */
    static final int PARALLEL_UNITS = 4;

    private final PlatformConfiguration configuration;
    private final Map<Class<?>, ChannelCollector<?>> collectors = new java.util.HashMap<>();
    private final JdbcTemplate jdbc;
    private final Sleeper sleeper;

    @org.springframework.beans.factory.annotation.Autowired
    public ChannelCollection(PlatformConfiguration configuration, List<ChannelCollector<?>> collectors, JdbcTemplate jdbc) {
        this(configuration, collectors, jdbc, d -> Thread.sleep(d.toMillis()));
    }

    ChannelCollection(PlatformConfiguration configuration, List<ChannelCollector<?>> collectors, JdbcTemplate jdbc,
                      Sleeper sleeper) {
        this.configuration = configuration;
        collectors.forEach(c -> this.collectors.put(c.type(), c));
        this.jdbc = jdbc;
        this.sleeper = sleeper;
    }

    /** Waits between attempts (a seam for tests that must not sleep). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * How collecting one channel ended.
     *
     * @param unit     unit code
     * @param channel  channel id
     * @param ok       whether it was reached and read
     * @param attempts tries made
     * @param batchIds batches landed (also when a later attempt failed part-way)
     * @param rows     rows pulled, -1 when unknown (files)
     * @param message  the last failure (masked), null when ok
     */
    public record Outcome(String unit, String channel, boolean ok, int attempts, List<Long> batchIds, long rows,
                          String message) {

        public Outcome {
            batchIds = List.copyOf(batchIds);
        }
    }

    /** Every remote channel of the units (and channel ids) accepted by the filters, in connector order. */
    public List<Outcome> collectAll(Predicate<String> unitFilter, Predicate<String> channelFilter) {
        List<ConnectorDefinition> units = configuration.connectors().values().stream()
                .filter(u -> unitFilter.test(u.code()))
                .filter(u -> u.channels().stream().anyMatch(c -> c.remote() && channelFilter.test(c.id())))
                .toList();
        if (units.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_UNITS, units.size()), r -> {
            Thread t = new Thread(r, "cx-collect");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            for (ConnectorDefinition unit : units) {
                futures.add(pool.submit(() -> unit.channels().stream()
                        .filter(c -> c.remote() && channelFilter.test(c.id()))
                        .map(c -> collect(unit, c)).toList()));
            }
            List<Outcome> all = new ArrayList<>();
            for (Future<List<Outcome>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("collection interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("collection failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Collects one channel, retrying as configured; never throws for an unreachable machine. */
    public Outcome collect(ConnectorDefinition unit, ChannelDefinition channel) {
        OffsetDateTime started = OffsetDateTime.now(IntakeService.ZONE);
        ChannelCollector<ChannelDefinition> collector = collectorFor(channel);
        RetryDefinition retry = channel.retry();
        int attempts = Math.max(1, retry.attempts());
        List<Long> batchIds = new ArrayList<>();
        long rows = 0;
        String failure = null;
        int tried = 0;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            tried = attempt;
            if (attempt > 1) {
                Duration wait = retry.waitBefore(attempt);
                log.info("Collect {}/{}: attempt {} of {} in {} s", unit.code(), channel.id(), attempt, attempts,
                        wait.toSeconds());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            try {
                ChannelCollector.Collected got = collector == null ? null : collector.collect(unit, channel);
                if (got == null) {
                    failure = "no collector for channel type " + channel.getClass().getSimpleName();
                    break;
                }
                batchIds.addAll(got.batchIds());
                rows = got.rows();
                failure = null;
                break;
            } catch (Exception e) {
                if (e instanceof ChannelCollector.PartlyLanded partly) {
                    batchIds.addAll(partly.landedBatchIds());
                }
                failure = IdNumberMasking.maskForLog(e.getClass().getSimpleName() + ": " + e.getMessage());
                log.warn("Collect {}/{}: attempt {} of {} failed: {}", unit.code(), channel.id(), attempt, attempts, failure);
            }
        }
        Outcome outcome = new Outcome(unit.code(), channel.id(), failure == null, tried, batchIds,
                failure == null ? rows : -1, failure);
        record(outcome, started);
        if (outcome.ok()) {
            log.info("Collect {}/{}: {} batch(es){}", unit.code(), channel.id(), batchIds.size(),
                    rows >= 0 ? ", " + rows + " row(s)" : "");
        } else {
            log.error("Collect {}/{}: unreachable after {} attempt(s): {}", unit.code(), channel.id(), tried, failure);
        }
        return outcome;
    }

    @SuppressWarnings("unchecked")
    private ChannelCollector<ChannelDefinition> collectorFor(ChannelDefinition channel) {
        return (ChannelCollector<ChannelDefinition>) collectors.get(channel.getClass());
    }

    private void record(Outcome o, OffsetDateTime started) {
        String message = o.message() == null ? null : o.message().length() > 2000 ? o.message().substring(0, 2000) : o.message();
        jdbc.update("INSERT INTO cx_channel_contact (unit_code, channel_id, started_at, ended_at, ok, attempts, batches, "
                        + "rows_pulled, message) VALUES (?,?,?,?,?,?,?,?,?)", o.unit(), o.channel(), started,
                OffsetDateTime.now(IntakeService.ZONE), o.ok(), o.attempts(), o.batchIds().size(), o.rows(), message);
    }
}
