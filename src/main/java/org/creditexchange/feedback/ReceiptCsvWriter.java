package org.creditexchange.feedback;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.creditexchange.feedback.FeedbackReport.FileProblem;
import org.creditexchange.feedback.FeedbackReport.Outcome;
import org.creditexchange.ingest.validate.Reason;

/**
 * Writes the machine-readable receipt of one batch: every row's verdict and every problem, with no
 * row limit. Header {@code row,status,field,code,message}; UTF-8 without BOM, RFC 4180 quoting,
 * {@code \n} line ends.
 */
public final class ReceiptCsvWriter {

    static final List<String> HEADER = List.of("row", "status", "field", "code", "message");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    /**
     * Writes the receipt for {@code report} to {@code target}, replacing any file there.
     *
     * <p>Outcome DONE: for each row of {@code report.rows()} in order (the stream is consumed once and
     * closed), one line per reason {@code rowNumber,STATUS,field,code,message}, where STATUS is the
     * row's status (so a rejected row's warnings also say {@code REJECTED}) and field is the catalog
     * field key ({@code ""} for the row as a whole); a row without reasons gives
     * {@code rowNumber,STATUS,,,} ({@code ACCEPTED} for a clean row).
     *
     * <p>Outcome REJECTED or DUPLICATE: exactly one line {@code 0,REJECTED,,code,message} or
     * {@code 0,DUPLICATE,,code,message} from {@code report.fileProblem()}; the rows are not read. A processed
     * file's notices (an older format converted, a column refused) come first as {@code 0,WARNED,,code,message}.
     * A missing file problem gives empty code and message.
     *
     * @param report the batch's feedback
     * @param target where the receipt goes; its directory must exist
     * @throws IOException          if writing or moving the file fails (no partial file is left at
     *                              {@code target})
     * @throws NullPointerException if {@code report}, its outcome or {@code target} is null
     */
    public void write(FeedbackReport report, Path target) throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(report.outcome(), "report.outcome");
        Objects.requireNonNull(target, "target");
        AtomicFileWrite.write(target, out -> {
            // Not closed: closing would close the stream AtomicFileWrite still has to force to disk.
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            CSVPrinter printer = new CSVPrinter(writer, FORMAT);
            printer.printRecord(HEADER);
            if (report.outcome() == Outcome.DONE) {
                // Notices about the file as a whole come first, on row 0, as warnings.
                for (FileProblem notice : report.notices()) {
                    printer.printRecord(0, "WARNED", "", notice.code(), notice.message());
                }
                writeRows(printer, report);
            } else {
                FileProblem problem = report.fileProblem();
                printer.printRecord(0, report.outcome().name(), "",
                        problem == null ? "" : problem.code(),
                        problem == null ? "" : problem.message());
            }
            printer.flush();
        });
    }

    private static void writeRows(CSVPrinter printer, FeedbackReport report) throws IOException {
        try (Stream<FeedbackRow> rows = report.rows().get()) {
            Iterator<FeedbackRow> it = rows.iterator();
            while (it.hasNext()) {
                FeedbackRow row = it.next();
                String status = row.status() == null ? "" : row.status().name();
                List<Reason> reasons = row.reasons() == null ? List.of() : row.reasons();
                if (reasons.isEmpty()) {
                    printer.printRecord(row.rowNumber(), status, "", "", "");
                    continue;
                }
                for (Reason reason : reasons) {
                    printer.printRecord(row.rowNumber(), status, reason.field(), reason.code(), reason.message());
                }
            }
        }
    }
}
