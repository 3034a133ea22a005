package org.creditexchange;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The engine's own settings ({@code cx.*}).
 *
 * @param dataDir   the data directory: embedded database, landing zone, drop folders ({@code CX_DATA_DIR}, default ./data)
 * @param home      the configuration root holding connectors/ and mappings/ ({@code CX_HOME}, default the working directory)
 * @param idHashKey the secret of the keyed hash of personal ID numbers ({@code CX_ID_HASH_KEY}); when absent, a key
 *                  is generated once into {@code <data-dir>/keys/id-hash.key}
 * @param idEncryptionKey the AES-256 key (base64 of 32 bytes) encrypting personal ID numbers for authorised
 *                  retrieval ({@code CX_ID_ENCRYPTION_KEY}); when absent, generated once into
 *                  {@code <data-dir>/keys/id-encryption.key}
 */
@ConfigurationProperties("cx")
public record CxProperties(Path dataDir, Path home, String idHashKey, String idEncryptionKey) {

    public CxProperties {
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
        home = (home == null ? Path.of(".") : home).toAbsolutePath().normalize();
    }

    /** A path from the configuration, relative to the data directory unless absolute. */
    public Path resolveData(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : dataDir.resolve(p).normalize();
    }
}
