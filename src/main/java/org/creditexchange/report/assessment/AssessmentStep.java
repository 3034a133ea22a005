package org.creditexchange.report.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.creditexchange.CxProperties;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.feedback.FeedbackService;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.schedule.StepType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code assessment}: the monthly assessment (绩效考核) of the source units, over the batches received in a month.
 * Writes each unit's workbook ({@code <month>-信用信息报送考核-<unit>.xlsx}) into its feedback folder and the operators'
 * summary with a chart per measure into {@code <data dir>/reports/assessment/<month>-考核汇总.xlsx}; running it again
 * for the same month replaces both.
 *
 * <p>Parameters: {@code month=YYYY-MM} (default: the month before the run's date); {@code units=a,b} (default: every
 * unit of {@code connectors/}). An unknown unit or a malformed month fails the step, naming the mistake.
 */
@Component
public class AssessmentStep implements StepType {

    private static final Logger log = LoggerFactory.getLogger(AssessmentStep.class);

    private final PlatformConfiguration configuration;
    private final CxProperties properties;
    private final FeedbackService feedback;
    private final org.creditexchange.feedback.FeedbackDeliveries deliveries;
    private final UnitAssessor assessor;
    private final UnitAssessmentWorkbook unitWorkbook = new UnitAssessmentWorkbook();
    private final AssessmentSummaryWorkbook summaryWorkbook = new AssessmentSummaryWorkbook();

    public AssessmentStep(PlatformConfiguration configuration, CxProperties properties, FeedbackService feedback,
                          org.creditexchange.feedback.FeedbackDeliveries deliveries, JdbcTemplate jdbc) {
        this.configuration = configuration;
        this.properties = properties;
        this.feedback = feedback;
        this.deliveries = deliveries;
        this.assessor = new UnitAssessor(configuration.catalog(), jdbc);
    }

    @Override
    public String name() {
        return "assessment";
    }

    @Override
    public String run(Context context) {
        YearMonth month = month(context.param("month", YearMonth.from(context.today()).minusMonths(1).toString()));
        List<ConnectorDefinition> units = units(context.param("units", ""));
        List<UnitAssessment> assessed = new ArrayList<>();
        List<String> undelivered = new ArrayList<>();
        try {
            for (ConnectorDefinition unit : units) {
                UnitAssessment a = assessor.assess(unit, month);
                Path workbook = feedback.feedbackFolder(unit).resolve(UnitAssessmentWorkbook.fileName(month, unit.code()));
                unitWorkbook.write(a, workbook);
                // Also through the unit's own feedback channel (an SFTP feedback directory), where it has one.
                undelivered.addAll(deliveries.deliverDocument(unit, workbook));
                log.info("Assessment {}: {}: {} batches, {} rows received, {} loaded, {} late; written to {}", month,
                        unit.code(), a.batches().size(), a.received(), a.loaded(), a.lateCount(), workbook);
                assessed.add(a);
            }
            Path summary = properties.dataDir().resolve("reports").resolve("assessment")
                    .resolve(AssessmentSummaryWorkbook.fileName(month));
            summaryWorkbook.write(month, assessed, summary);
            long silent = assessed.stream().filter(UnitAssessment::nothingReceived).count();
            String result = month + " 报送考核：" + assessed.size() + " 个单位，" + (assessed.size() - silent) + " 个有报送，"
                    + silent + " 个本月无报送；汇总 " + summary
                    + (undelivered.isEmpty() ? "" : "；未能送达 " + undelivered.size() + " 份（已留在反馈目录）")
                    + " (assessment of " + month + ": " + assessed.size() + " units, "
                    + (assessed.size() - silent) + " with batches, " + silent + " without"
                    + (undelivered.isEmpty() ? "" : "; not delivered: " + String.join("; ", undelivered)) + ")";
            if (!undelivered.isEmpty()) {
                throw new org.creditexchange.schedule.StepFailedException(result);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the assessment of " + month, e);
        }
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("month must be YYYY-MM, e.g. month=2026-10, not '" + text + "'");
        }
    }

    /** The units named (in the order given), or every unit by code. */
    private List<ConnectorDefinition> units(String names) {
        if (names.isEmpty()) {
            return configuration.allConnectors().stream()
                    .sorted(Comparator.comparing(ConnectorDefinition::code)).toList();
        }
        Set<String> wanted = new LinkedHashSet<>(Arrays.stream(names.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
        List<ConnectorDefinition> units = new ArrayList<>();
        for (String code : wanted) {
            units.add(configuration.connector(code).orElseThrow(() -> new IllegalArgumentException("unknown unit '"
                    + code + "' in units= (known units: "
                    + String.join(", ", new TreeSet<>(configuration.connectors().keySet())) + ")")));
        }
        return units;
    }
}
