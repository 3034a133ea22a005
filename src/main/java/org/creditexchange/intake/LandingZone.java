package org.creditexchange.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content-addressed storage of everything received, unchanged: {@code <root>/<sha[0..2]>/<sha256>}. Landing the
 * same content twice stores it once. Any batch can be replayed from here.
 */
public final class LandingZone {

    private final Path root;

    public LandingZone(Path root) {
        this.root = root;
    }

    /** What was landed. */
    public record Landed(String sha256, long sizeBytes, Path path) {
    }

    /**
     * Copies {@code source} into the zone (hashing while copying, then moving into place atomically).
     *
     * @throws IOException when the source cannot be read or the zone cannot be written: a system fault
     */
    public Landed land(Path source) throws IOException {
        Files.createDirectories(root);
        Path tmp = Files.createTempFile(root, ".landing-", ".tmp");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = Files.newInputStream(source);
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                size = in.transferTo(out);
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            Path target = root.resolve(hex.substring(0, 2)).resolve(hex);
            if (Files.exists(target)) {
                Files.delete(tmp);
            } else {
                Files.createDirectories(target.getParent());
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                target.toFile().setReadOnly();
            }
            return new Landed(hex, size, target);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
