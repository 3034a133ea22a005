package org.creditexchange.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.creditexchange.CxProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class LandingZoneHealthIndicatorTests {

    @TempDir
    Path data;

    @Test
    void upWhenAFileCanBeWrittenAndNothingIsLeftBehind() throws Exception {
        Health health = new LandingZoneHealthIndicator(new CxProperties(data, data, null, null)).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("path", data.resolve("landing").toString());
        try (var left = Files.list(data.resolve("landing"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void downWhenTheLandingZoneCannotBeWritten() throws Exception {
        // a file where the folder should be: no user, not even root, can write into it
        Files.writeString(data.resolve("landing"), "not a folder");

        Health health = new LandingZoneHealthIndicator(new CxProperties(data, data, null, null)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsKey("error");
    }
}
