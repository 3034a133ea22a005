package org.creditexchange.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The progress bar's line: what it shows for a snapshot, at which width. */
class ProgressBarTests {

    static final ProgressBar.Snapshot HALFWAY = new ProgressBar.Snapshot(0.42, 12_345, 1_234.4, Duration.ofSeconds(130),
            "batch 7 stage");

    @Test
    void showsBarPercentRowsRateEtaAndStepInAnEightyColumnTerminal() {
        String line = ProgressBar.line(HALFWAY, 80);

        assertThat(line).isEqualTo("[########............]  42%  12,345 rows  1,234 rows/s  ETA 2:10  batch 7 stage");
        assertThat(line).hasSize(79);
    }

    @Test
    void aWideTerminalGetsABarOfAtMostThirtyCells() {
        assertThat(ProgressBar.line(HALFWAY, 200))
                .startsWith("[############..................]  42%").endsWith("batch 7 stage");
    }

    @Test
    void aNarrowTerminalGetsNoBarAndTheLineCutToFit() {
        assertThat(ProgressBar.line(HALFWAY, 40)).isEqualTo(" 42%  12,345 rows  1,234 rows/s  ETA 2:");
        assertThat(ProgressBar.line(HALFWAY, 65)).startsWith(" 42%  12,345 rows").endsWith("batch 7 stage");
    }

    @Test
    void atZeroNothingIsFilledAndTheTimeLeftIsUnknown() {
        ProgressBar.Snapshot start = new ProgressBar.Snapshot(0.0, 0, 0, null, "batch 7 stage");

        assertThat(ProgressBar.line(start, 80))
                .isEqualTo("[..............................]   0%  0 rows  0 rows/s  ETA ?  batch 7 stage");
    }

    @Test
    void anUnknownTotalShowsNoFillAndNoPercent() {
        ProgressBar.Snapshot unknown = new ProgressBar.Snapshot(null, 5_000, 2_500, null, "batch 9 stage");

        assertThat(ProgressBar.line(unknown, 80))
                .isEqualTo("[------------------------]   ?%  5,000 rows  2,500 rows/s  ETA ?  batch 9 stage");
    }

    @Test
    void atOneHundredPercentEverythingIsFilled() {
        ProgressBar.Snapshot read = new ProgressBar.Snapshot(1.0, 200_001, 9_999.6, Duration.ZERO, "batch 7 stage");

        assertThat(ProgressBar.line(read, 80))
                .isEqualTo("[##################] 100%  200,001 rows  10,000 rows/s  ETA 0:00  batch 7 stage");
    }

    @Test
    void pastTheFileTheTimeLeftIsUnknown() {
        // the steps after reading the file (match, merge, feedback) have no estimate
        ProgressBar.Snapshot matching = new ProgressBar.Snapshot(1.0, 200_001, 9_999.6, null, "batch 7 match");

        assertThat(ProgressBar.line(matching, 80))
                .isEqualTo("[#####################] 100%  200,001 rows  10,000 rows/s  ETA ?  batch 7 match");
    }

    @Test
    void aShareOutsideZeroToOneIsClampedAndAMissingStepLeftOut() {
        assertThat(ProgressBar.line(new ProgressBar.Snapshot(1.7, 1, 1, Duration.ZERO, null), 80))
                .startsWith("[##############################] 100%").endsWith("ETA 0:00");
        assertThat(ProgressBar.line(new ProgressBar.Snapshot(-0.2, 1, 1, null, " "), 80))
                .startsWith("[..............................]   0%").endsWith("ETA ?");
    }

    @Test
    void neverReachesTheLastColumn() {
        IntStream.rangeClosed(1, 200).forEach(width ->
                assertThat(ProgressBar.line(HALFWAY, width).length()).as("width " + width).isLessThan(Math.max(width, 1)));
    }

    @ParameterizedTest
    @CsvSource({"0, 0:00", "9, 0:09", "130, 2:10", "3599, 59:59", "3725, 1:02:05", "90061, 25:01:01"})
    void timeLeftReadsAsAClock(long seconds, String shown) {
        assertThat(ProgressBar.clock(Duration.ofSeconds(seconds))).isEqualTo(shown);
    }
}
