package org.creditexchange.match;

/** What the match step found for a staged row ({@code cx_staged_row.match_status}). */
public enum MatchOutcome {
    /** Linked to one subject whose current or a former name agrees (or found by its unique name, or by ID hash). */
    MATCHED,
    /** The code found a subject, but the row's name is neither its current nor a former name: held (疑问数据). */
    NAME_MISMATCH,
    /** No subject has the row's code (nor, without one, its name): loaded, unlinked. */
    UNKNOWN,
    /** Several subjects fit: held. */
    AMBIGUOUS;

    /** Every outcome, as an SQL list. */
    public static final String ALL = "'MATCHED', 'NAME_MISMATCH', 'UNKNOWN', 'AMBIGUOUS'";

    /** The outcomes a later registry update may change, the ones {@link Rematch} revisits. */
    public static final String UNSETTLED = "'UNKNOWN', 'NAME_MISMATCH', 'AMBIGUOUS'";
}
