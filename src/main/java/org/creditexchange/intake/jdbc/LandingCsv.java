package org.creditexchange.intake.jdbc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The landing format of a pull: a UTF-8 CSV (no BOM, {@code \n} line ends) whose header is the column names as the
 * front-end database gives them, then one record per row, so the ordinary ingest path recognises it from its header.
 * Every value is quoted: a value full of semicolons or tabs cannot make the reader take another delimiter. Record
 * {@code n + 1} is the pull's row {@code n}, which is also its row number in staging and in the receipt.
 */
final class LandingCsv implements AutoCloseable {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setQuoteMode(QuoteMode.ALL).get();

    private final Path file;
    private final BufferedWriter writer;
    private final CSVPrinter printer;
    private long rows;
    private boolean closed;

    private LandingCsv(Path file, BufferedWriter writer, CSVPrinter printer) {
        this.file = file;
        this.writer = writer;
        this.printer = printer;
    }

    /** A new file in {@code folder} holding the header. */
    static LandingCsv create(Path folder, List<String> header) throws IOException {
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, "pull-", ".csv");
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        try {
            CSVPrinter printer = new CSVPrinter(writer, FORMAT);
            printer.printRecord(header);
            return new LandingCsv(file, writer, printer);
        } catch (IOException | RuntimeException e) {
            writer.close();
            Files.deleteIfExists(file);
            throw e;
        }
    }

    void row(List<String> cells) throws IOException {
        printer.printRecord(cells);
        rows++;
    }

    /** Data rows written so far. */
    long rows() {
        return rows;
    }

    /** Finishes writing; returns the file. */
    Path finish() throws IOException {
        if (!closed) {
            printer.flush();
            writer.close();
            closed = true;
        }
        return file;
    }

    /** Closes and deletes the file (once it is landed it lives in the landing zone). */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
