package org.creditexchange.ingest.read;

import java.io.Closeable;
import java.util.OptionalDouble;

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

    /**
     * How far through the file (the chosen sheet) reading is, from 0 to 1: an estimate for progress reports, never
     * for deciding anything about the rows. It may run ahead of the rows returned (text is read through a buffer),
     * and a workbook's declared size may be wrong: a value past the declared end is not given.
     *
     * @return the fraction read; empty when this source cannot tell (a workbook without a usable dimension)
     */
    default OptionalDouble fractionRead() {
        return OptionalDouble.empty();
    }

    @Override
    void close();
}
