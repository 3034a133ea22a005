package org.creditexchange.feedback;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.creditexchange.feedback.FeedbackReport.FileProblem;
import org.creditexchange.feedback.FeedbackReport.Outcome;
import org.creditexchange.ingest.validate.Reason;
import org.creditexchange.ingest.validate.RowStatus;
import org.creditexchange.ingest.validate.Severity;

/** Sample reports shared by the feedback writer tests. */
final class FeedbackReports {

    static final List<String> HEADERS = List.of("行政相对人名称", "统一社会信用代码", "法定代表人身份证号", "序号");
    /** 02:00 UTC is 10:00 in Shanghai. */
    static final OffsetDateTime RECEIVED = OffsetDateTime.of(2025, 3, 1, 2, 0, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime PROCESSED = OffsetDateTime.of(2025, 3, 1, 10, 5, 30, 0, ZoneOffset.ofHours(8));

    private FeedbackReports() {
    }

    static Reason error(String field, String title, String code, String message, String hint) {
        return new Reason(field, title, code, Severity.ERROR, message, hint);
    }

    static Reason warning(String field, String title, String code, String message, String hint) {
        return new Reason(field, title, code, Severity.WARNING, message, hint);
    }

    static FeedbackRow row(int number, RowStatus status, List<Reason> reasons, String... cells) {
        return new FeedbackRow(number, status, reasons, List.of(cells));
    }

    /** Rows 2..5: accepted, warned, rejected with three reasons (one a warning), accepted. */
    static List<FeedbackRow> mixedRows() {
        return List.of(
                row(2, RowStatus.ACCEPTED, List.of(), "甲公司", "91110105MA01ABCD1X", "110105********001X", "0011"),
                row(3, RowStatus.WARNED,
                        List.of(warning("decision_date", "处罚决定日期", "DATE_IN_FUTURE", "日期晚于今天", "请核对日期")),
                        "乙公司", "91110105MA01ABCD2X", "110105********002X", "0012"),
                row(4, RowStatus.REJECTED, List.of(
                                error("uscc", "统一社会信用代码", "USCC_CHECK_DIGIT", "校验位错误", "请核对代码"),
                                error("", "", "ROW_TOO_SHORT", "列数不足", ""),
                                warning("legal_rep_id", "法定代表人身份证号", "ID_MASKED", "身份证号已脱敏", "")),
                        "丙公司", "91110105MA01ABCD3Y", "110105********003X", "0013"),
                row(5, RowStatus.ACCEPTED, List.of(), "丁公司", "91110105MA01ABCD4X", "110105********004X", "0014"));
    }

    static FeedbackReport done(List<FeedbackRow> rows, long accepted, long warned, long rejected) {
        return new FeedbackReport(42L, "sample-market", "示例市市场监督管理局", "2025年3月行政处罚.xlsx",
                RECEIVED, PROCESSED, "行政处罚", Outcome.DONE, null,
                rows.size(), accepted, warned, rejected, HEADERS, rows::stream);
    }

    static FeedbackReport rejectedFile() {
        return new FeedbackReport(43L, "sample-market", "示例市市场监督管理局", "处罚.pdf",
                RECEIVED, PROCESSED, "", Outcome.REJECTED,
                new FileProblem("FILE_FORMAT_UNSUPPORTED", "不支持的文件格式：pdf", "请使用模板另存为 xlsx 或 csv 后重新报送"),
                0, 0, 0, 0, List.of(), FeedbackReports::noRows);
    }

    static FeedbackReport duplicateFile() {
        return new FeedbackReport(44L, "sample-market", "示例市市场监督管理局", "2025年3月行政处罚.xlsx",
                RECEIVED, PROCESSED, "行政处罚", Outcome.DUPLICATE,
                new FileProblem("DUPLICATE_FILE", "该文件已于批次 42 报送，内容相同", ""),
                0, 0, 0, 0, List.of(), FeedbackReports::noRows);
    }

    private static java.util.stream.Stream<FeedbackRow> noRows() {
        throw new AssertionError("rows must not be read for a file that was not processed");
    }
}
