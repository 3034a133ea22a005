package org.creditexchange.feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes a file so that readers only ever see the old content or the complete new content: the body
 * goes to a hidden temp file in the target's own directory (same file system, so the final rename is
 * atomic) and is then moved over the target.
 */
public final class AtomicFileWrite {

    /** The body of a file, written to a stream it must not close. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFileWrite() {
    }

    /**
     * Writes {@code body} to {@code target}, replacing any existing file.
     *
     * @param target the final path; its directory must exist
     * @param body   writes the content
     * @throws IOException if the temp file cannot be created or written, or the move fails; the temp
     *                     file is removed and an existing target is left untouched
     */
    public static void write(Path target, Body body) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
        Path absolute = target.toAbsolutePath();
        // Leading dot and .tmp suffix: directory listings and pickup routes ignore the unfinished file.
        Path temp = Files.createTempFile(absolute.getParent(), ".cx-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                body.writeTo(out);
                out.flush();
                // Flush to disk before the rename so a crash cannot leave a renamed but empty file.
                channel.force(true);
            }
            readableByOthers(temp);
            move(temp, absolute);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * createTempFile makes an owner-only file; feedback is for the clerk's side (a shared folder, a sync tool
     * running as another user), so it gets the usual rw-r--r-- where the file system has POSIX permissions.
     */
    private static void readableByOthers(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this only happens on odd file systems; a plain replace is the best left.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
