package org.creditexchange.ingest.validate;

/** The verdict on one row, as written to staging and to the receipt. */
public enum RowStatus {
    /** Accepted, no problem. */
    ACCEPTED,
    /** Accepted, with at least one warning. */
    WARNED,
    /** Rejected: at least one error. Never loaded. */
    REJECTED
}
