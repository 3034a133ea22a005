package org.creditexchange.feedback;

import java.time.OffsetDateTime;
import java.util.List;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.IntakeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Hands issued feedback to every {@link FeedbackDelivery} that applies (SFTP upload, receipts on the front-end
 * database) and keeps a row per batch and kind in {@code cx_feedback_delivery}. A failed delivery never fails the
 * batch: it stays PENDING and {@link #retryPending()} (the {@code collect} step) tries it again.
 */
@Service
public class FeedbackDeliveries {

    private static final Logger log = LoggerFactory.getLogger(FeedbackDeliveries.class);

    /** Delivered. */
    public static final String DELIVERED = "DELIVERED";
    /** Not delivered yet: the last attempt failed. */
    public static final String PENDING = "PENDING";

    private final List<FeedbackDelivery> kinds;
    private final PlatformConfiguration configuration;
    private final BatchRepository batches;
    private final JdbcTemplate jdbc;

    public FeedbackDeliveries(List<FeedbackDelivery> kinds, PlatformConfiguration configuration, BatchRepository batches,
                              JdbcTemplate jdbc) {
        this.kinds = List.copyOf(kinds);
        this.configuration = configuration;
        this.batches = batches;
        this.jdbc = jdbc;
    }

    /** The outcome of retrying what was pending. */
    public record Retried(int delivered, int stillPending) {
    }

    /**
     * Delivers the feedback of {@code batchId} by every kind that applies; returns how many kinds failed (recorded
     * as PENDING). A batch without feedback yet is left alone.
     */
    public int deliver(long batchId) {
        Batch batch = batches.get(batchId);
        if (batch.feedbackPath() == null || batch.receiptPath() == null) {
            return 0;
        }
        ConnectorDefinition unit = configuration.connector(batch.unitCode()).orElse(null);
        if (unit == null) {
            return 0;
        }
        int failed = 0;
        for (FeedbackDelivery kind : kinds) {
            if (kind.appliesTo(unit, batch) && !attempt(kind, unit, batch)) {
                failed++;
            }
        }
        return failed;
    }

    /** Tries every PENDING delivery again, oldest batch first. */
    public Retried retryPending() {
        List<Object[]> pending = jdbc.query("SELECT batch_id, delivery FROM cx_feedback_delivery WHERE status = ? "
                + "ORDER BY batch_id", (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}, PENDING);
        int ok = 0;
        int still = 0;
        for (Object[] p : pending) {
            Batch batch = batches.get((Long) p[0]);
            ConnectorDefinition unit = configuration.connector(batch.unitCode()).orElse(null);
            FeedbackDelivery kind = kinds.stream().filter(k -> k.name().equals(p[1])).findFirst().orElse(null);
            if (unit == null || kind == null || !kind.appliesTo(unit, batch)) {
                // The channel was removed from the configuration since: nothing to deliver to any more.
                jdbc.update("UPDATE cx_feedback_delivery SET status = 'DROPPED', updated_at = ? WHERE batch_id = ? "
                        + "AND delivery = ?", now(), p[0], p[1]);
                continue;
            }
            if (attempt(kind, unit, batch)) {
                ok++;
            } else {
                still++;
            }
        }
        return new Retried(ok, still);
    }

    /**
     * Hands {@code unit} a document that belongs to no batch (its assessment workbook) by every kind that can; the
     * local copy stays in the feedback folder either way. Not retried: the step that made it can be run again.
     *
     * @return the failures, one line each (empty when delivered, or when no kind delivers documents to the unit)
     */
    public List<String> deliverDocument(ConnectorDefinition unit, java.nio.file.Path file) {
        List<String> failures = new java.util.ArrayList<>();
        for (FeedbackDelivery kind : kinds) {
            if (!kind.deliversDocuments(unit)) {
                continue;
            }
            try {
                kind.deliverDocument(unit, file);
                log.info("{}: {} delivered by {}", unit.code(), IdNumberMasking.maskEmbedded(file.getFileName().toString()),
                        kind.name());
            } catch (Exception e) {
                String error = IdNumberMasking.maskForLog(String.valueOf(e.getMessage()));
                log.warn("{}: {} could not be delivered by {}: {}", unit.code(),
                        IdNumberMasking.maskEmbedded(file.getFileName().toString()), kind.name(), error);
                failures.add(unit.code() + " " + kind.name() + ": " + error);
            }
        }
        return failures;
    }

    /** Deliveries of {@code unit} still pending. */
    public int pendingFor(String unit) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM cx_feedback_delivery d JOIN cx_batch b ON b.id = d.batch_id "
                + "WHERE d.status = ? AND b.unit_code = ?", Integer.class, PENDING, unit);
        return n == null ? 0 : n;
    }

    private boolean attempt(FeedbackDelivery kind, ConnectorDefinition unit, Batch batch) {
        String error = null;
        try {
            kind.deliver(unit, batch, batch.feedbackPath(), batch.receiptPath());
            log.info("Batch {}: feedback delivered by {}", batch.id(), kind.name());
        } catch (Exception e) {
            error = IdNumberMasking.maskForLog(String.valueOf(e.getMessage()));
            error = error.length() > 2000 ? error.substring(0, 2000) : error;
            log.warn("Batch {}: feedback delivery by {} failed, it will be tried again: {}", batch.id(), kind.name(), error);
        }
        String status = error == null ? DELIVERED : PENDING;
        int updated = jdbc.update("UPDATE cx_feedback_delivery SET status = ?, attempts = attempts + 1, last_error = ?, "
                + "updated_at = ? WHERE batch_id = ? AND delivery = ?", status, error, now(), batch.id(), kind.name());
        if (updated == 0) {
            jdbc.update("INSERT INTO cx_feedback_delivery (batch_id, delivery, status, attempts, last_error, updated_at) "
                    + "VALUES (?, ?, ?, 1, ?, ?)", batch.id(), kind.name(), status, error, now());
        }
        return error == null;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(IntakeService.ZONE);
    }
}
