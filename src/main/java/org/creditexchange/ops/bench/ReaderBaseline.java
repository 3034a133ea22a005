package org.creditexchange.ops.bench;

import java.nio.file.Path;
import org.creditexchange.ingest.read.RawRow;
import org.creditexchange.ingest.read.RowSource;
import org.creditexchange.ingest.read.RowSources;
import org.creditexchange.ingest.read.UnreadableFileException;

/**
 * The bare reader over the bench's input: every row of the file through the engine's own row source (the same
 * streaming reader the stage step uses), nothing else. What the engine's rate on a format is compared with.
 */
public final class ReaderBaseline {

    private ReaderBaseline() {
    }

    /**
     * Rows read (header included) and the seconds it took.
     *
     * @param rows    rows read, the header row included
     * @param seconds wall time
     */
    public record Result(long rows, double seconds) {

        public double rowsPerSecond() {
            return seconds <= 0 ? 0 : rows / seconds;
        }
    }

    /** Reads {@code file} through. */
    public static Result read(Path file) throws UnreadableFileException {
        long start = System.nanoTime();
        long rows = 0;
        try (RowSource source = RowSources.open(file)) {
            for (RawRow row = source.next(); row != null; row = source.next()) {
                rows++;
            }
        }
        return new Result(rows, (System.nanoTime() - start) / 1e9);
    }
}
