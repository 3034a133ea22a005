package org.creditexchange.ingest.stage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.creditexchange.ingest.read.RawRow;
import org.springframework.batch.item.ItemProcessor;

/**
 * Hands each row to a worker of the staging pool and returns its future staged row at once, so that a chunk's rows
 * are mapped, validated and staged on several cores while the reader goes on reading; {@link FutureRowWriter} waits
 * for them in file order. The delegate and everything it uses must be safe for concurrent use (they hold no per-row
 * state).
 */
public class ParallelRowProcessor implements ItemProcessor<RawRow, Future<StagedRow>> {

    private final RowProcessor delegate;
    private final ExecutorService workers;

    public ParallelRowProcessor(RowProcessor delegate, ExecutorService workers) {
        this.delegate = delegate;
        this.workers = workers;
    }

    @Override
    public Future<StagedRow> process(RawRow row) {
        return workers.submit(() -> delegate.process(row));
    }
}
