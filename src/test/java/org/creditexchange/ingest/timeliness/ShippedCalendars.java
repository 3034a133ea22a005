package org.creditexchange.ingest.timeliness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.creditexchange.support.TestHome;

/**
 * A test home with the shipped working-day calendars ({@code schedules/calendar-2025.yaml}, {@code calendar-2026.yaml}):
 * {@link TestHome} has none, so without them every delay is a Monday–Friday count and no clerk is told of lateness.
 */
public final class ShippedCalendars {

    private ShippedCalendars() {
    }

    /** A new test home whose {@code schedules/} holds the shipped calendars. */
    public static TestHome home() {
        TestHome home = TestHome.create();
        try {
            Path schedules = Files.createDirectories(home.home().resolve("schedules"));
            for (String year : new String[] {"2025", "2026"}) {
                String name = "calendar-" + year + ".yaml";
                Files.copy(Path.of("schedules", name), schedules.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return home;
    }
}
