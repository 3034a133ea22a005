package org.creditexchange.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts personal ID numbers for authorised retrieval (AES-256-GCM, a random 96-bit nonce per value). The
 * ciphertext text is {@code v1:} + base64(nonce ‖ ciphertext ‖ tag); the same number encrypts differently every
 * time, so ciphertexts reveal nothing, and matching uses the keyed hash instead.
 */
public final class PersonalIdCipher {

    private static final Logger log = LoggerFactory.getLogger(PersonalIdCipher.class);
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public PersonalIdCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the ID encryption key must be 32 bytes (256 bits), base64-encoded");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /**
     * The key from {@code configured} (base64 of 32 bytes) or, when blank, from {@code keyFile}, created with a
     * random key on first use (owner-readable only).
     *
     * @throws IllegalArgumentException when the configured key is not base64 of 32 bytes
     */
    public static PersonalIdCipher fromConfiguredOrFile(String configured, Path keyFile) {
        if (configured != null && !configured.isBlank()) {
            return new PersonalIdCipher(Base64.getDecoder().decode(configured.trim()));
        }
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path tmp = Files.createTempFile(keyFile.getParent(), ".key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
                Files.move(tmp, keyFile);
                log.warn("Generated a new ID encryption key at {}: back it up (without it stored ID numbers cannot be "
                        + "read back); set CX_ID_ENCRYPTION_KEY to share it between nodes", keyFile);
            }
            return new PersonalIdCipher(Base64.getDecoder().decode(Files.readString(keyFile).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the ID encryption key " + keyFile, e);
        }
    }

    /** The ciphertext of {@code value}; {@code ""} for a blank value. */
    public String encrypt(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * The clear value of {@code ciphertext}; {@code ""} for a blank one.
     *
     * @throws IllegalArgumentException when the text was not made by this key (wrong key, or tampered with)
     */
    public String decrypt(String ciphertext) {
        if (ciphertext == null || ciphertext.isBlank()) {
            return "";
        }
        if (!ciphertext.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an ID ciphertext");
        }
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("ID ciphertext does not open with this key (wrong key or altered)", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable ID ciphertext", e);
        }
    }
}
