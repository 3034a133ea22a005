package org.creditexchange.ingest;

/** The engine failed on a batch (a system fault, not bad data). The batch is FAILED and can be restarted. */
public class IngestFailedException extends RuntimeException {

    private final long batchId;

    public IngestFailedException(long batchId, String why, Throwable cause) {
        super("batch " + batchId + " failed: " + why, cause);
        this.batchId = batchId;
    }

    public long batchId() {
        return batchId;
    }
}
