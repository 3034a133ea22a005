package org.creditexchange.intake;

/** Where a batch stands. */
public enum BatchStatus {
    /** Landed and recorded, not processed yet. */
    RECEIVED,
    /** The ingest job is working on it. */
    PROCESSING,
    /** Every row processed: accepted rows are in the store, feedback written. */
    DONE,
    /** The file as a whole could not be read or recognised; feedback says why. */
    REJECTED,
    /** The same content was received before from the same unit; not loaded again. */
    DUPLICATE,
    /** The engine failed (a system fault); the job can be restarted. */
    FAILED,
    /** A dry run ({@code ingest --dry-run}): processed up to the merge, feedback written, nothing kept. */
    DRY_RUN
}
