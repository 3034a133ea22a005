package org.creditexchange.ingest.read;

import java.io.Closeable;

/**
 * A forward-only source of the rows of one file, in file order.
 * Implementations read with bounded memory whatever the file's size.
 */
public interface RowSource extends Closeable {

    /**
     * The next row, blank rows included, or {@code null} at the end of the file.
     *
     * @throws UnreadableFileException when the file turns out to be corrupt part-way
     */
    RawRow next() throws UnreadableFileException;

    /** The format this source reads. */
    FileFormat format();

    @Override
    void close();
}
