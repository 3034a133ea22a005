package org.creditexchange.ops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.config.ConfigurationLoader;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ops.bench.BenchRun;
import org.creditexchange.ops.bench.CopyBaseline;
import org.creditexchange.ops.bench.ReaderBaseline;
import org.creditexchange.ops.bench.SyntheticPenalties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: generates N synthetic 行政处罚 rows (P percent invalid) and a registry of their subjects, then measures
 * in one run PostgreSQL's own {@code COPY} of those rows and the engine's full path (land, parse, map, cleanse,
 * validate, stage, match, merge, feedback) into the same server; prints both rates, their ratio and the engine's
 * peak heap, and ends with one JSON line. The engine works in a schema of its own ({@code cx_bench}, dropped and made
 * anew), so a bench never touches a platform's data. With {@code --drops} it also times small files dropped into a
 * watched inbox, from the file complete to its feedback.
 */
@Command(name = "bench", description = "Measure the engine against PostgreSQL's own COPY of the same synthetic rows.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--rows", required = true, description = "Rows to generate.")
    long rows;

    @Option(names = "--format", defaultValue = "csv", description = "csv or xlsx (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--invalid-percent", defaultValue = "5", description = "Percent of invalid rows (default ${DEFAULT-VALUE}).")
    double invalidPercent;

    @Option(names = "--subjects", description = "Registered subjects the rows concern (default rows / 4, at least 1).")
    Integer subjects;

    @Option(names = "--jdbc-url", required = true, description = "A PostgreSQL server, e.g. jdbc:postgresql://localhost:5432/postgres")
    String jdbcUrl;

    @Option(names = "--username", defaultValue = "postgres", description = "Database user (default ${DEFAULT-VALUE}).")
    String username;

    @Option(names = "--password-env", description = "Environment variable holding the database password.")
    String passwordEnv;

    @Option(names = "--store-records", defaultValue = "0",
            description = "Records the organisation store holds before the load (other keys; default ${DEFAULT-VALUE}).")
    long storeRecords;

    @Option(names = "--registry-subjects", defaultValue = "0",
            description = "Subjects the organisation registry holds beside the rows' own (other codes and names; "
                    + "default ${DEFAULT-VALUE}).")
    long registrySubjects;

    @Option(names = "--warm-up", defaultValue = "0",
            description = "Rows of other keys loaded first and not measured, so that the measured load runs in a "
                    + "warmed-up JVM (default ${DEFAULT-VALUE}: measured cold).")
    long warmUp;

    @Option(names = "--reload", description = "Also load the same rows again (reordered, so another file) and measure it.")
    boolean reload;

    @Option(names = "--floor", description = "Also measure the server writing the first load's records and staged rows "
            + "itself (INSERT … SELECT into copies with the same indexes): the fastest the engine could write them.")
    boolean floor;

    @Option(names = "--drops", defaultValue = "0",
            description = "Files dropped one after the other into a watched inbox after the loads, with the drop route "
                    + "running as under serve; each is timed from its last write to its feedback (default ${DEFAULT-VALUE}).")
    int drops;

    @Option(names = "--drop-rows", defaultValue = "1000", description = "Rows of each dropped file (default ${DEFAULT-VALUE}).")
    long dropRows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("csv") && !format.equals("xlsx")) {
            err.println("--format is csv or xlsx, not " + format);
            return CreditExchangeCommand.EXIT_CONFIG;
        }
        if (drops < 0 || dropRows < 1) {
            err.println("--drops must not be negative and --drop-rows must be at least 1");
            return CreditExchangeCommand.EXIT_CONFIG;
        }
        if (rows < 1 || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            err.println("--rows must be at least 1 and --jdbc-url a PostgreSQL URL (jdbc:postgresql://…)");
            return CreditExchangeCommand.EXIT_CONFIG;
        }
        String password = passwordEnv == null ? "" : System.getenv(passwordEnv);
        if (password == null) {
            err.println("environment variable " + passwordEnv + " is not set");
            return CreditExchangeCommand.EXIT_CONFIG;
        }
        ConfigurationLoader.Result loaded = new ConfigurationLoader(CreditExchangeCommand.home()).load();
        if (!loaded.ok()) {
            err.println("The configuration has problems; run `check`.");
            return CreditExchangeCommand.EXIT_CONFIG;
        }
        PlatformConfiguration configuration = loaded.orThrow();
        CatalogItemDefinition item = configuration.catalog().item("admin-penalty").orElseThrow();
        int subjectCount = subjects != null ? subjects : (int) Math.max(1, Math.min(Integer.MAX_VALUE, rows / 4));
        SyntheticPenalties synthetic = new SyntheticPenalties(item, subjectCount, invalidPercent);

        Path work = Files.createTempDirectory("cx-bench-");
        out.printf(Locale.ROOT, "bench: %,d rows (%s, %.1f%% invalid), %,d subjects, work dir %s%n", rows, format,
                invalidPercent, subjectCount, work);
        out.flush();
        Path csv = work.resolve("bench-penalties.csv");
        long t0 = System.nanoTime();
        synthetic.writeCsv(csv, rows);
        Path input = csv;
        if (format.equals("xlsx")) {
            input = work.resolve("bench-penalties.xlsx");
            synthetic.writeXlsx(input, rows, false);
        }
        Path warmUpInput = null;
        if (warmUp > 0) {
            warmUpInput = work.resolve("bench-warm-up.csv");
            synthetic.writeCsv(warmUpInput, rows, rows + warmUp);
        }
        List<Path> dropFiles = new java.util.ArrayList<>();
        for (int d = 0; d < drops; d++) {
            // Keys after the measured rows' and the warm-up's: each drop is new records.
            long from = rows + warmUp + d * dropRows;
            Path file = Files.createDirectories(work.resolve("drops")).resolve("bench-drop-" + (d + 1) + ".csv");
            synthetic.writeCsv(file, from, from + dropRows);
            dropFiles.add(file);
        }
        Path registry = work.resolve("bench-registry.csv");
        synthetic.writeRegistry(registry);
        out.printf(Locale.ROOT, "generated in %.1f s (%,d bytes)%n", (System.nanoTime() - t0) / 1e9, Files.size(input));
        out.flush();

        ReaderBaseline.Result reader = ReaderBaseline.read(input);
        out.printf(Locale.ROOT, "reader (bare, %s):               %,d rows in %.2f s = %,.0f rows/s%n", format, reader.rows(),
                reader.seconds(), reader.rowsPerSecond());
        out.flush();

        Properties credentials = new Properties();
        credentials.setProperty("user", username);
        credentials.setProperty("password", password);
        CopyBaseline.Result copy;
        try (Connection con = DriverManager.getConnection(jdbcUrl, credentials)) {
            List<String> keys = item.businessKey();
            List<Integer> keyColumns = keys.stream().filter(k -> !k.equals("uscc") && !k.equals("id-number"))
                    .map(k -> indexOf(item, k)).toList();
            copy = CopyBaseline.copy(con, csv, item.fields().size(), keyColumns);
            try (Statement st = con.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + BenchRun.SCHEMA + " CASCADE");
                st.execute("CREATE SCHEMA " + BenchRun.SCHEMA);
            }
        }
        out.printf(Locale.ROOT, "COPY (PostgreSQL, keyed table):  %,d rows in %.2f s = %,.0f rows/s%n", copy.rows(),
                copy.seconds(), copy.rowsPerSecond());
        out.flush();

        BenchRun.Result engine;
        try {
            BenchRun.Inputs inputs = new BenchRun.Inputs(registry, input, reload ? reversed(synthetic, work, format) : null,
                    warmUpInput, dropFiles);
            engine = BenchRun.run(CreditExchangeCommand.home(), work, jdbcUrl, username, password, inputs, storeRecords,
                    registrySubjects, floor, err);
        } catch (BenchRun.BenchFailedException e) {
            err.println(e.getMessage());
            return CreditExchangeCommand.EXIT_ENGINE;
        }
        if (storeRecords > 0 || registrySubjects > 0) {
            out.printf(Locale.ROOT, "pre-filled:                       %,d store records, %,d registry subjects in %.1f s%n",
                    storeRecords, registrySubjects, engine.prefillSeconds());
        }
        if (warmUp > 0) {
            out.printf(Locale.ROOT, "warm-up (not measured):           %,d rows of other keys loaded first%n", warmUp);
        }
        out.printf(Locale.ROOT, "engine (full path):               %,d rows in %.2f s = %,.0f rows/s "
                        + "(accepted %,d, rejected %,d)%n", engine.first().received(), engine.first().seconds(),
                engine.first().rowsPerSecond(), engine.first().accepted(), engine.first().rejected());
        out.println("  steps (s): " + steps(engine.first()));
        double ratio = engine.first().rowsPerSecond() / copy.rowsPerSecond();
        out.printf(Locale.ROOT, "ratio engine / COPY:              %.3f%n", ratio);
        double ofReader = engine.first().rowsPerSecond() / reader.rowsPerSecond();
        out.printf(Locale.ROOT, "ratio engine / bare reader:       %.3f%n", ofReader);
        if (engine.reload() != null) {
            out.printf(Locale.ROOT, "reload (same rows, reordered):    %,d rows in %.2f s = %,.0f rows/s, %.2f x the first load, "
                            + "%d new version(s)%n", engine.reload().received(), engine.reload().seconds(),
                    engine.reload().rowsPerSecond(), engine.reload().rowsPerSecond() / engine.first().rowsPerSecond(),
                    engine.newVersionsOnReload());
            out.println("  steps (s): " + steps(engine.reload()));
        }
        if (!engine.drops().isEmpty()) {
            out.printf(Locale.ROOT, "drops (%,d rows each, settle %d s, poll %d s): %d file(s), feedback %s s after the file "
                            + "was complete (taken after %s s)%n", dropRows, BenchRun.DROP_SETTLE_SECONDS,
                    BenchRun.DROP_POLL_SECONDS, engine.drops().size(),
                    spread(engine.drops().stream().mapToDouble(BenchRun.Drop::feedbackSeconds).sorted().toArray()),
                    spread(engine.drops().stream().mapToDouble(BenchRun.Drop::pickupSeconds).sorted().toArray()));
        }
        BenchRun.Floor f = engine.floor();
        if (f != null) {
            out.printf(Locale.ROOT, "floor (server's own INSERT … SELECT of the first load's rows into copies with the same "
                            + "indexes): %,d store records in %.2f s, %,d staged rows and their content in %.2f s; "
                            + "together %,.0f rows/s = %.3f x COPY; engine / floor %.3f%n", f.storeRecords(),
                    f.storeSeconds(), f.stagedRows(), f.stagingSeconds(), f.rowsPerSecond(),
                    f.rowsPerSecond() / copy.rowsPerSecond(), engine.first().rowsPerSecond() / f.rowsPerSecond());
        }
        out.printf(Locale.ROOT, "engine peak heap:                 %d MiB (max heap %d MiB)%n", engine.peakHeapMb(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT, "{\"rows\":%d,\"format\":\"%s\",\"copy_rows_per_s\":%.0f,"
                        + "\"engine_rows_per_s\":%.0f,\"ratio\":%.3f,\"peak_heap_mb\":%d,\"reader_rows_per_s\":%.0f,"
                        + "\"engine_vs_reader\":%.3f", rows, format, copy.rowsPerSecond(), engine.first().rowsPerSecond(),
                ratio, engine.peakHeapMb(), reader.rowsPerSecond(), ofReader));
        if (storeRecords > 0) {
            json.append(",\"store_records\":").append(storeRecords);
        }
        if (registrySubjects > 0) {
            json.append(",\"registry_subjects\":").append(registrySubjects);
        }
        if (warmUp > 0) {
            json.append(",\"warm_up_rows\":").append(warmUp);
        }
        if (engine.reload() != null) {
            json.append(String.format(Locale.ROOT, ",\"reload_rows_per_s\":%.0f,\"reload_new_versions\":%d",
                    engine.reload().rowsPerSecond(), engine.newVersionsOnReload()));
        }
        if (f != null) {
            json.append(String.format(Locale.ROOT, ",\"floor_rows_per_s\":%.0f,\"engine_vs_floor\":%.3f",
                    f.rowsPerSecond(), engine.first().rowsPerSecond() / f.rowsPerSecond()));
        }
        if (!engine.drops().isEmpty()) {
            double[] feedback = engine.drops().stream().mapToDouble(BenchRun.Drop::feedbackSeconds).sorted().toArray();
            json.append(String.format(Locale.ROOT, ",\"drops\":%d,\"drop_rows\":%d,\"drop_feedback_s_median\":%.2f,"
                    + "\"drop_feedback_s_max\":%.2f", feedback.length, dropRows, median(feedback),
                    feedback[feedback.length - 1]));
        }
        out.println(json.append('}'));
        out.flush();
        deleteTree(work);
        return 0;
    }

    /** The same rows in reverse order: the same records, another file (so not a duplicate of the first). */
    private Path reversed(SyntheticPenalties synthetic, Path work, String format) throws IOException {
        Path file = work.resolve("bench-penalties-reload." + format);
        if (format.equals("csv")) {
            synthetic.writeCsv(file, rows, true);
        } else {
            synthetic.writeXlsx(file, rows, true);
        }
        return file;
    }

    private static String steps(BenchRun.Load load) {
        StringBuilder s = new StringBuilder();
        load.steps().forEach((step, seconds) -> s.append(s.length() == 0 ? "" : ", ").append(step.replaceFirst("^ingest\\.", ""))
                .append(' ').append(String.format(Locale.ROOT, "%.2f", seconds)));
        return s.toString();
    }

    /** Sorted figures as "min / median / max" (one figure alone as itself). */
    private static String spread(double[] sorted) {
        if (sorted.length == 1) {
            return String.format(Locale.ROOT, "%.2f", sorted[0]);
        }
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f (min / median / max)", sorted[0], median(sorted),
                sorted[sorted.length - 1]);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int indexOf(CatalogItemDefinition item, String key) {
        for (int i = 0; i < item.fields().size(); i++) {
            if (item.fields().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalStateException("no field " + key);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
