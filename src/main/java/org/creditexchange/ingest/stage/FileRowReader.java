package org.creditexchange.ingest.stage;

import java.nio.file.Path;
import java.util.OptionalDouble;
import org.creditexchange.ingest.read.RawRow;
import org.creditexchange.ingest.read.RowSource;
import org.creditexchange.ingest.read.RowSources;
import org.creditexchange.ingest.read.UnreadableFileException;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the data rows of a landed file: every non-blank row below the header (for the stage step, on the reading
 * thread of {@link ReadAheadStagingReader}, which saves what the step took). Restartable: the count of rows read is
 * saved with each chunk, and a restart skips that many rows. A file found damaged part-way (a truncated
 * sheet, rows out of order) ends the input and is handed to {@code onDamage}: the file as a whole is refused, the
 * engine does not fail. With each chunk it also saves how far through the file it is ({@link #FRACTION_READ}), the
 * estimate from which {@code status} and the API tell percent done and time left.
 */
public class FileRowReader extends AbstractItemCountingItemStreamItemReader<RawRow> {

    /** Told where a file turned out to be damaged: the last good row number and the evidence. */
    @FunctionalInterface
    public interface DamageHandler {
        void damaged(int lastGoodRow, UnreadableFileException e);
    }

    /** The reader's name: the prefix of its keys in the step's execution context. */
    public static final String NAME = "fileRowReader";
    /**
     * Key in the stage step's execution context: how much of the file has been read, 0 to 1 (see
     * {@link RowSource#fractionRead()}); absent while unknown, 1 once the input has ended.
     */
    public static final String FRACTION_READ = NAME + ".progress.fraction";
    /** Key in the stage step's execution context: the data rows read so far, over restarts too. */
    public static final String ROWS_READ = NAME + ".read.count";

    private final Path file;
    private final int sheetIndex;
    private final int headerRowNumber;
    private final DamageHandler onDamage;
    private RowSource source;
    private int lastRow;
    private boolean ended;

    public FileRowReader(Path file, int sheetIndex, int headerRowNumber, DamageHandler onDamage) {
        this.onDamage = onDamage;
        this.file = file;
        this.sheetIndex = sheetIndex;
        this.headerRowNumber = headerRowNumber;
        setName(NAME);
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
            ended = true;
            return null;
        } catch (UnreadableFileException e) {
            ended = true;
            onDamage.damaged(lastRow, e);
            return null;
        }
    }

    /** How much of the file has been read, 0 to 1: empty while unknown, 1 once the input has ended. */
    public OptionalDouble fractionRead() {
        return ended ? OptionalDouble.of(1.0) : source == null ? OptionalDouble.empty() : source.fractionRead();
    }

    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        OptionalDouble read = fractionRead();
        if (read.isPresent()) {
            context.putDouble(FRACTION_READ, read.getAsDouble());
        } else {
            context.remove(FRACTION_READ);
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
