package org.creditexchange.ops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchStatus;

/** How a processed batch is printed: a Chinese line for people, or one JSON object for scripts. */
final class BatchLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchLine() {
    }

    /** The outcome as the {@code ingest --json} contract names it: DONE, REJECTED or DUPLICATE (FAILED for faults). */
    static String outcome(Batch b) {
        return switch (b.status()) {
            case DONE, DUPLICATE, REJECTED, FAILED -> b.status().name();
            default -> "FAILED";
        };
    }

    static String json(Batch b, String file) {
        ObjectNode o = JSON.createObjectNode();
        o.put("batch", b.id());
        o.put("file", IdNumberMasking.maskEmbedded(file));
        o.put("unit", b.unitCode());
        o.put("item", b.itemId());
        o.put("status", outcome(b));
        o.put("received", b.counts().received());
        o.put("accepted", b.counts().accepted());
        o.put("warned", b.counts().warned());
        o.put("rejected", b.counts().rejected());
        o.put("feedback", b.feedbackPath() == null ? null : b.feedbackPath().toString());
        o.put("receipt", b.receiptPath() == null ? null : b.receiptPath().toString());
        return o.toString();
    }

    static String human(Batch b, String file, String itemTitle) {
        String name = IdNumberMasking.maskEmbedded(file);
        String head = "批次 " + b.id() + "  " + name;
        String body = switch (b.status()) {
            case DONE -> String.format("  %s：已处理。接收 %d 行，入库 %d 行（其中有警告 %d 行），拒绝 %d 行。", itemTitle,
                    b.counts().received(), b.counts().accepted(), b.counts().warned(), b.counts().rejected());
            case REJECTED -> "  文件未能处理：" + b.problemMessage();
            case DUPLICATE -> "  重复文件（与批次 " + b.duplicateOf() + " 内容相同），未再次入库。";
            default -> "  平台处理失败（" + b.status() + "），文件已保留，运维人员修复后可重新执行。原因：" + b.failureMessage();
        };
        String where = b.feedbackPath() == null ? "" : "\n  反馈：" + b.feedbackPath() + "\n  回执：" + b.receiptPath();
        return head + body + where;
    }

    /** A dry run's outcome: what would have been loaded, and that nothing was. */
    static String dryRun(Batch b, String file, String itemTitle) {
        String head = "试运行 批次 " + b.id() + "  " + IdNumberMasking.maskEmbedded(file);
        String body = switch (b.status()) {
            case DONE -> String.format("  %s：接收 %d 行，可入库 %d 行（其中有警告 %d 行），将拒绝 %d 行。未写入信用库。", itemTitle,
                    b.counts().received(), b.counts().accepted(), b.counts().warned(), b.counts().rejected());
            case REJECTED -> "  文件将被退回：" + b.problemMessage();
            case DUPLICATE -> "  与已入库的批次 " + b.duplicateOf() + " 内容相同，正式报送时将作为重复文件处理。";
            default -> "  平台处理失败（" + b.status() + "）：" + b.failureMessage();
        };
        String where = b.feedbackPath() == null ? "" : "\n  反馈（试运行）：" + b.feedbackPath();
        return head + body + where;
    }

    static boolean engineFailed(Batch b) {
        return b.status() == BatchStatus.FAILED;
    }
}
