package org.creditexchange.ingest.read;

import java.nio.file.Path;

/** Counts the rows of a file through {@link RowSources}; run in a JVM of its own by {@link SmallHeapReadTests}. */
public final class RowCount {

    private RowCount() {
    }

    public static void main(String[] args) throws Exception {
        long rows = 0;
        long cells = 0;
        try (RowSource source = RowSources.open(Path.of(args[0]))) {
            for (RawRow row = source.next(); row != null; row = source.next()) {
                rows++;
                cells += row.cells().size();
            }
        }
        System.out.println(rows + " " + cells);
    }
}
