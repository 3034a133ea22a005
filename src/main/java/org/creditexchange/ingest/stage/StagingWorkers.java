package org.creditexchange.ingest.stage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The threads that map, validate and stage rows ({@link ReadAheadStagingReader}): {@code cx.stage.threads}, by default
 * one per core. Shared by the ingest jobs of this engine; daemon threads, stopped with the engine.
 */
@Component
public class StagingWorkers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StagingWorkers.class);

    private final ExecutorService executor;
    private final int threads;

    public StagingWorkers(@Value("${cx.stage.threads:0}") int configured) {
        this.threads = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cx-stage-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        log.debug("Staging with {} worker thread(s)", threads);
    }

    /** The pool. */
    public ExecutorService executor() {
        return executor;
    }

    /** How many threads stage rows. */
    public int threads() {
        return threads;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
