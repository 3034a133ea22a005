package org.creditexchange.ingest.stage;

import java.nio.file.Path;
import org.creditexchange.ingest.read.RawRow;
import org.creditexchange.ingest.read.RowSource;
import org.creditexchange.ingest.read.RowSources;
import org.creditexchange.ingest.read.UnreadableFileException;
import org.springframework.batch.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the data rows of a landed file: every non-blank row below the header. Restartable: the count of rows
 * read is saved with each chunk, and a restart skips that many rows. A file found damaged part-way (a truncated
 * sheet, rows out of order) ends the input and is handed to {@code onDamage}: the file as a whole is refused, the
 * engine does not fail.
 */
public class FileRowReader extends AbstractItemCountingItemStreamItemReader<RawRow> {

    /** Told where a file turned out to be damaged: the last good row number and the evidence. */
    @FunctionalInterface
    public interface DamageHandler {
        void damaged(int lastGoodRow, UnreadableFileException e);
    }

    private final Path file;
    private final int sheetIndex;
    private final int headerRowNumber;
    private final DamageHandler onDamage;
    private RowSource source;
    private int lastRow;

    public FileRowReader(Path file, int sheetIndex, int headerRowNumber, DamageHandler onDamage) {
        this.onDamage = onDamage;
        this.file = file;
        this.sheetIndex = sheetIndex;
        this.headerRowNumber = headerRowNumber;
        setName("fileRowReader");
    }

    @Override
    protected void doOpen() throws Exception {
        source = RowSources.open(file, sheetIndex);
    }

    @Override
    protected RawRow doRead() {
        try {
            RawRow row;
            while ((row = source.next()) != null) {
                if (row.rowNumber() <= lastRow) {
                    throw new UnreadableFileException("FILE_CORRUPT", "row " + row.rowNumber() + " after row " + lastRow);
                }
                lastRow = row.rowNumber();
                if (row.rowNumber() > headerRowNumber && !row.isBlank()) {
                    return row;
                }
            }
            return null;
        } catch (UnreadableFileException e) {
            onDamage.damaged(lastRow, e);
            return null;
        }
    }

    @Override
    protected void doClose() {
        if (source != null) {
            source.close();
            source = null;
        }
    }
}
