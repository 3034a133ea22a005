package org.creditexchange.ops.api;

import java.time.OffsetDateTime;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.IntakeService;

/**
 * A batch as the API shows it: no paths of the server, file names masked.
 *
 * @param id          batch id
 * @param unit        the sending unit
 * @param channel     the channel it arrived by ({@code upload} for the API, {@code drop}, {@code cli} …)
 * @param fileName    the file name as sent, ID numbers masked
 * @param status      RECEIVED, PROCESSING, DONE, REJECTED, DUPLICATE or FAILED
 * @param statusText  the status in Chinese, for the clerk
 * @param item        the recognised catalog item, null until recognised
 * @param rows        row counts (zero until processed)
 * @param receivedAt  when it was received (Asia/Shanghai)
 * @param processedAt when processing ended, null before
 * @param duplicateOf for a DUPLICATE, the batch that first brought the content
 * @param problem     why the file was refused as a whole (REJECTED, DUPLICATE), null otherwise
 * @param failure     for FAILED, the engine fault (English, for operators; not shown to clerks)
 * @param links       where to poll and download
 */
public record BatchView(long id, String unit, String channel, String fileName, BatchStatus status, String statusText,
                        String item, Rows rows, OffsetDateTime receivedAt, OffsetDateTime processedAt,
                        Long duplicateOf, Problem problem, String failure, Links links) {

    /** Row counts: received = accepted + rejected; warned counts accepted rows with warnings. */
    public record Rows(long received, long accepted, long warned, long rejected) {
    }

    /** A problem of the whole file, in Chinese. */
    public record Problem(String code, String message, String hint) {
    }

    /** The batch's own address and its downloads (null until the feedback is written). */
    public record Links(String self, String feedback, String receipt) {
    }

    /** The view of {@code batch}; {@code operator} shows the engine's failure text. */
    public static BatchView of(Batch batch, boolean operator) {
        String self = "/api/batches/" + batch.id();
        boolean hasFeedback = batch.feedbackPath() != null;
        Problem problem = batch.problemCode() == null ? null : new Problem(batch.problemCode(),
                mask(batch.problemMessage()), mask(batch.problemHint()));
        return new BatchView(batch.id(), batch.unitCode(), batch.channelId(), mask(batch.originalName()),
                batch.status(), statusText(batch.status()), batch.itemId(),
                new Rows(batch.counts().received(), batch.counts().accepted(), batch.counts().warned(),
                        batch.counts().rejected()),
                local(batch.receivedAt()), local(batch.processedAt()), batch.duplicateOf(), problem,
                operator && batch.failureMessage() != null ? IdNumberMasking.maskForLog(batch.failureMessage()) : null,
                new Links(self, hasFeedback ? self + "/feedback" : null, batch.receiptPath() != null ? self + "/receipt" : null));
    }

    /** What the status means, for a clerk. */
    static String statusText(BatchStatus status) {
        return switch (status) {
            case RECEIVED -> "已接收，等待处理";
            case PROCESSING -> "正在处理";
            case DONE -> "处理完成，可下载反馈表";
            case REJECTED -> "文件未能处理，请查看反馈表中的原因";
            case DUPLICATE -> "重复报送，未再次入库";
            case FAILED -> "系统处理出错，平台运维人员将重新处理，无需重新报送";
            case DRY_RUN -> "试运行：已检查并生成反馈，未入库";
        };
    }

    static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(IntakeService.ZONE).toOffsetDateTime();
    }

    private static String mask(String s) {
        return s == null ? null : IdNumberMasking.maskEmbedded(s);
    }
}
