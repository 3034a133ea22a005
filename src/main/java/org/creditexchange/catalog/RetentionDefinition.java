package org.creditexchange.catalog;

/**
 * How long a record is disclosed (DOMAIN.md §1); enforced by the archive job of a later issue, declared now.
 *
 * @param rule  {@code fixed-years-from} (years after the date in {@code field}), {@code validity-period}
 *              (until the date in {@code field}), {@code years-after-termination}
 * @param field the date field the period counts from or ends at
 * @param years the number of years where the rule needs one
 */
public record RetentionDefinition(String rule, String field, int years) {
}
