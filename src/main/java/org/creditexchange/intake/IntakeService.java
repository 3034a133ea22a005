package org.creditexchange.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.config.PlatformConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Receives a file from a channel: lands it unchanged and records the batch before anything else happens. The same
 * content received again from the same unit is recorded as a DUPLICATE of the first batch.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The channel id of a dry run's batch: nothing of it is merged, its feedback goes to {@code <data>/dry-run/}. */
    public static final String DRY_RUN_CHANNEL = "dry-run";

    private final PlatformConfiguration configuration;
    private final LandingZone landingZone;
    private final BatchRepository batches;

    public IntakeService(PlatformConfiguration configuration, LandingZone landingZone, BatchRepository batches) {
        this.configuration = configuration;
        this.landingZone = landingZone;
        this.batches = batches;
    }

    /**
     * Lands {@code file} for {@code unit} and records its batch.
     *
     * @param channel      the channel id ({@code cli} for the command line)
     * @param originalName the name the sender gave the file
     * @throws IllegalArgumentException for an unknown unit
     * @throws IOException              when the file cannot be read or landed (a system fault; nothing recorded)
     */
    public Batch receive(String unit, String channel, Path file, String originalName) throws IOException {
        if (configuration.connector(unit).isEmpty()) {
            throw new IllegalArgumentException("unknown unit '" + unit + "' (no connectors/" + unit + ".yaml)");
        }
        LandingZone.Landed landed = landingZone.land(file);
        OffsetDateTime now = OffsetDateTime.now(ZONE);
        Optional<Batch> original = batches.findOriginal(unit, landed.sha256());
        if (original.isPresent() && original.get().status() != BatchStatus.DONE) {
            // The same file again while its first batch never finished (the engine stopped, or failed): finish that one.
            log.info("Batch {}: {} arrived again; its batch is {}, it will be completed", original.get().id(),
                    IdNumberMasking.maskEmbedded(originalName), original.get().status());
            return original.get();
        }
        // The name as the clerk gave it may carry an ID number (张三110105….xlsx): only its masked form is kept.
        long id = batches.insert(unit, channel, IdNumberMasking.maskEmbedded(originalName), landed, now,
                original.isPresent() ? BatchStatus.DUPLICATE : BatchStatus.RECEIVED, original.map(Batch::id).orElse(null));
        if (original.isPresent()) {
            log.info("Batch {}: {} from {}/{} is a duplicate of batch {} ({} bytes, sha256 {})", id, IdNumberMasking.maskEmbedded(originalName), unit,
                    channel, original.get().id(), landed.sizeBytes(), landed.sha256());
        } else {
            log.info("Batch {}: received {} from {}/{} ({} bytes, sha256 {})", id, IdNumberMasking.maskEmbedded(originalName), unit, channel,
                    landed.sizeBytes(), landed.sha256());
        }
        return batches.get(id);
    }
}
