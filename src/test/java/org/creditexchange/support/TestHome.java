package org.creditexchange.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A configuration root and a data directory for an engine under test: the project's real configuration
 * (mappings/, connectors/) plus one test connector, {@code e2e-unit}, whose drop folder settles quickly.
 */
public final class TestHome {

    public static final String UNIT = "e2e-unit";
    /** A second test unit, for what two sources say about one fact. */
    public static final String OTHER_UNIT = "e2e-unit-b";

    private final Path home;
    private final Path data;

    private TestHome(Path home, Path data) {
        this.home = home;
        this.data = data;
    }

    public static TestHome create() {
        try {
            Path root = Files.createTempDirectory("cx-test-");
            Path home = root.resolve("home");
            copyTree(Path.of("mappings"), home.resolve("mappings"));
            // The shipped connectors too: the shipped source mappings name them.
            copyTree(Path.of("connectors"), home.resolve("connectors"));
            Files.writeString(home.resolve("connectors").resolve(UNIT + ".yaml"), """
                    code: e2e-unit
                    name: 测试区市场监督管理局
                    channels:
                      - id: drop
                        type: drop
                        path: drop/e2e-unit
                        settle: 300ms
                        poll: 200ms
                    """);
            Files.writeString(home.resolve("connectors").resolve(OTHER_UNIT + ".yaml"), """
                    code: e2e-unit-b
                    name: 测试区税务局
                    channels:
                      - id: drop
                        type: drop
                        path: drop/e2e-unit-b
                    """);
            return new TestHome(home, root.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The system properties {@link #useForCommands} sets. */
    private static final String[] COMMAND_PROPERTIES = {"cx.home", "cx.data-dir", "spring.datasource.url"};

    /**
     * For tests that run the command line (each command starts an engine of its own): points the engine at this home
     * and at the H2 database file {@code db/<name>} of its data directory through system properties.
     *
     * @return the database's JDBC URL (user sa, no password), for the test's own queries
     */
    public String useForCommands(String name) {
        String url = commandDatabaseUrl(name);
        System.setProperty("cx.home", home.toString());
        System.setProperty("cx.data-dir", data.toString());
        System.setProperty("spring.datasource.url", url);
        return url;
    }

    /** The JDBC URL {@link #useForCommands} points the engine at (nothing is set). */
    public String commandDatabaseUrl(String name) {
        return "jdbc:h2:file:" + data.resolve("db").resolve(name) + ";AUTO_SERVER=TRUE";
    }

    /** Clears what {@link #useForCommands} set. */
    public static void clearCommandProperties() {
        for (String p : COMMAND_PROPERTIES) {
            System.clearProperty(p);
        }
    }

    /** The engine's properties for this home on H2 (a database file in the data directory). */
    public void registerH2(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("cx.home", () -> home.toString());
        registry.add("cx.data-dir", () -> data.toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + data.resolve("db/cx") + ";AUTO_SERVER=TRUE");
    }

    /** The engine's properties for this home on PostgreSQL at {@code url} (user postgres, no password). */
    public void registerPostgres(org.springframework.test.context.DynamicPropertyRegistry registry, String url) {
        registry.add("cx.home", () -> home.toString());
        registry.add("cx.data-dir", () -> data.toString());
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    public Path home() {
        return home;
    }

    public Path data() {
        return data;
    }

    public Path inbox() {
        return data.resolve("drop").resolve(UNIT).resolve("inbox");
    }

    public Path done() {
        return data.resolve("drop").resolve(UNIT).resolve("done");
    }

    public Path failed() {
        return data.resolve("drop").resolve(UNIT).resolve("failed");
    }

    public Path feedback() {
        return data.resolve("drop").resolve(UNIT).resolve("feedback");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
