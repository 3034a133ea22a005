package org.creditexchange.catalog;

/**
 * How long a record is disclosed (DOMAIN.md §1): each record's disclosure end is computed from this when it is
 * loaded, and the archive job archives records whose end has passed.
 *
 * @param rule          {@code fixed-years-from} (years after the date in {@code field}), {@code validity-period}
 *                      (until the date in {@code field}), {@code years-after-termination} (years after the
 *                      termination date in {@code field}); without the date the record has no end yet
 * @param field         the date field the period counts from or ends at
 * @param years         the number of years where the rule needs one
 * @param personYears   for records about natural persons, this many years instead (0: the same as {@code years})
 * @param deadlineField a date field the source may set earlier (e.g. 公示截止期): honoured when it lies between the
 *                      shortest allowed period and the computed end
 * @param deadlineMinMonths the shortest disclosure a deadline may give, in months from the start (e.g. 3 for
 *                      penalties: 一般 penalties are disclosed 3 months at least); 0 for none
 */
public record RetentionDefinition(String rule, String field, int years, int personYears, String deadlineField,
                                  int deadlineMinMonths) {

    public RetentionDefinition(String rule, String field, int years) {
        this(rule, field, years, 0, null, 0);
    }
}
