package org.creditexchange.ops.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.DropChannelDefinition;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.intake.drop.DropRoutes;
import org.creditexchange.match.RegistryImport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's side of a bench: an engine on the given PostgreSQL, in schema {@link #SCHEMA}, with a copy of the
 * configuration plus a unit {@code bench-unit}; the registry imported first (not timed), then each file landed and
 * processed through the one ingest path, timed from landing to feedback.
 */
public final class BenchRun {

    /** The engine's schema for a bench (dropped and created anew by the command). */
    public static final String SCHEMA = "cx_bench";
    static final String UNIT = "bench-unit";
    /** The bench unit's drop channel: a file is taken once unchanged this long, the inbox scanned this often (the defaults). */
    public static final int DROP_SETTLE_SECONDS = 2;
    public static final int DROP_POLL_SECONDS = 2;

    private BenchRun() {
    }

    /** The engine failed, or did not account for every row. */
    public static class BenchFailedException extends Exception {
        BenchFailedException(String message) {
            super(message);
        }
    }

    /**
     * One load: rows received / accepted / rejected, the seconds from landing to feedback, and the seconds of each
     * step of the ingest job (in order), to see where the time went.
     */
    public record Load(long batchId, long received, long accepted, long rejected, double seconds,
                       Map<String, Double> steps) {
        public double rowsPerSecond() {
            return received / Math.max(seconds, 1e-9);
        }
    }

    /**
     * One file dropped into the watched inbox while the drop route runs (as under {@code serve}).
     *
     * @param pickupSeconds   from the file's last write (the copy complete) to its batch being received
     * @param feedbackSeconds from the file's last write to its feedback workbook being written
     */
    public record Drop(double pickupSeconds, double feedbackSeconds) {
    }

    /**
     * What the server itself takes to write the rows of the first load where the engine writes them: each table's rows
     * of that batch copied by {@code INSERT … SELECT} into a new table like it, with the same indexes (no client, no
     * parsing, no computing). The engine cannot run faster than the server writes what it must keep.
     *
     * @param storeRecords the batch's records; {@code storeSeconds} to write them into a copy of the store
     * @param stagedRows   the batch's staged rows; {@code stagingSeconds} to write them and their content
     */
    public record Floor(long storeRecords, double storeSeconds, long stagedRows, double stagingSeconds) {
        public double seconds() {
            return storeSeconds + stagingSeconds;
        }

        /** The file's rows (every one is staged) per second of the server's writing. */
        public double rowsPerSecond() {
            return stagedRows / Math.max(seconds(), 1e-9);
        }
    }

    /**
     * What a bench loads.
     *
     * @param reloadInput the same rows again (another file), or null
     * @param warmUpInput rows of other keys loaded first, unmeasured, or null
     * @param drops       files dropped one after the other into the bench unit's watched inbox (may be empty)
     */
    public record Inputs(Path registry, Path input, Path reloadInput, Path warmUpInput, List<Path> drops) {
        public Inputs {
            drops = List.copyOf(drops);
        }
    }

    /**
     * Both loads, the drops and the peak heap.
     *
     * @param reload               the second load of the same rows, or null
     * @param newVersionsOnReload  record versions written by the reload (0 when unchanged rows cost no write)
     */
    public record Result(Load first, Load reload, long newVersionsOnReload, long peakHeapMb, double prefillSeconds,
                         List<Drop> drops, Floor floor) {
    }

    /**
     * Runs the engine over the input (and the reload after it, when given), after an unmeasured load of the warm-up
     * when given; then starts the drop routes and drops each of the drop files, one after the other; then, when
     * {@code measureFloor}, measures the {@link Floor}.
     *
     * @param home the configuration root to copy
     * @param work a scratch directory (configuration copy and data directory go there)
     */
    public static Result run(Path home, Path work, String jdbcUrl, String username, String password, Inputs inputs,
                             long storeRecords, long registrySubjects, boolean measureFloor, PrintWriter err)
            throws IOException, BenchFailedException {
        Path benchHome = work.resolve("home");
        for (String dir : new String[] {"connectors", "mappings", "schedules", "jobs"}) {
            copyTree(home.resolve(dir), benchHome.resolve(dir));
        }
        Files.createDirectories(benchHome.resolve("connectors"));
        Files.writeString(benchHome.resolve("connectors").resolve(UNIT + ".yaml"), """
                code: bench-unit
                name: 合成区市场监督管理局
                channels:
                  - id: bench
                    type: drop
                    path: drop/bench-unit
                    settle: %ds
                    poll: %ds
                """.formatted(DROP_SETTLE_SECONDS, DROP_POLL_SECONDS));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("cx.home", benchHome.toString());
        props.put("cx.data-dir", work.resolve("data").toString());
        props.put("spring.datasource.url", jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        props.put("spring.datasource.username", username);
        props.put("spring.datasource.password", password);
        props.put("logging.level.org.creditexchange", "WARN");
        Map<String, String> before = new LinkedHashMap<>();
        props.forEach((k, v) -> before.put(k, System.getProperty(k)));
        props.forEach(System::setProperty);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CreditExchangeApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run();
             HeapSampler heap = new HeapSampler()) {
            try {
                ctx.getBean(RegistryImport.class).importFile("bench", inputs.registry());
            } catch (RegistryImport.ImportException e) {
                throw new BenchFailedException("registry import failed: " + e.getMessage());
            }
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            double prefill = (storeRecords > 0 ? prefill(jdbc, storeRecords) : 0)
                    + (registrySubjects > 0 ? prefillRegistry(jdbc, registrySubjects) : 0);
            if (inputs.warmUpInput() != null) {
                // Unmeasured: the JIT compiles the hot paths, the server caches what a load touches.
                load(ctx, inputs.warmUpInput());
            }
            System.gc();
            Load first = load(ctx, inputs.input());
            Load second = null;
            long versions = 0;
            if (inputs.reloadInput() != null) {
                long v0 = count(jdbc, "cx_record_version");
                second = load(ctx, inputs.reloadInput());
                versions = count(jdbc, "cx_record_version") - v0;
            }
            List<Drop> drops = inputs.drops().isEmpty() ? List.of() : dropAll(ctx, inputs.drops());
            // Last: the copies it writes must not weigh on what is measured before.
            Floor floor = measureFloor ? floor(jdbc, first.batchId()) : null;
            return new Result(first, second, versions, heap.peakMb(), prefill, drops, floor);
        } finally {
            before.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    /**
     * Adds {@code n} organisations to the registry with codes and names the generated rows never have (a province's
     * registry holds millions of subjects, the rows' own are a quarter of the rows); returns the seconds it took.
     */
    private static double prefillRegistry(JdbcTemplate jdbc, long n) {
        long started = System.nanoTime();
        jdbc.update("""
                INSERT INTO cx_org_subject (uscc, org_code, reg_number, name, name_norm, kind, status, source,
                    created_at, updated_at)
                SELECT 'P' || lpad(g::text, 17, '0'), 'P' || lpad(g::text, 8, '0'), 'P' || lpad(g::text, 14, '0'),
                    '预填企业' || g || '有限公司', '预填企业' || g || '有限公司', '法人及非法人组织', '存续',
                    'bench:prefill', now(), now()
                FROM generate_series(1, ?) AS g""", n);
        jdbc.execute("ANALYZE cx_org_subject");
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Fills the organisation store with {@code n} records of the bench item and unit under keys the generated rows
     * never have (about a kilobyte of values each, indexes and statistics as a real store has them), so that a load
     * can be measured against a store that already holds millions (as batches of 10,000 rows, negative batch ids);
     * returns the seconds it took.
     */
    private static double prefill(JdbcTemplate jdbc, long n) {
        long started = System.nanoTime();
        String filler = "预先存在的记录".repeat(40);
        jdbc.update("""
                INSERT INTO cx_org_record (item_id, business_key, subject_kind, subject_name, subject_code, unit_code,
                    content_hash, fact_hash, record_json, version, batch_id, row_no, created_at, updated_at, state,
                    match_status)
                SELECT 'admin-penalty', 'prefill|' || g, '法人及非法人组织', '预填企业' || (g % 100000), '',
                    ?, md5(g::text) || md5(g::text), md5(g::text) || md5(g::text),
                    '{"decision-number":"预填〔2020〕' || g || '号","note":"' || ? || '"}', 1,
                    -1 - g / 10000, g % 10000, now(), now(),
                    'ACTIVE', 'UNKNOWN'
                FROM generate_series(1, ?) AS g""", UNIT, filler, n);
        jdbc.execute("ANALYZE cx_org_record");
        return (System.nanoTime() - started) / 1e9;
    }

    private static Load load(ConfigurableApplicationContext ctx, Path file) throws IOException, BenchFailedException {
        long started = System.nanoTime();
        Batch batch = ctx.getBean(IntakeService.class).receive(UNIT, "bench", file, file.getFileName().toString());
        Batch done = ctx.getBean(IngestService.class).process(batch.id());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (done.status() != BatchStatus.DONE) {
            throw new BenchFailedException("batch " + done.id() + " ended " + done.status() + ": "
                    + done.problemCode() + " " + done.failureMessage());
        }
        Batch.Counts c = done.counts();
        if (c.accepted() + c.rejected() != c.received()) {
            throw new BenchFailedException("rows not accounted for: " + c);
        }
        Map<String, Double> steps = new LinkedHashMap<>();
        ctx.getBean(JdbcTemplate.class).query("SELECT STEP_NAME, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION "
                + "WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION) ORDER BY STEP_EXECUTION_ID",
                rs -> {
                    java.time.LocalDateTime start = rs.getObject(2, java.time.LocalDateTime.class);
                    java.time.LocalDateTime end = rs.getObject(3, java.time.LocalDateTime.class);
                    if (start != null && end != null) {
                        steps.put(rs.getString(1), java.time.Duration.between(start, end).toMillis() / 1000.0);
                    }
                });
        return new Load(done.id(), c.received(), c.accepted(), c.rejected(), seconds, steps);
    }

    private static Floor floor(JdbcTemplate jdbc, long batchId) {
        Copied store = copy(jdbc, "cx_org_record", batchId);
        Copied staged = copy(jdbc, "cx_staged_row", batchId);
        Copied content = copy(jdbc, "cx_staged_content", batchId);
        return new Floor(store.rows(), store.seconds(), staged.rows(), staged.seconds() + content.seconds());
    }

    private record Copied(long rows, double seconds) {
    }

    /** Copies one batch's rows of {@code table} into a new table like it (indexes included), timed, then drops it. */
    private static Copied copy(JdbcTemplate jdbc, String table, long batchId) {
        jdbc.execute("CREATE TABLE cx_floor_copy (LIKE " + table + " INCLUDING ALL)");
        long started = System.nanoTime();
        int rows = jdbc.update("INSERT INTO cx_floor_copy SELECT * FROM " + table + " WHERE batch_id = ?", batchId);
        double seconds = (System.nanoTime() - started) / 1e9;
        jdbc.execute("DROP TABLE cx_floor_copy");
        return new Copied(rows, seconds);
    }

    /** Starts the drop routes (as {@code serve} does) and drops the files one after the other. */
    private static List<Drop> dropAll(ConfigurableApplicationContext ctx, List<Path> files)
            throws IOException, BenchFailedException {
        DropRoutes routes = ctx.getBean(DropRoutes.class);
        Path inbox = routes.folders(benchChannel(ctx)).inbox();
        try {
            routes.startAll();
        } catch (Exception e) {
            throw new BenchFailedException("the drop routes did not start: " + e.getMessage());
        }
        // Clerks drop at any moment of the route's poll: each file after a pause of its own (seeded: runs are alike).
        Random moments = new Random(7);
        List<Drop> drops = new ArrayList<>();
        for (Path file : files) {
            sleep(moments.nextInt(DROP_POLL_SECONDS * 1000));
            drops.add(drop(ctx.getBean(JdbcTemplate.class), ctx.getBean(BatchRepository.class), file, inbox));
        }
        return drops;
    }

    private static DropChannelDefinition benchChannel(ConfigurableApplicationContext ctx) {
        return ctx.getBean(PlatformConfiguration.class).connector(UNIT).orElseThrow().channels().stream()
                .filter(DropChannelDefinition.class::isInstance).map(DropChannelDefinition.class::cast)
                .findFirst().orElseThrow();
    }

    /**
     * Copies a file into the watched inbox, as a clerk does, and waits for its batch's feedback workbook; times both
     * from the copy's last write (the file complete: the route may see it while it is being written, and must wait).
     */
    private static Drop drop(JdbcTemplate jdbc, BatchRepository batches, Path file, Path inbox)
            throws IOException, BenchFailedException {
        String name = file.getFileName().toString();
        Path dropped = Files.copy(file, inbox.resolve(name));
        long complete = Files.getLastModifiedTime(dropped).toMillis();
        long deadline = System.currentTimeMillis() + DROP_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            List<Long> ids = jdbc.queryForList("SELECT id FROM cx_batch WHERE unit_code = ? AND original_name = ?",
                    Long.class, UNIT, name);
            Batch batch = ids.isEmpty() ? null : batches.get(ids.get(0));
            if (batch != null && batch.feedbackPath() != null && Files.exists(batch.feedbackPath())) {
                long seen = System.currentTimeMillis();
                Batch.Counts c = batch.counts();
                if (batch.status() != BatchStatus.DONE || c.accepted() + c.rejected() != c.received()) {
                    throw new BenchFailedException("dropped " + name + ": batch " + batch.id() + " ended "
                            + batch.status() + " " + batch.problemCode() + ", " + c);
                }
                return new Drop((batch.receivedAt().toInstant().toEpochMilli() - complete) / 1000.0,
                        (seen - complete) / 1000.0);
            }
            sleep(DROP_CHECK_MILLIS);
        }
        throw new BenchFailedException("dropped " + name + ": no feedback after " + DROP_TIMEOUT_MILLIS / 1000 + " s");
    }

    private static final long DROP_TIMEOUT_MILLIS = 300_000;
    private static final long DROP_CHECK_MILLIS = 20;

    private static void sleep(long millis) throws BenchFailedException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailedException("interrupted while waiting for a drop's feedback");
        }
    }

    private static long count(JdbcTemplate jdbc, String table) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
