package org.creditexchange.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.intake.DropChannelDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigurationLoaderTests {

    private static final Path CATALOG = Path.of("mappings/catalog/penalty.yaml");

    @TempDir
    Path dir;

    @Test
    void theShippedConfigurationLoadsWithoutProblems() {
        ConfigurationLoader.Result result = new ConfigurationLoader(Path.of("")).load();

        assertThat(result.problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        PlatformConfiguration c = result.orThrow();
        assertThat(c.catalog().items()).extracting(CatalogItemDefinition::id)
                .containsExactly("abnormal-operation", "admin-license", "admin-penalty", "credit-commitment", "credit-rating",
                        "dishonest-debtor", "honor", "legal-person", "qualification", "serious-dishonest-list",
                        "social-insurance-arrears", "tax-arrears");
        assertThat(c.formats()).containsOnlyKeys("legacy-2016-license", "legacy-2016-penalty");
        assertThat(c.catalog().item("admin-license").orElseThrow().fields()).hasSize(28);
        assertThat(c.catalog().item("admin-penalty").orElseThrow().fields()).hasSize(30);
        assertThat(c.connectors()).containsOnlyKeys("sample-market", "sample-tax");
        assertThat(c.sourceMapping("sample-tax", "tax-arrears")).get().extracting(m -> m.headerRow()).isEqualTo(2);
        assertThat(c.connector("sample-market").orElseThrow().name()).isEqualTo("示例区市场监督管理局");
    }

    @Test
    void theMinimalFixtureIsValid() {
        ConfigurationLoader.Result result = new ConfigurationLoader(ConfigFixtures.assemble(dir)).load();

        assertThat(result.problems()).isEmpty();
        PlatformConfiguration c = result.orThrow();
        assertThat(c.catalog().item("penalty").orElseThrow().fields()).hasSize(5);
        assertThat(c.catalog().hasCodeTable("subject-category")).isTrue();
        DropChannelDefinition drop = (DropChannelDefinition) c.connector("unit-a").orElseThrow().channels().get(0);
        assertThat(drop.settle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(drop.poll()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.sourceMapping("unit-a", "penalty").orElseThrow().headerAliases())
                .containsOnlyKeys("subject-name", "decision-number");
    }

    /**
     * Each case folder under {@code config/broken/} replaces or adds file(s) of {@code config/valid-minimal/} with
     * exactly one mistake; the loader must name exactly that mistake, at the line where it sits (0: the whole file).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # case                                    | file                                   | line | path                                    | message fragment
            unknown-code-table                         | mappings/catalog/penalty.yaml          | 20   | fields[1].code-table                    | unknown code table 'subject-kind' (no mappings/codes/subject-kind.yaml)
            unknown-field-in-rule                      | mappings/catalog/penalty.yaml          | 35   | rules[0]                                | unknown field 'decision-day'
            unknown-field-in-business-key              | mappings/catalog/penalty.yaml          | 6    | business-key[1]                         | unknown field 'usc'
            unknown-field-in-required-if               | mappings/catalog/penalty.yaml          | 25   | fields[2].required-if.field             | unknown field 'subject-type'
            duplicate-field-key                        | mappings/catalog/penalty.yaml          | 34   | fields[5].key                           | duplicate field key 'decision-number'
            duplicate-header-title                     | mappings/catalog/penalty.yaml          | 31   | fields[4].title                         | header '相对人名称' already names field 'subject-name'
            code-field-without-table                   | mappings/catalog/penalty.yaml          | 17   | fields[1].code-table                    | a field of type code needs code-table
            bad-field-type                             | mappings/catalog/penalty.yaml          | 24   | fields[2].type                          | unknown field type 'money', expected one of text, date, decimal, code, uscc, id-number, org-code, reg-number
            unknown-yaml-key                           | mappings/catalog/penalty.yaml          | 16   | fields[0].requried                      | unknown key 'requried' (known keys here: aliases, check-if, code-table
            yaml-syntax-error                          | mappings/catalog/penalty.yaml          | 27   | ""                                      | not valid YAML: mapping values are not allowed here
            id-not-file-name                           | mappings/catalog/penalty.yaml          | 1    | id                                      | id 'penalties' must equal the file name 'penalty'
            bad-attribute                              | mappings/catalog/penalty.yaml          | 4    | attribute                               | unknown value '坏', expected one of
            date-order-rule-on-text-field              | mappings/catalog/penalty.yaml          | 36   | rules[1]                                | field 'decision-number' must be of type date
            connector-unknown-item                     | connectors/unit-a.yaml                 | 8    | channels[0].items[1]                    | unknown catalog item 'license'
            connector-duplicate-channel-id             | connectors/unit-a.yaml                 | 11   | channels[1].id                          | duplicate channel id 'drop'
            connector-drop-without-path                | connectors/unit-a.yaml                 | 5    | channels[0].path                        | path is required
            connector-invalid-uscc                     | connectors/unit-a.yaml                 | 3    | uscc                                    | '91350100M000100Y44' is not a valid 统一社会信用代码
            bad-duration                               | connectors/unit-a.yaml                 | 9    | channels[0].settle                      | 'soon' is not a duration (write e.g. 500ms, 2s, 5m, 1h)
            bad-duration-before-type                   | connectors/unit-a.yaml                 | 8    | channels[0].settle                      | 'soon' is not a duration
            two-connectors-same-drop-folder            | connectors/unit-b.yaml                 | 6    | channels[0].path                        | drop folder './drop/unit-a' is already watched by unit-a/drop
            yml-extension                              | connectors/unit-b.yml                  | 0    | ""                                      | configuration files end in .yaml, not .yml
            empty-file                                 | mappings/codes/penalty-category.yaml   | 0    | ""                                      | file is empty
            source-mapping-unknown-unit                | mappings/sources/unit-x/penalty.yaml   | 1    | ""                                      | no connector 'unit-x'
            source-mapping-unknown-field               | mappings/sources/unit-a/penalty.yaml   | 5    | header-aliases.decision-no              | unknown field 'decision-no' of penalty
            source-mapping-translation-to-unknown-code | mappings/sources/unit-a/penalty.yaml   | 11   | code-translations.subject-category.02   | '个体户' is not a value of code table subject-category
            feedback-in-inbox                          | connectors/unit-a.yaml                 | 13   | feedback.path                           | overlaps the inbox of unit-a/drop: feedback would be taken as a new file
            drop-path-escapes                          | connectors/unit-a.yaml                 | 7    | channels[0].path                        | '../../etc/unit-a' leaves the data directory
            settle-too-short                           | connectors/unit-a.yaml                 | 5    | channels[0]                             | settle and poll must be at least 100ms
            prohibited-field                           | mappings/catalog/penalty.yaml          | 35   | fields[5].title                         | '血型' names data that is never collected (血型)
            format-unknown-field                       | mappings/formats/old-penalty.yaml      | 6    | columns.decision-day                    | unknown field 'decision-day' of penalty
            calendar-year-not-file-name                | schedules/calendar-2026.yaml           | 1    | year                                    | year 2025 must equal the file name's year 2026
            calendar-date-outside-year                 | schedules/calendar-2026.yaml           | 4    | holidays[0].from                        | 2025-02-15 is not in 2026 (one file per year: calendar-2026.yaml)
            calendar-holiday-range-reversed            | schedules/calendar-2026.yaml           | 5    | holidays[1].to                          | to 2026-10-01 is before from 2026-10-07
            calendar-overlapping-holidays              | schedules/calendar-2026.yaml           | 6    | holidays[2]                             | 2026-10-01 is already a holiday (holidays[1] 国庆节)
            calendar-holiday-also-adjusted             | schedules/calendar-2026.yaml           | 8    | adjusted-working-days[1].date           | 2026-10-03 is both a holiday (holidays[1] 国庆节) and an adjusted working day
            calendar-adjusted-not-weekend              | schedules/calendar-2026.yaml           | 8    | adjusted-working-days[1].date           | 2026-10-09 is a Friday: an adjusted working day (调休上班) is a Saturday or Sunday
            calendar-duplicate-adjusted-day            | schedules/calendar-2026.yaml           | 9    | adjusted-working-days[2].date           | 2026-10-10 is already listed (adjusted-working-days[1])
            calendar-invalid-date                      | schedules/calendar-2026.yaml           | 4    | holidays[0].to                          | '2026-02-30' is not a date (write yyyy-MM-dd, e.g. 2026-02-15)
            calendar-without-source                    | schedules/calendar-2026.yaml           | 1    | source                                  | source is required
            calendar-unknown-key                       | schedules/calendar-2026.yaml           | 8    | adjusted-working-days[1].reason         | unknown key 'reason' (known keys here: date, for)
            calendar-bad-file-name                     | schedules/calendar-26.yaml             | 0    | ""                                      | a working-day calendar is named calendar-<year>.yaml with a four-digit year
            job-unknown-step-type                      | jobs/nightly.yaml                      | 5    | steps[1].type                           | unknown step type 'rematchh' (available: archive, assessment, collect, digest, process-pending, rematch)
            job-step-unknown                           | jobs/nightly.yaml                      | 4    | steps[0].type                           | unknown step type 'colect'
            job-without-steps                          | jobs/nightly.yaml                      | 3    | steps                                   | a job needs at least one step
            job-id-not-file-name                       | jobs/nightly.yaml                      | 1    | id                                      | id 'night' must equal the file name 'nightly'
            schedule-bad-cron                          | schedules/nightly.yaml                 | 3    | cron                                    | not a Quartz cron expression ('0 0 25 * * ?')
            schedule-unknown-job                       | schedules/nightly.yaml                 | 2    | job                                     | unknown job 'nighty': no jobs/nighty.yaml
            schedule-unknown-zone                      | schedules/nightly.yaml                 | 4    | time-zone                               | unknown time zone 'Asia/Beijing'
            schedule-bad-misfire                       | schedules/nightly.yaml                 | 5    | misfire                                 | misfire is fire-once or skip, not 'retry'
            schedule-yml-extension                     | schedules/nightly.yml                  | 0    | ""                                      | configuration files end in .yaml, not .yml
            """)
    void eachBrokenCaseReportsExactlyItsMistake(String brokenCase, String file, int line, String path, String fragment) {
        ConfigurationLoader.Result result = new ConfigurationLoader(ConfigFixtures.assemble(dir, brokenCase)).load();

        assertThat(result.ok()).isFalse();
        assertThat(result.configuration()).isNull();
        assertThat(result.problems()).as("problems of %s", brokenCase).hasSize(1);
        ConfigProblem p = result.problems().get(0);
        assertThat(p.file()).isEqualTo(Path.of(file));
        assertThat(p.line()).as("line of %s", p).isEqualTo(line);
        assertThat(p.path()).as("path of %s", p).isEqualTo(path);
        assertThat(p.message()).contains(fragment);
        assertThat(p.toString()).startsWith(line > 0 ? file + ":" + line + ": " : file + ": ");
    }

    @Test
    void mistakesInSeveralFilesAreAllReportedAtOnceSortedByFile() {
        Path root = ConfigFixtures.assemble(dir, "source-mapping-unknown-field", "empty-file", "bad-attribute",
                "yml-extension", "connector-invalid-uscc");

        List<ConfigProblem> problems = new ConfigurationLoader(root).load().problems();

        assertThat(problems).extracting(p -> p.file().toString(), ConfigProblem::line, ConfigProblem::path)
                .containsExactly(
                        tuple("connectors/unit-a.yaml", 3, "uscc"),
                        tuple("connectors/unit-b.yml", 0, ""),
                        tuple("mappings/catalog/penalty.yaml", 4, "attribute"),
                        tuple("mappings/codes/penalty-category.yaml", 0, ""),
                        tuple("mappings/sources/unit-a/penalty.yaml", 5,
                                "header-aliases.decision-no"));
    }

    @Test
    void severalMistakesInOneFileAreAllReportedSortedByLine() throws IOException {
        // Two mistakes in the catalog item (line 20 and line 6) and one in the connector (line 3).
        Path root = ConfigFixtures.assemble(dir, "unknown-code-table", "connector-invalid-uscc");
        Path item = root.resolve(CATALOG);
        Files.writeString(item, Files.readString(item).replace("[decision-number, uscc]", "[decision-number, usc]"));

        List<ConfigProblem> problems = new ConfigurationLoader(root).load().problems();

        assertThat(problems).extracting(p -> p.file() + ":" + p.line())
                .containsExactly("connectors/unit-a.yaml:3", CATALOG + ":6", CATALOG + ":20");
        assertThat(problems).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void orThrowOnABrokenConfigurationListsEveryProblem() {
        Path root = ConfigFixtures.assemble(dir, "bad-attribute", "connector-unknown-item", "empty-file");
        ConfigurationLoader.Result result = new ConfigurationLoader(root).load();
        assertThat(result.problems()).hasSize(3);

        assertThatThrownBy(result::orThrow)
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.problems()).isEqualTo(result.problems());
                    assertThat(e.getMessage()).startsWith("configuration has 3 problem(s):");
                    result.problems().forEach(p -> assertThat(e.getMessage()).contains("  " + p));
                    assertThat(e.getMessage())
                            .contains("connectors/unit-a.yaml:8: channels[0].items[1]: unknown catalog item 'license'")
                            .contains("mappings/catalog/penalty.yaml:4: attribute: unknown value '坏'")
                            .contains("mappings/codes/penalty-category.yaml: file is empty");
                });
    }

    @Test
    void aCodeFieldWithoutTableThatASourceMappingTranslatesIsReportedNotThrown() {
        Path root = ConfigFixtures.assemble(dir, "code-field-without-table-translated");

        ConfigurationLoader.Result result = new ConfigurationLoader(root).load();

        assertThat(result.problems()).extracting(ConfigProblem::toString).containsExactly(
                "mappings/catalog/penalty.yaml:17: fields[1].code-table: a field of type code needs code-table");
    }
}
