package org.creditexchange.intake.jdbc;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A batch's receipt CSV ({@code row,status,field,code,message}, see {@code feedback.ReceiptCsvWriter}) read back:
 * each data row's verdict with all its reasons, and the verdict on the file as a whole when the file was refused
 * (REJECTED) or was a DUPLICATE. Messages are taken as written there, already masked.
 */
final class ReceiptLines {

    /** One row's verdict: its status and every reason (fields, codes and messages in the same order). */
    record Verdict(String status, List<String> fields, List<String> codes, List<String> messages) {
    }

    private final Map<Integer, Verdict> rows;
    private final Verdict file;

    private ReceiptLines(Map<Integer, Verdict> rows, Verdict file) {
        this.rows = rows;
        this.file = file;
    }

    static ReceiptLines read(Path receipt) throws IOException {
        Map<Integer, Verdict> rows = new HashMap<>();
        Verdict file = null;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(receipt, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord r : parser) {
                int row = Integer.parseInt(r.get("row").strip());
                String status = r.get("status");
                if (row == 0) {
                    // Row 0 is the file: a refusal or a duplicate stands for every row; a notice (WARNED) does not.
                    if (!"WARNED".equals(status)) {
                        file = add(file, status, r);
                    }
                    continue;
                }
                rows.put(row, add(rows.get(row), status, r));
            }
        }
        return new ReceiptLines(rows, file);
    }

    /** The verdict on the file as a whole (REJECTED or DUPLICATE), or null when its rows were processed. */
    Verdict file() {
        return file;
    }

    /** The verdict on data row {@code rowNumber}, or null when the receipt does not list it (a blank row). */
    Verdict row(int rowNumber) {
        return file != null ? file : rows.get(rowNumber);
    }

    private static Verdict add(Verdict v, String status, CSVRecord r) {
        Verdict out = v == null ? new Verdict(status, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()) : v;
        if (!r.get("code").isEmpty() || !r.get("message").isEmpty()) {
            out.fields().add(r.get("field"));
            out.codes().add(r.get("code"));
            out.messages().add(r.get("message"));
        }
        return out;
    }
}
