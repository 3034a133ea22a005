package org.creditexchange.store;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps PostgreSQL's planner statistics current for the tables a batch has just changed a great deal. Autovacuum
 * samples a table only some time after it changed; until then the set-based steps (duplicates, match, merge) are
 * planned as if staging or an initial store were empty, and a nested loop over tens of thousands of rows takes
 * minutes. A table is analysed when the rows changed since its last analysis exceed 1,000 and a tenth of its size;
 * ANALYZE samples at most 30,000 rows (a fraction of a second) and runs in the caller's transaction. Nothing on H2.
 */
public final class PlannerStatistics {

    private PlannerStatistics() {
    }

    /** Memory each sort or hash of one set-based statement may use before it spills to disk. */
    static final String WORK_MEM = "64MB";

    /**
     * Lets the set-based statements of the caller's transaction sort and hash a large batch in memory, on PostgreSQL
     * ({@code SET LOCAL work_mem}, until the transaction ends): with the default 4 MB the joins and groupings over a
     * million staged rows spill to disk in many passes and cost several times what they cost for 100,000.
     */
    public static void roomForLargeBatches(JdbcTemplate jdbc) {
        if (postgres(jdbc)) {
            jdbc.execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
        }
    }

    /** How many times a batch's rows a table must hold before they are looked up in it rather than joined by a scan. */
    static final int LOOKUP_RATIO = 3;

    /**
     * Has the caller's transaction join {@code rows} rows of a batch to {@code table} by index lookups when the table
     * holds more than {@value #LOOKUP_RATIO} times as many (PostgreSQL, {@code SET LOCAL enable_hashjoin /
     * enable_mergejoin}, until the transaction ends or the next call), else leaves the choice to the planner. Left to
     * itself the planner joins a large batch by reading the whole store (a hash join over a sequential scan): the merge
     * then costs what the store holds, not what the batch brings — a 300,000-row batch into a store of 3,000,000
     * records took 3 times as long as into an empty one. Looked up by its key, a row costs the same whatever the
     * store's size; against a store not much larger than the batch (a reload) the scan is the cheaper.
     *
     * @return whether lookups were chosen (always false on H2)
     */
    public static boolean lookupsInto(JdbcTemplate jdbc, String table, long rows) {
        if (!postgres(jdbc)) {
            return false;
        }
        Double held = jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE relname = ? "
                + "AND relnamespace = current_schema()::regnamespace", Double.class, table);
        boolean lookups = held != null && held > (double) LOOKUP_RATIO * rows;
        String enabled = lookups ? "off" : "on";
        jdbc.execute("SET LOCAL enable_hashjoin = " + enabled);
        jdbc.execute("SET LOCAL enable_mergejoin = " + enabled);
        return lookups;
    }

    /** Analyses each of {@code tables} that changed enough, on PostgreSQL; returns how many were analysed. */
    public static int refresh(JdbcTemplate jdbc, String... tables) {
        if (!postgres(jdbc)) {
            return 0;
        }
        int analysed = 0;
        for (String table : tables) {
            Boolean stale = jdbc.query("SELECT n_mod_since_analyze > 1000 AND n_mod_since_analyze > n_live_tup / 10 "
                    + "FROM pg_stat_user_tables WHERE relname = ? AND schemaname = current_schema()",
                    rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, table);
            if (Boolean.TRUE.equals(stale)) {
                jdbc.execute("ANALYZE " + table);
                analysed++;
            }
        }
        return analysed;
    }

    /** Whether {@code jdbc} talks to PostgreSQL (what the statistics and memory settings here apply to). */
    public static boolean postgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) con ->
                "PostgreSQL".equals(con.getMetaData().getDatabaseProductName())));
    }
}
