package org.creditexchange.ingest.stage;

import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/**
 * Hands the staged rows of a chunk that the staging workers compute ({@link ReadAheadStagingReader}) to {@link StagedRowWriter} in file
 * order as each is ready (on PostgreSQL the server stores a row while later ones are still computed), in the chunk's
 * transaction. A row whose processing failed fails the chunk with that
 * failure, as a synchronous processor would.
 */
public class FutureRowWriter implements ItemWriter<Future<StagedRow>> {

    private final StagedRowWriter delegate;

    public FutureRowWriter(StagedRowWriter delegate) {
        this.delegate = delegate;
    }

    @Override
    public void write(Chunk<? extends Future<StagedRow>> chunk) throws Exception {
        Iterator<? extends Future<StagedRow>> futures = chunk.iterator();
        try {
            delegate.write(new Iterator<StagedRow>() {
                @Override
                public boolean hasNext() {
                    return futures.hasNext();
                }

                @Override
                public StagedRow next() {
                    try {
                        return futures.next().get();
                    } catch (ExecutionException e) {
                        throw new RowFailed(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RowFailed(e);
                    }
                }
            }, chunk.size());
        } catch (RowFailed e) {
            for (Future<StagedRow> future : chunk) {
                future.cancel(false);
            }
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Carries what computing a row threw out of the iterator the delegate reads. */
    private static final class RowFailed extends RuntimeException {
        RowFailed(Throwable cause) {
            super(cause);
        }
    }
}
