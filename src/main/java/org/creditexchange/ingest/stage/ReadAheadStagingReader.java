package org.creditexchange.ingest.stage;

import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.creditexchange.ingest.read.RawRow;
import org.creditexchange.ingest.read.UnreadableFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.item.ItemStreamReader;

/**
 * The stage step's reader: a thread of its own reads the file ({@link FileRowReader}) and hands every row to the
 * staging workers as soon as it is read, so that reading, computing and the writer's copy into the database overlap
 * (also across chunks: while a chunk is committed the next rows are already being read and computed). It returns
 * each row's future staged row in file order; {@link FutureRowWriter} waits for them. What a worker computes per row
 * ({@code compute}) must be safe for concurrent use.
 *
 * <p>At most {@code ahead} rows are read beyond those returned. What it saves with each chunk is what the step has
 * taken: the count of rows returned ({@link FileRowReader#ROWS_READ}, which a restart skips) and how far through
 * the file the last of them was ({@link FileRowReader#FRACTION_READ}). A damaged file, or a failure to read, is
 * told when the step reaches it, in the step's own thread and transaction, after the rows before it.
 */
public class ReadAheadStagingReader implements ItemStreamReader<Future<StagedRow>> {

    private static final Logger log = LoggerFactory.getLogger(ReadAheadStagingReader.class);

    private sealed interface Item permits Row, End {
    }

    /** A row's future and how far through the file the reading thread was once it had read it. */
    private record Row(Future<StagedRow> staged, double fractionRead) implements Item {
    }

    /** The end of the input: normal (both null), the file damaged after {@code lastGoodRow}, or a failure. */
    private record End(int lastGoodRow, UnreadableFileException damage, Exception failure, double fractionRead)
            implements Item {
    }

    private final String name;
    private final FileRowReader rows;
    private final FileRowReader.DamageHandler onDamage;
    private final Function<RawRow, StagedRow> compute;
    private final ExecutorService workers;
    private final BlockingQueue<Item> queue;
    private Thread reading;
    private volatile boolean stopped;
    private double fractionRead = Double.NaN;
    private int returned;
    private boolean finished;
    // Written by the reading thread before it queues the end, read by the step's thread after taking it.
    private int damagedAfter;
    private UnreadableFileException damage;

    /**
     * @param name  names the reading thread ({@code cx-read-<name>}), e.g. after the batch
     * @param ahead how many rows may be read beyond those returned
     */
    public ReadAheadStagingReader(String name, Path file, int sheetIndex, int headerRowNumber,
                                  FileRowReader.DamageHandler onDamage, Function<RawRow, StagedRow> compute,
                                  ExecutorService workers, int ahead) {
        this.name = name;
        this.rows = new FileRowReader(file, sheetIndex, headerRowNumber, (lastGood, e) -> {
            damagedAfter = lastGood;
            damage = e;
        });
        this.onDamage = onDamage;
        this.compute = compute;
        this.workers = workers;
        this.queue = new ArrayBlockingQueue<>(ahead + 1);
    }

    @Override
    public void open(ExecutionContext context) {
        // Opening skips the rows a restarted step took before; then the reading thread goes on from there.
        rows.open(context);
        returned = context.getInt(FileRowReader.ROWS_READ, 0);
        stopped = false;
        finished = false;
        reading = new Thread(this::readAll, "cx-read-" + name);
        reading.setDaemon(true);
        reading.start();
    }

    private void readAll() {
        try {
            RawRow raw;
            while (!stopped && (raw = rows.read()) != null) {
                RawRow row = raw;
                queue.put(new Row(workers.submit(() -> compute.apply(row)), fraction()));
            }
            queue.put(new End(damagedAfter, damage, null, fraction()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            try {
                queue.put(new End(0, null, e, Double.NaN));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private double fraction() {
        OptionalDouble read = rows.fractionRead();
        return read.isPresent() ? read.getAsDouble() : Double.NaN;
    }

    @Override
    public Future<StagedRow> read() throws Exception {
        if (finished) {
            return null;
        }
        Item item = queue.take();
        if (item instanceof Row row) {
            returned++;
            fractionRead = row.fractionRead();
            return row.staged();
        }
        finished = true;
        End end = (End) item;
        if (!Double.isNaN(end.fractionRead())) {
            fractionRead = end.fractionRead();
        }
        if (end.damage() != null) {
            onDamage.damaged(end.lastGoodRow(), end.damage());
        }
        if (end.failure() != null) {
            throw end.failure();
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FileRowReader.ROWS_READ, returned);
        double read = fractionRead;
        if (Double.isNaN(read)) {
            context.remove(FileRowReader.FRACTION_READ);
        } else {
            context.putDouble(FileRowReader.FRACTION_READ, read);
        }
    }

    @Override
    public void close() {
        stopped = true;
        if (reading != null) {
            reading.interrupt();
            try {
                reading.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (reading.isAlive()) {
                log.warn("The reading thread {} did not stop within 30 s", reading.getName());
            }
            reading = null;
        }
        Item left;
        while ((left = queue.poll()) != null) {
            if (left instanceof Row row) {
                row.staged().cancel(false);
            }
        }
        try {
            rows.close();
        } catch (ItemStreamException e) {
            log.warn("Closing the file after staging failed: {}", e.getMessage());
        }
    }
}
