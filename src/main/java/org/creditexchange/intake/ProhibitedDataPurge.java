package org.creditexchange.intake;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.creditexchange.ingest.read.RawRow;
import org.creditexchange.ingest.read.RowSource;
import org.creditexchange.ingest.read.RowSources;
import org.creditexchange.ingest.read.UnreadableFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps prohibited data out of the landing zone: when a file's columns are refused, its landed original is replaced
 * by a copy of the data sheet without those columns' values (UTF-8 CSV, one record per original row so that row
 * numbers stay the clerk's), and the original bytes are deleted unless another batch still refers to them. The
 * batch keeps the original's checksum, so the same file sent again is still recognised as a duplicate.
 */
@Component
public class ProhibitedDataPurge {

    private static final Logger log = LoggerFactory.getLogger(ProhibitedDataPurge.class);

    private final LandingZone landingZone;
    private final JdbcTemplate jdbc;

    public ProhibitedDataPurge(LandingZone landingZone, JdbcTemplate jdbc) {
        this.landingZone = landingZone;
        this.jdbc = jdbc;
    }

    /**
     * Replaces batch {@code batchId}'s landed file by its sanitized data sheet; returns the new landed path.
     *
     * @param sheetIndex     the data sheet of the original
     * @param refusedColumns 0-based indexes of the refused columns
     * @throws UnreadableFileException when the original cannot be read again (it was read a moment ago)
     * @throws IOException             when the landing zone cannot be written (a system fault)
     */
    public Path purge(long batchId, Path landed, int sheetIndex, Set<Integer> refusedColumns)
            throws IOException, UnreadableFileException {
        Path tmp = Files.createTempFile(landed.getParent().getParent(), ".sanitized-", ".csv");
        try {
            try (RowSource source = RowSources.open(landed, sheetIndex);
                 Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                int next = 1;
                RawRow row;
                while ((row = source.next()) != null) {
                    for (; next < row.rowNumber(); next++) {
                        csv.println(); // rows absent from a sheet are blank records: row numbers stay true
                    }
                    List<String> cells = new ArrayList<>(row.cells());
                    for (int i = 0; i < cells.size(); i++) {
                        if (refusedColumns.contains(i) && row.rowNumber() > 0) {
                            cells.set(i, "");
                        }
                    }
                    csv.printRecord(cells);
                    next = row.rowNumber() + 1;
                }
            }
            LandingZone.Landed sanitized = landingZone.land(tmp);
            jdbc.update("UPDATE cx_batch SET landed_path = ?, file_format = 'CSV' WHERE id = ?",
                    sanitized.path().toString(), batchId);
            Integer others = jdbc.queryForObject("SELECT COUNT(*) FROM cx_batch WHERE landed_path = ? AND id <> ?",
                    Integer.class, landed.toString(), batchId);
            if (others != null && others == 0) {
                landed.toFile().setWritable(true);
                Files.deleteIfExists(landed);
            }
            log.info("Batch {}: prohibited columns removed from the landing zone (original deleted: {})", batchId,
                    others != null && others == 0);
            return sanitized.path();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
