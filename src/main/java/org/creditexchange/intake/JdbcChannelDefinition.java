package org.creditexchange.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A front-end database (前置机) pulled incrementally by the {@code collect} step: one table or query per pull, read
 * past a watermark in pages and landed as a batch file; receipts may be written back into a table of the same
 * database. Credentials never appear in the YAML: {@code username-env} and {@code password-env} name the environment
 * variables holding them.
 *
 * @param id              channel id
 * @param items           catalog items pulled here (empty: any)
 * @param retry           how an unreachable database is retried
 * @param url             the JDBC URL (H2, PostgreSQL, MySQL or MariaDB)
 * @param usernameEnv     the environment variable holding the user name (optional: none sent)
 * @param passwordEnv     the environment variable holding the password (optional: none sent)
 * @param pageSize        rows read per query (default 5000)
 * @param maxRowsPerFile  a pull's rows go into one batch file until it holds this many, then into the next one, each
 *                        committed on its own (default 100000); a file is closed only at a page end
 * @param connectTimeout  how long connecting may take before the database counts as unreachable (default 30 s)
 * @param queryTimeout    how long one query may run (default 10 min)
 * @param pulls           what is read, one entry per table or query
 * @param receipts        where receipts are written back (optional)
 */
public record JdbcChannelDefinition(String id, List<String> items, RetryDefinition retry, String url,
                                    String usernameEnv, String passwordEnv, Integer pageSize, Integer maxRowsPerFile,
                                    Duration connectTimeout, Duration queryTimeout, List<Pull> pulls,
                                    Receipts receipts) implements ChannelDefinition {

    /** A table, schema-qualified or not: only plain identifiers, so nothing can be injected into the SQL. */
    public static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    /** A column of the table or query. */
    public static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A pull's name: it is never put into SQL, only into file names and the watermark table. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    /** An environment variable's name. */
    public static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The databases whose paging ({@code LIMIT}) and drivers the engine has. */
    public static final List<String> DATABASES = List.of("h2", "postgresql", "mysql", "mariadb");

    public JdbcChannelDefinition {
        items = items == null ? List.of() : List.copyOf(items);
        retry = retry == null ? RetryDefinition.DEFAULT : retry;
        pageSize = pageSize == null ? 5000 : pageSize;
        maxRowsPerFile = maxRowsPerFile == null ? 100_000 : maxRowsPerFile;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(30) : connectTimeout;
        queryTimeout = queryTimeout == null ? Duration.ofMinutes(10) : queryTimeout;
        pulls = pulls == null ? List.of() : List.copyOf(pulls);
    }

    /**
     * One table or query read incrementally.
     *
     * @param name      how the pull is known in the watermark table, the lineage and file names (default: the table,
     *                  or the item for a query); unique within the channel
     * @param item      the catalog item its rows are
     * @param table     the table read (or {@code query})
     * @param query     a {@code SELECT} read as a sub-select (or {@code table}); watermark and key name its columns
     * @param watermark the column that grows with every insert or update: a timestamp, a date, an increasing number
     *                  (or text that sorts so); rows where it is empty are never pulled
     * @param key       a unique, never empty column (optional): breaks ties at the watermark and identifies rows in
     *                  receipts
     */
    public record Pull(String name, String item, String table, String query, String watermark, String key) {

        /** The pull's name as declared, else the table, else the item. */
        public String effectiveName() {
            if (!blank(name)) {
                return name;
            }
            return !blank(table) ? table : item;
        }

        /** True when the pull reads a query rather than a table. */
        public boolean readsQuery() {
            return !blank(query);
        }
    }

    /**
     * The receipt table (回执表) on the front-end database: one row per data row of each batch the channel brought.
     *
     * @param table        the receipt table
     * @param create       create it when it is absent (default false: the unit's DBA creates it)
     * @param columns      renames of the receipt table's columns, by logical name (see {@link #COLUMN_NAMES})
     * @param statusColumn also set this column of the source rows to the row's status (needs table pulls with a key)
     */
    public record Receipts(String table, Boolean create, Map<String, String> columns, String statusColumn) {

        /** The receipt table's columns: logical name → default column name. */
        public static final Map<String, String> COLUMN_NAMES = defaults();

        public Receipts {
            create = create != null && create;
            columns = columns == null ? Map.of() : Map.copyOf(columns);
        }

        /** The column name used for a logical column. */
        public String column(String logical) {
            String def = COLUMN_NAMES.get(logical);
            if (def == null) {
                throw new IllegalArgumentException("no receipt column '" + logical + "'");
            }
            return columns.getOrDefault(logical, def);
        }

        private static Map<String, String> defaults() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("batch-id", "BATCH_ID");
            m.put("row-no", "ROW_NO");
            m.put("source-table", "SOURCE_TABLE");
            m.put("source-key", "SOURCE_KEY");
            m.put("status", "STATUS");
            m.put("status-name", "STATUS_NAME");
            m.put("reason-field", "REASON_FIELD");
            m.put("reason-code", "REASON_CODE");
            m.put("reason-message", "REASON_MESSAGE");
            m.put("processed-at", "PROCESSED_AT");
            return java.util.Collections.unmodifiableMap(m);
        }
    }

    /** The database named by the URL ({@code postgresql} for {@code jdbc:postgresql://…}), or "" when there is none. */
    public String database() {
        if (url == null || !url.startsWith("jdbc:")) {
            return "";
        }
        int end = url.indexOf(':', 5);
        return end < 0 ? "" : url.substring(5, end).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public List<ChannelProblem> problems() {
        List<ChannelProblem> out = new ArrayList<>();
        if (blank(url)) {
            out.add(new ChannelProblem("url", "a jdbc channel needs the url of the front-end database"));
        } else if (!DATABASES.contains(database())) {
            out.add(new ChannelProblem("url", "unsupported database in '" + database() + "' url (supported: "
                    + String.join(", ", DATABASES) + ")"));
        }
        env(out, "username-env", usernameEnv);
        env(out, "password-env", passwordEnv);
        if (pageSize < 1) {
            out.add(new ChannelProblem("page-size", "page-size must be at least 1"));
        }
        if (maxRowsPerFile < 1) {
            out.add(new ChannelProblem("max-rows-per-file", "max-rows-per-file must be at least 1"));
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            out.add(new ChannelProblem("connect-timeout", "connect-timeout must be positive"));
        }
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            out.add(new ChannelProblem("query-timeout", "query-timeout must be positive"));
        }
        if (pulls.isEmpty()) {
            out.add(new ChannelProblem("pulls", "a jdbc channel needs at least one pull (a table or query to read)"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < pulls.size(); i++) {
            pull(out, "pulls[" + i + "]", pulls.get(i), names);
        }
        if (receipts != null) {
            receipts(out);
        }
        return out;
    }

    private void pull(List<ChannelProblem> out, String at, Pull p, Set<String> names) {
        if (p == null) {
            out.add(new ChannelProblem(at, "empty pull"));
            return;
        }
        if (blank(p.item())) {
            out.add(new ChannelProblem(at + ".item", "a pull names the catalog item its rows are"));
        } else if (!items.isEmpty() && !items.contains(p.item())) {
            out.add(new ChannelProblem(at + ".item", "item '" + p.item() + "' is not among the channel's items "
                    + items));
        }
        boolean table = !blank(p.table());
        boolean query = !blank(p.query());
        if (table == query) {
            out.add(new ChannelProblem(at, "a pull reads either a table or a query (it names "
                    + (table ? "both" : "neither") + ")"));
        }
        if (table && !TABLE.matcher(p.table()).matches()) {
            out.add(new ChannelProblem(at + ".table", "'" + p.table() + "' is not a plain table name "
                    + "(letters, digits, _ and a schema before a dot)"));
        }
        if (query) {
            String q = p.query().strip().toLowerCase(Locale.ROOT);
            if (!(q.startsWith("select") || q.startsWith("with"))) {
                out.add(new ChannelProblem(at + ".query", "the query must be one SELECT"));
            }
            if (q.contains(";")) {
                out.add(new ChannelProblem(at + ".query", "the query must be one statement, without ';'"));
            }
        }
        if (blank(p.watermark())) {
            out.add(new ChannelProblem(at + ".watermark", "a pull needs a watermark column (a timestamp or an "
                    + "increasing number) to read incrementally"));
        } else {
            column(out, at + ".watermark", p.watermark());
        }
        if (p.key() != null) {
            column(out, at + ".key", p.key());
        }
        if (p.name() != null && !NAME.matcher(p.name()).matches()) {
            out.add(new ChannelProblem(at + ".name", "'" + p.name() + "' is not a plain name (letters, digits, _, . and -)"));
        }
        String name = p.effectiveName();
        if (!blank(name) && !names.add(name)) {
            out.add(new ChannelProblem(at, "two pulls are named '" + name + "': give them distinct names (name:)"));
        }
    }

    private void receipts(List<ChannelProblem> out) {
        if (blank(receipts.table())) {
            out.add(new ChannelProblem("receipts.table", "receipts need the table to write them into"));
        } else if (!TABLE.matcher(receipts.table()).matches()) {
            out.add(new ChannelProblem("receipts.table", "'" + receipts.table() + "' is not a plain table name"));
        }
        Set<String> used = new HashSet<>();
        for (String logical : Receipts.COLUMN_NAMES.keySet()) {
            String renamed = receipts.columns().get(logical);
            if (renamed != null && !COLUMN.matcher(renamed).matches()) {
                out.add(new ChannelProblem("receipts.columns." + logical, "'" + renamed + "' is not a plain column name"));
            }
            if (!used.add(receipts.column(logical).toUpperCase(Locale.ROOT))) {
                out.add(new ChannelProblem("receipts.columns." + logical, "column '" + receipts.column(logical)
                        + "' is used twice"));
            }
        }
        for (String logical : receipts.columns().keySet()) {
            if (!Receipts.COLUMN_NAMES.containsKey(logical)) {
                out.add(new ChannelProblem("receipts.columns." + logical, "unknown receipt column '" + logical
                        + "' (known: " + String.join(", ", Receipts.COLUMN_NAMES.keySet()) + ")"));
            }
        }
        if (receipts.statusColumn() != null) {
            column(out, "receipts.status-column", receipts.statusColumn());
            for (int i = 0; i < pulls.size(); i++) {
                Pull p = pulls.get(i);
                if (p != null && (blank(p.table()) || blank(p.key()))) {
                    out.add(new ChannelProblem("pulls[" + i + "]", "receipts.status-column updates the source rows: "
                            + "every pull needs a table and a key"));
                }
            }
        }
    }

    private static void column(List<ChannelProblem> out, String at, String name) {
        if (!COLUMN.matcher(name).matches()) {
            out.add(new ChannelProblem(at, "'" + name + "' is not a plain column name (letters, digits and _)"));
        }
    }

    private static void env(List<ChannelProblem> out, String at, String name) {
        if (name == null) {
            return;
        }
        if (name.startsWith("${")) {
            out.add(new ChannelProblem(at, "write the environment variable's name (CX_DB_PASSWORD), not a "
                    + "reference to it"));
        } else if (!ENV_NAME.matcher(name).matches()) {
            out.add(new ChannelProblem(at, "'" + name + "' is not an environment variable name"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
