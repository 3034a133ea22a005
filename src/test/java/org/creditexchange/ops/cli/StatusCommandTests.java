package org.creditexchange.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.creditexchange.ingest.RunningIngests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@code status} says of a running ingest job's progress, in the words of the rest of its line. */
class StatusCommandTests {

    @Test
    void saysTheShareReadAndTheTimeLeft() {
        assertThat(StatusCommand.progress(running("stage", 73.9, Duration.ofSeconds(130)))).isEqualTo("已读 73%，剩余约 2 分 10 秒");
    }

    @Test
    void saysWhatIsNotKnown() {
        assertThat(StatusCommand.progress(running("recognize", null, null))).isEqualTo("进度未知");
        assertThat(StatusCommand.progress(running("stage", 12.0, null))).isEqualTo("已读 12%，剩余时间未知");
    }

    @Test
    void pastTheStageTheFileIsRead() {
        assertThat(StatusCommand.progress(running("match", 100.0, Duration.ZERO))).isEqualTo("文件已读完");
    }

    @ParameterizedTest
    @CsvSource({"0, 0 秒", "59, 59 秒", "130, 2 分 10 秒", "3725, 1 小时 02 分"})
    void durationsReadInChinese(long seconds, String shown) {
        assertThat(StatusCommand.duration(Duration.ofSeconds(seconds))).isEqualTo(shown);
    }

    private static RunningIngests.Running running(String step, Double percent, Duration remaining) {
        return new RunningIngests.Running(41, 7, step, 12_000, Duration.ofSeconds(60), 200, percent, remaining);
    }
}
