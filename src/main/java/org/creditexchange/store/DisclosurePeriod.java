package org.creditexchange.store;

import java.time.LocalDate;
import java.util.Optional;
import org.creditexchange.catalog.RetentionDefinition;
import org.creditexchange.ingest.validate.CatalogRecord;

/**
 * When a record stops being disclosed, from its item's retention rule (DOMAIN.md §1): the end of its validity, a
 * fixed number of years from an event date (longer for natural persons where the item says so; earlier when the
 * source set a deadline within the allowed range), or years after the subject's termination. The end is the last
 * day of disclosure: "3 years from 2023-11-24" ends on 2026-11-23.
 */
public final class DisclosurePeriod {

    private DisclosurePeriod() {
    }

    /**
     * The last day of disclosure, or empty when the record has no end yet (no validity end, no termination) or the
     * item declares no rule. Only call for records whose dates passed validation.
     */
    public static Optional<LocalDate> end(RetentionDefinition rule, CatalogRecord r, boolean person) {
        if (rule == null || !r.has(rule.field())) {
            return Optional.empty();
        }
        LocalDate date = r.date(rule.field()).orElseThrow();
        int years = person && rule.personYears() > 0 ? rule.personYears() : rule.years();
        return switch (rule.rule()) {
            case "validity-period" -> Optional.of(date);
            case "years-after-termination" -> Optional.of(date.plusYears(years).minusDays(1));
            case "fixed-years-from" -> {
                LocalDate end = date.plusYears(years).minusDays(1);
                String deadline = rule.deadlineField();
                if (deadline != null && r.has(deadline)) {
                    LocalDate d = r.date(deadline).orElseThrow();
                    LocalDate shortest = date.plusMonths(rule.deadlineMinMonths()).minusDays(rule.deadlineMinMonths() > 0 ? 1 : 0);
                    if (!d.isBefore(shortest) && d.isBefore(end)) {
                        end = d;
                    }
                }
                yield Optional.of(end);
            }
            default -> Optional.empty();
        };
    }
}
