package org.creditexchange.ops.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;

/**
 * The reference figure: PostgreSQL's own {@code COPY … FROM STDIN} of the same CSV into a table with the item's
 * columns (all text) and a primary key on its business key, in a schema of its own that is dropped afterwards.
 */
public final class CopyBaseline {

    /** The schema the baseline table lives in (created and dropped by the run). */
    static final String SCHEMA = "cx_bench_copy";

    private CopyBaseline() {
    }

    /** Rows copied and the time it took. */
    public record Result(long rows, double seconds) {
        public double rowsPerSecond() {
            return rows / Math.max(seconds, 1e-9);
        }
    }

    /**
     * Copies {@code csv} (header line first) into a fresh table of {@code columns} text columns whose primary key is
     * the columns at {@code keyColumns} (0-based).
     */
    public static Result copy(Connection con, Path csv, int columns, List<Integer> keyColumns) throws SQLException, IOException {
        String cols = IntStream.range(0, columns).mapToObj(i -> "c" + i + " TEXT"
                + (keyColumns.contains(i) ? " NOT NULL" : "")).collect(Collectors.joining(", "));
        String key = keyColumns.stream().map(i -> "c" + i).collect(Collectors.joining(", "));
        try (Statement st = con.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            st.execute("CREATE SCHEMA " + SCHEMA);
            st.execute("CREATE TABLE " + SCHEMA + ".penalty (" + cols + ", PRIMARY KEY (" + key + "))");
        }
        boolean auto = con.getAutoCommit();
        con.setAutoCommit(false);
        long started = System.nanoTime();
        long rows;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            rows = con.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + SCHEMA + ".penalty FROM STDIN (FORMAT csv, HEADER true)", in);
            con.commit();
        } finally {
            con.setAutoCommit(auto);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Statement st = con.createStatement()) {
            st.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
        return new Result(rows, seconds);
    }
}
