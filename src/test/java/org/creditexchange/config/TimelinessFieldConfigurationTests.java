package org.creditexchange.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code timeliness-field}: names a date field of its item, or the configuration is refused. */
class TimelinessFieldConfigurationTests {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            timeliness-field-unknown  | unknown field 'decided-on'
            timeliness-field-not-date | field 'decision-number' must be of type date
            """)
    void aTimelinessFieldMustBeADateFieldOfTheItem(String brokenCase, String message) {
        ConfigurationLoader.Result result = new ConfigurationLoader(ConfigFixtures.assemble(dir, brokenCase)).load();

        assertThat(result.problems()).extracting(ConfigProblem::toString)
                .containsExactly("mappings/catalog/penalty.yaml:7: timeliness-field: " + message);
    }

    @Test
    void theShippedDecisionItemsNameTheirDecisionDateAndTheOthersNone() {
        PlatformConfiguration c = new ConfigurationLoader(Path.of(".")).load().orThrow();

        assertThat(c.catalog().items()).extracting(CatalogItemDefinition::id, CatalogItemDefinition::timelinessField)
                .containsExactly(
                        tuple("abnormal-operation", "listing-date"),
                        tuple("admin-license", "decision-date"),
                        tuple("admin-penalty", "decision-date"),
                        tuple("credit-commitment", null),
                        tuple("credit-rating", "rating-date"),
                        tuple("dishonest-debtor", null),
                        tuple("honor", "award-date"),
                        tuple("legal-person", null),
                        tuple("qualification", null),
                        tuple("serious-dishonest-list", "listing-date"),
                        tuple("social-insurance-arrears", null),
                        tuple("tax-arrears", null));
        assertThat(c.catalog().item("admin-penalty").orElseThrow().timeliness()).get()
                .extracting(f -> f.title()).isEqualTo("处罚决定日期");
    }
}
