package org.creditexchange.ingest.validate;

/** How bad a problem with a row is: an error rejects the row, a warning keeps it. */
public enum Severity {
    ERROR,
    WARNING
}
