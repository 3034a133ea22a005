package org.creditexchange.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Configuration folders for tests, assembled from {@code src/test/resources/config/}: the small but complete
 * {@code valid-minimal/} base (one connector, one 5-field catalog item, one code table, one source mapping), over
 * which the files of one or more {@code broken/<case>/} folders are copied. Each case folder holds only the
 * file(s) it replaces or adds, and each holds exactly one mistake.
 */
public final class ConfigFixtures {

    /** The base folder, relative to the configuration test resources. */
    public static final String BASE = "valid-minimal";

    private ConfigFixtures() {
    }

    /** Copies the base into {@code target}, then the files of each named broken case over it; returns {@code target}. */
    public static Path assemble(Path target, String... brokenCases) {
        copyTree(resource(BASE), target);
        for (String c : brokenCases) {
            copyTree(resource("broken/" + c), target);
        }
        return target;
    }

    /** The folder {@code config/<name>} of the test resources. */
    public static Path resource(String name) {
        URL url = ConfigFixtures.class.getResource("/config/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource folder config/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            List<Path> all = s.sorted().toList();
            for (Path p : all) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
