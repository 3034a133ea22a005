package org.creditexchange.ingest.validate;

/**
 * One problem found with one row.
 *
 * @param field    the catalog field key the problem is about, or {@code ""} for the row as a whole
 * @param title    the field's Chinese title as the clerk sees it in the template ({@code ""} for the row)
 * @param code     a stable reason code, e.g. {@code USCC_CHECK_DIGIT}
 * @param severity error (row rejected) or warning (row accepted)
 * @param message  the Chinese description for the clerk
 * @param hint     the Chinese fix hint for the clerk, {@code ""} when there is none
 */
public record Reason(String field, String title, String code, Severity severity, String message, String hint) {
}
