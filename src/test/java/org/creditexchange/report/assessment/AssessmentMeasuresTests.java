package org.creditexchange.report.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.config.ConfigurationLoader;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.ingest.validate.ReasonMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure parts of the assessment: measures, full marks, completeness of a row, delivery method. */
class AssessmentMeasuresTests {

    private static final PlatformConfiguration SHIPPED = new ConfigurationLoader(Path.of(".")).load().orThrow();
    private static final CatalogItemDefinition PENALTY = SHIPPED.catalog().item("admin-penalty").orElseThrow();

    @ParameterizedTest(name = "{0}/{1} at {2}%: full marks {3}")
    @CsvSource(nullValues = "null", textBlock = """
            95,  100, 95,   true
            94,  100, 95,   false
            19,  20,  95,   true
            189, 199, 95,   false
            0,   0,   95,   null
            3,   5,   null, null
            """)
    void fullMarksAreReachedAtTheRateExactlyWithoutRounding(long numerator, long denominator, Integer percent,
                                                           Boolean fullMarks) {
        Measure m = new Measure("入库率", "", numerator, denominator, percent);

        assertThat(m.fullMarks().orElse(null)).isEqualTo(fullMarks);
        assertThat(m.rate().orElse(null)).isEqualTo(denominator == 0 ? null : (double) numerator / denominator);
    }

    @Test
    void aMeasureCannotCountMoreThanItMeasures() {
        assertThatThrownBy(() -> new Measure("关联率", "", 3, 2, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOrganisationRowNeedsItsCodeAndRepresentativeAPersonRowItsIdDocument() {
        DataItemCompleteness completeness = new DataItemCompleteness(PENALTY);
        Map<String, String> org = complete();
        org.put("subject-category", "法人及非法人组织");
        org.put("uscc", "91330106MA2B3C4D11");
        org.put("legal-representative", "王明");
        Map<String, String> person = complete();
        person.put("subject-category", "自然人");
        person.put("id-type", "身份证");
        person.put("id-number", "330106********1231");

        assertThat(completeness.count(org)).isEqualTo(new DataItemCompleteness.Count(16, 16));
        assertThat(completeness.count(person)).isEqualTo(new DataItemCompleteness.Count(16, 16));
        org.put("violation-facts", " ");
        org.remove("legal-representative");
        org.put("remarks", "");
        assertThat(completeness.count(org)).isEqualTo(new DataItemCompleteness.Count(14, 16));
        // An optional item filled in is no required item: 罚款金额 does not raise the count.
        person.put("fine-amount", "0.2");
        assertThat(completeness.count(person)).isEqualTo(new DataItemCompleteness.Count(16, 16));
    }

    @Test
    void aFileOnTheCommandLineOrByDropIsManualAChannelNamedJdbcOrSftpIsAFrontEndMachine() {
        ConnectorDefinition unit = SHIPPED.connector("sample-market").orElseThrow();

        assertThat(DeliveryMethod.of(unit, "drop")).isEqualTo(DeliveryMethod.MANUAL);
        assertThat(DeliveryMethod.of(unit, "cli")).isEqualTo(DeliveryMethod.MANUAL);
        assertThat(DeliveryMethod.of(unit, "jdbc")).isEqualTo(DeliveryMethod.FRONT_END);
        assertThat(DeliveryMethod.of(unit, "sftp")).isEqualTo(DeliveryMethod.FRONT_END);
        assertThat(DeliveryMethod.of(null, "drop")).isEqualTo(DeliveryMethod.MANUAL);
    }

    @Test
    void everyReasonCodeHasAShortTitleForTheAssessment() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = ReasonMessages.class.getResourceAsStream("/i18n/reasons.properties")) {
            bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        List<String> codes = bundle.stringPropertyNames().stream().filter(k -> k.endsWith(".message"))
                .map(k -> k.substring(0, k.length() - ".message".length())).sorted().toList();

        assertThat(codes).isNotEmpty().allSatisfy(code -> assertThat(ReasonMessages.title(code)).isNotEqualTo(code));
        assertThat(ReasonMessages.title("NO_SUCH_CODE")).isEqualTo("NO_SUCH_CODE");
    }

    /** Every data item of 行政处罚 that is always required, filled in. */
    private static Map<String, String> complete() {
        Map<String, String> values = new HashMap<>();
        PENALTY.fields().stream().filter(f -> f.required()).forEach(f -> values.put(f.key(), "值"));
        return values;
    }
}
