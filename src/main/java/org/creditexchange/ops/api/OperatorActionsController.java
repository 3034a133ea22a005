package org.creditexchange.ops.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.creditexchange.ingest.IngestExecutions;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator's actions on batches and job executions (ADMIN and OPERATOR only, by the security rules): reload a
 * landed batch with today's configuration, stop a running ingest job after its current chunk, restart a stopped or
 * failed one. Reloads and restarts run on the background thread that processes uploads (one batch at a time) and
 * answer 202; each action is written to the audit log with the caller as actor and {@code X-Reason} as the reason.
 */
@RestController
@ConditionalOnWebApplication
public class OperatorActionsController {

    private final BatchRepository batches;
    private final IngestService ingest;
    private final IngestExecutions executions;
    private final UploadProcessing processing;

    public OperatorActionsController(BatchRepository batches, IngestService ingest, IngestExecutions executions,
                                     UploadProcessing processing) {
        this.batches = batches;
        this.ingest = ingest;
        this.executions = executions;
        this.processing = processing;
    }

    /** What was accepted, and where to follow it. */
    public record Accepted(long batchId, String message, String poll) {
    }

    @PostMapping("/api/batches/{id}/reload")
    public ResponseEntity<Accepted> reload(@AuthenticationPrincipal ApiUser user, @PathVariable long id,
                                           HttpServletRequest request) {
        Batch batch = batches.find(id).orElseThrow(() -> ApiException.notFound("没有批次 " + id + "。"));
        if (batch.status() != BatchStatus.DONE && batch.status() != BatchStatus.REJECTED) {
            throw ApiException.conflict("批次 " + id + " 的状态是 " + batch.status() + "，只有已处理（DONE）或整批退回"
                    + "（REJECTED）的批次可以重新处理。");
        }
        String reason = ApiAudit.reason(request);
        processing.submit("reload of batch " + id, () -> ingest.reload(id, user.getUsername(), reason));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(id, "批次 " + id
                + " 已排队按当前配置重新处理，完成后将生成新的反馈。", "/api/batches/" + id));
    }

    @PostMapping("/api/executions/{id}/stop")
    public Map<String, Object> stop(@AuthenticationPrincipal ApiUser user, @PathVariable long id,
                                    HttpServletRequest request) {
        try {
            long batch = executions.stop(id, user.getUsername(), ApiAudit.reason(request));
            return Map.of("executionId", id, "batchId", batch, "message", "作业执行 " + id + "（批次 " + batch
                    + "）将在当前数据块提交后停止，可从停止处重新启动。");
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("没有作业执行 " + id + "。");
        } catch (IllegalStateException e) {
            throw ApiException.conflict("作业执行 " + id + " 未在运行，无需停止。");
        }
    }

    @PostMapping("/api/executions/{id}/restart")
    public ResponseEntity<Accepted> restart(@AuthenticationPrincipal ApiUser user, @PathVariable long id,
                                            HttpServletRequest request) {
        long batch;
        try {
            batch = executions.restartable(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("没有作业执行 " + id + "。");
        } catch (IllegalStateException e) {
            throw ApiException.conflict("作业执行 " + id + " 不能重新启动：只有已停止或失败、且未被再次启动的执行可以。");
        }
        String reason = ApiAudit.reason(request);
        String actor = user.getUsername();
        processing.submit("restart of job execution " + id, () -> executions.restart(id, actor, reason));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(batch, "作业执行 " + id + "（批次 " + batch
                + "）已排队从上次提交的数据块处重新启动。", "/api/batches/" + batch));
    }
}
