package org.creditexchange.ops.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.creditexchange.CxProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * {@code landingZone}: UP when a file can be written into the landing zone (and removed again), DOWN otherwise —
 * nothing can be received then.
 */
@Component
@ConditionalOnWebApplication
public class LandingZoneHealthIndicator extends AbstractHealthIndicator {

    private final Path root;

    public LandingZoneHealthIndicator(CxProperties properties) {
        super("the landing zone cannot be written");
        // Where EngineConfiguration puts the landing zone.
        this.root = properties.dataDir().resolve("landing");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws IOException {
        builder.withDetail("path", root.toString());
        Files.createDirectories(root);
        Path probe = Files.createTempFile(root, ".health-", ".tmp");
        try {
            Files.writeString(probe, "ok");
        } finally {
            Files.deleteIfExists(probe);
        }
        builder.up().withDetail("usableBytes", root.toFile().getUsableSpace());
    }
}
