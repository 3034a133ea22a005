package org.creditexchange.ingest.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.creditexchange.ingest.IngestProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stage step's progress log line: share of the file read and time left, when known. */
class StageProgressListenerTests {

    @Test
    void saysTheShareReadAndTheTimeLeft() {
        assertThat(StageProgressListener.progress(new IngestProgress(0.7391, Duration.ofSeconds(130))))
                .isEqualTo(", 73% of the file read, about 2 min 10 s left");
    }

    @Test
    void leavesOutWhatIsUnknown() {
        assertThat(StageProgressListener.progress(IngestProgress.UNKNOWN)).isEmpty();
        assertThat(StageProgressListener.progress(new IngestProgress(0.999, null))).isEqualTo(", 99% of the file read");
    }

    @ParameterizedTest
    @CsvSource({"0, 0 s", "9, 9 s", "130, 2 min 10 s", "3725, 1 h 02 min"})
    void durationsReadAsHoursMinutesSeconds(long seconds, String shown) {
        assertThat(StageProgressListener.duration(Duration.ofSeconds(seconds))).isEqualTo(shown);
    }
}
