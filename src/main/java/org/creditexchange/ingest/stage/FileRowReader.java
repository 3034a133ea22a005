package org.creditexchange.ingest.stage;

import java.nio.file.Path;
import org.creditexchange.ingest.read.RawRow;
import org.creditexchange.ingest.read.RowSource;
import org.creditexchange.ingest.read.RowSources;
import org.springframework.batch.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the data rows of a landed file: every non-blank row below the header. Restartable: the count of rows
 * read is saved with each chunk, and a restart skips that many rows.
 */
public class FileRowReader extends AbstractItemCountingItemStreamItemReader<RawRow> {

    private final Path file;
    private final int sheetIndex;
    private final int headerRowNumber;
    private RowSource source;

    public FileRowReader(Path file, int sheetIndex, int headerRowNumber) {
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
    protected RawRow doRead() throws Exception {
        RawRow row;
        while ((row = source.next()) != null) {
            if (row.rowNumber() > headerRowNumber && !row.isBlank()) {
                return row;
            }
        }
        return null;
    }

    @Override
    protected void doClose() {
        if (source != null) {
            source.close();
            source = null;
        }
    }
}
