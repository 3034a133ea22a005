package org.creditexchange.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditexchange.feedback.FeedbackReports.done;
import static org.creditexchange.feedback.FeedbackReports.error;
import static org.creditexchange.feedback.FeedbackReports.mixedRows;
import static org.creditexchange.feedback.FeedbackReports.row;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.creditexchange.ingest.validate.RowStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptCsvWriterTests {

    @TempDir
    Path dir;

    @Test
    void writesOneLinePerReasonAndOneLinePerCleanRowInFileOrder() throws IOException {
        Path file = write(done(mixedRows(), 3, 1, 1));

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("""
                row,status,field,code,message
                2,ACCEPTED,,,
                3,WARNED,decision_date,DATE_IN_FUTURE,日期晚于今天
                4,REJECTED,uscc,USCC_CHECK_DIGIT,校验位错误
                4,REJECTED,,ROW_TOO_SHORT,列数不足
                4,REJECTED,legal_rep_id,ID_MASKED,身份证号已脱敏
                5,ACCEPTED,,,
                """);
    }

    @Test
    void startsWithoutByteOrderMark() throws IOException {
        Path file = write(done(mixedRows(), 3, 1, 1));

        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("row,");
    }

    @Test
    void quotesMessageContainingCommaAndQuote() throws IOException {
        String message = "名称与\"登记名称\"不一致, 请核对";
        List<FeedbackRow> rows = List.of(row(7, RowStatus.REJECTED,
                List.of(error("name", "行政相对人名称", "NAME_MISMATCH", message, "")), "甲公司"));

        Path file = write(done(rows, 0, 0, 1));

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
                "row,status,field,code,message",
                "7,REJECTED,name,NAME_MISMATCH,\"名称与\"\"登记名称\"\"不一致, 请核对\"");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).get("message")).isEqualTo(message);
        }
    }

    @Test
    void writesSingleRejectedLineForRejectedFile() throws IOException {
        Path file = write(FeedbackReports.rejectedFile());

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("""
                row,status,field,code,message
                0,REJECTED,,FILE_FORMAT_UNSUPPORTED,不支持的文件格式：pdf
                """);
    }

    @Test
    void writesSingleDuplicateLineForDuplicateFile() throws IOException {
        Path file = write(FeedbackReports.duplicateFile());

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("""
                row,status,field,code,message
                0,DUPLICATE,,DUPLICATE_FILE,该文件已于批次 42 报送，内容相同
                """);
    }

    @Test
    void replacesExistingReceiptAndLeavesNoTempFileBehind() throws IOException {
        Path file = dir.resolve("receipt.csv");
        Files.writeString(file, "old content that is longer than the new one, to catch a missing truncate\n".repeat(5));

        new ReceiptCsvWriter().write(FeedbackReports.rejectedFile(), file);

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(2);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    private Path write(FeedbackReport report) throws IOException {
        Path file = dir.resolve("receipt.csv");
        new ReceiptCsvWriter().write(report, file);
        return file;
    }
}
