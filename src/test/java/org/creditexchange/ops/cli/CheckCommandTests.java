package org.creditexchange.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.creditexchange.config.ConfigFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code credit-exchange check}, run as the operator runs it, against the configuration root in {@code cx.home}. */
class CheckCommandTests {

    @TempDir
    Path dir;

    /** Exit code and everything printed to System.out. */
    private record Run(int exitCode, String out) {
    }

    /** Runs {@code check} with {@code cx.home} set to {@code home}; System.out is swapped before the command wraps it. */
    private static Run check(Path home) {
        String previousHome = System.getProperty("cx.home");
        PrintStream previousOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty("cx.home", home.toString());
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int code = CreditExchangeCommand.run("check");
            System.out.flush();
            return new Run(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(previousOut);
            if (previousHome == null) {
                System.clearProperty("cx.home");
            } else {
                System.setProperty("cx.home", previousHome);
            }
        }
    }

    @Test
    void theShippedConfigurationIsOk() {
        Run run = check(Path.of("").toAbsolutePath());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("Configuration OK")
                .contains("2 connector(s), 12 catalog item(s), 1 source mapping(s), 2 format(s), 2 job(s), 2 schedule(s), "
                        + "working-day calendars [2025, 2026].");
    }

    @Test
    void theMinimalFixtureIsOk() {
        Run run = check(ConfigFixtures.assemble(dir));

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("Configuration OK (" + dir.toAbsolutePath().normalize() + ")")
                .contains("1 connector(s), 1 catalog item(s), 1 source mapping(s), 0 format(s), 0 job(s), 0 schedule(s), "
                        + "working-day calendars none.");
    }

    @Test
    void aBrokenConfigurationExitsWithTwoAndNamesEveryProblemWithFileAndLine() {
        Path home = ConfigFixtures.assemble(dir, "connector-invalid-uscc", "bad-attribute", "empty-file",
                "source-mapping-unknown-field");

        Run run = check(home);

        assertThat(run.exitCode()).isEqualTo(CreditExchangeCommand.EXIT_CONFIG).isEqualTo(2);
        assertThat(run.out()).doesNotContain("Configuration OK");
        assertThat(run.out().lines()).containsExactly(
                "connectors/unit-a.yaml:3: uscc: '91350100M000100Y44' is not a valid 统一社会信用代码",
                "mappings/catalog/penalty.yaml:4: attribute: unknown value '坏', expected one of "
                        + attributeChoices(run.out()),
                "mappings/codes/penalty-category.yaml: file is empty",
                "mappings/sources/unit-a/penalty.yaml:5: header-aliases.decision-no: unknown field 'decision-no' of penalty",
                "4 problem(s) found.");
    }

    /** The allowed attributes are printed in Set order, which the test does not pin down. */
    private static String attributeChoices(String out) {
        int at = out.indexOf("expected one of ");
        return out.substring(at + "expected one of ".length(), out.indexOf('\n', at));
    }
}
