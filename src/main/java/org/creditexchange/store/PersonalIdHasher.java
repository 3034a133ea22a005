package org.creditexchange.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyed hash (HMAC-SHA256) of a personal ID number: the only form in which an ID number is stored. The same
 * number gives the same hash under the same key, so records of one person match; without the key the hash cannot
 * be reversed by trying every ID number.
 */
public final class PersonalIdHasher {

    private static final Logger log = LoggerFactory.getLogger(PersonalIdHasher.class);

    private final byte[] key;

    public PersonalIdHasher(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the ID hash key must have at least 16 bytes");
        }
        this.key = key.clone();
    }

    /**
     * The key from {@code configured} (base64 or plain text) or, when blank, from {@code keyFile}, created with a
     * random key on first use (owner-readable only).
     */
    public static PersonalIdHasher fromConfiguredOrFile(String configured, Path keyFile) {
        if (configured != null && !configured.isBlank()) {
            return new PersonalIdHasher(configured.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(keyFile.getParent(), ".key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, Base64.getEncoder().encodeToString(random));
                Files.move(tmp, keyFile);
                log.warn("Generated a new ID hash key at {}: back it up; set CX_ID_HASH_KEY to share it between nodes", keyFile);
            }
            return new PersonalIdHasher(Base64.getDecoder().decode(Files.readString(keyFile).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the ID hash key " + keyFile, e);
        }
    }

    /** The hex hash of {@code idNumber} (cleansed, canonical form); {@code ""} for a blank value. */
    public String hash(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return "";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(idNumber.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
