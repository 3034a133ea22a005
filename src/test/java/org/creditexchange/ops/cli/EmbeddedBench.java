package org.creditexchange.ops.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code bench} against an embedded PostgreSQL (the tests' zonky binaries), for a machine without a server:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.creditexchange.ops.cli.EmbeddedBench -Dexec.args="--rows 100000"}. Arguments are those of
 * {@code bench} without {@code --jdbc-url}.
 */
public final class EmbeddedBench {

    private EmbeddedBench() {
    }

    public static void main(String[] args) throws Exception {
        int exit;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            List<String> argv = new ArrayList<>(List.of("--jdbc-url", pg.getJdbcUrl("postgres", "postgres")));
            argv.addAll(List.of(args));
            picocli.CommandLine cli = new picocli.CommandLine(new BenchCommand());
            cli.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out,
                    java.nio.charset.StandardCharsets.UTF_8), true));
            exit = cli.execute(argv.toArray(String[]::new));
        }
        System.exit(exit);
    }
}
