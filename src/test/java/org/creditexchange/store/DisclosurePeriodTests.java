package org.creditexchange.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.creditexchange.catalog.RetentionDefinition;
import org.creditexchange.ingest.validate.CatalogRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisclosurePeriodTests {

    static final RetentionDefinition PENALTY = new RetentionDefinition("fixed-years-from", "decided", 3, 0, "deadline", 3);
    static final RetentionDefinition DEBTOR = new RetentionDefinition("fixed-years-from", "published", 3, 5, null, 0);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            three years, last day before the anniversary | 2023-11-24 | -          | 2026-11-23
            a deadline within the range ends it earlier  | 2025-11-24 | 2026-05-24 | 2026-05-24
            a deadline of exactly 3 months is allowed    | 2025-11-24 | 2026-02-23 | 2026-02-23
            a deadline shorter than 3 months is ignored  | 2025-11-24 | 2025-12-01 | 2028-11-23
            a deadline after the maximum is ignored      | 2025-11-24 | 2030-01-01 | 2028-11-23
            a leap day                                   | 2024-02-29 | -          | 2027-02-27
            """)
    void penaltiesAreDisclosedForThreeYearsUnlessTheSourceSetsAnAllowedDeadline(String description, LocalDate decided,
                                                                               LocalDate deadline, LocalDate end) {
        CatalogRecord r = new CatalogRecord("p", Map.of("decided", decided.toString(),
                "deadline", deadline == null ? "" : deadline.toString()));

        assertThat(DisclosurePeriod.end(PENALTY, r, false)).contains(end);
    }

    @org.junit.jupiter.api.Test
    void naturalPersonsNegativeRecordsLastFiveYearsOrganisationsThree() {
        CatalogRecord r = new CatalogRecord("d", Map.of("published", "2026-01-10"));

        assertThat(DisclosurePeriod.end(DEBTOR, r, true)).contains(LocalDate.of(2031, 1, 9));
        assertThat(DisclosurePeriod.end(DEBTOR, r, false)).contains(LocalDate.of(2029, 1, 9));
    }

    @org.junit.jupiter.api.Test
    void validityEndsOnItsLastDayAndNoDateMeansNoEndYet() {
        RetentionDefinition validity = new RetentionDefinition("validity-period", "until", 0);
        RetentionDefinition afterTermination = new RetentionDefinition("years-after-termination", "terminated", 3);

        assertThat(DisclosurePeriod.end(validity, new CatalogRecord("l", Map.of("until", "2031-10-07")), false))
                .contains(LocalDate.of(2031, 10, 7));
        assertThat(DisclosurePeriod.end(afterTermination, new CatalogRecord("e", Map.of("terminated", "")), false)).isEmpty();
        assertThat(DisclosurePeriod.end(afterTermination, new CatalogRecord("e", Map.of("terminated", "2026-01-01")), false))
                .contains(LocalDate.of(2028, 12, 31));
    }
}
