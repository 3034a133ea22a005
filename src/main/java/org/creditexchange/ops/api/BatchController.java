package org.creditexchange.ops.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Batches: the list (filtered by unit, status, days received), one batch, and its feedback workbook and receipt. A
 * clerk sees the batches of their own unit only; asking for another unit's is refused (403) and audited.
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping("/api/batches")
public class BatchController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final BatchRepository batches;
    private final BatchSearch search;
    private final PlatformConfiguration configuration;
    private final ApiAudit audit;

    public BatchController(BatchRepository batches, BatchSearch search, PlatformConfiguration configuration, ApiAudit audit) {
        this.batches = batches;
        this.search = search;
        this.configuration = configuration;
        this.audit = audit;
    }

    @GetMapping
    public List<BatchView> list(@AuthenticationPrincipal ApiUser user,
                                @RequestParam(required = false) String unit,
                                @RequestParam(required = false) BatchStatus status,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(defaultValue = "50") int limit) {
        if (unit != null && !unit.isBlank()) {
            if (!user.mayRead(unit)) {
                throw ApiException.forbidden("您只能查看本单位（" + user.unit() + "）的报送批次。");
            }
            if (configuration.connector(unit).isEmpty()) {
                throw ApiException.notFound("没有单位 " + unit + "。");
            }
        }
        String scope = user.unitScope().orElse(unit == null || unit.isBlank() ? null : unit);
        return search.find(new BatchSearch.Filter(scope, status, from, to, limit)).stream()
                .map(b -> BatchView.of(b, user.readsEveryUnit())).toList();
    }

    @GetMapping("/{id}")
    public BatchView get(@AuthenticationPrincipal ApiUser user, @PathVariable long id) {
        return BatchView.of(readable(user, id), user.readsEveryUnit());
    }

    /** The clerk's feedback workbook (处理结果反馈表). Written to the audit log: it shows the rows as sent. */
    @GetMapping("/{id}/feedback")
    public ResponseEntity<Resource> feedback(@AuthenticationPrincipal ApiUser user, @PathVariable long id,
                                             HttpServletRequest request) {
        Batch batch = readable(user, id);
        return download(batch, batch.feedbackPath(), XLSX, "DOWNLOAD_FEEDBACK", user, request);
    }

    /** The machine-readable receipt (回执, UTF-8 CSV). */
    @GetMapping("/{id}/receipt")
    public ResponseEntity<Resource> receipt(@AuthenticationPrincipal ApiUser user, @PathVariable long id,
                                            HttpServletRequest request) {
        Batch batch = readable(user, id);
        return download(batch, batch.receiptPath(), CSV, "DOWNLOAD_RECEIPT", user, request);
    }

    private Batch readable(ApiUser user, long id) {
        Batch batch = batches.find(id).orElseThrow(() -> ApiException.notFound("没有批次 " + id + "。"));
        if (!user.mayRead(batch.unitCode())) {
            throw ApiException.forbidden("批次 " + id + " 不属于您的单位（" + user.unit() + "），无权查看。");
        }
        return batch;
    }

    private ResponseEntity<Resource> download(Batch batch, Path file, MediaType type, String action, ApiUser user,
                                              HttpServletRequest request) {
        if (file == null) {
            throw new ApiException(HttpStatus.CONFLICT, "FEEDBACK_NOT_READY", "批次 " + batch.id() + " 的反馈尚未生成（"
                    + BatchView.statusText(batch.status()) + "），请稍后再查询。");
        }
        if (!Files.isRegularFile(file)) {
            throw ApiException.notFound("批次 " + batch.id() + " 的反馈文件已不在服务器上，请联系平台运维人员。");
        }
        audit.record(request, user.getUsername(), action, "batch " + batch.id(),
                "unit=" + batch.unitCode() + " file=" + file.getFileName());
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(file.getFileName().toString(),
                        "batch-" + batch.id() + "-" + (type == XLSX ? "feedback.xlsx" : "receipt.csv")))
                .body(new FileSystemResource(file));
    }

    /**
     * The clerk's Chinese file name for browsers ({@code filename*}, RFC 6266), and a plain ASCII one for tools that
     * read only {@code filename} ({@code curl -OJ}).
     */
    static String attachment(String name, String asciiFallback) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''" + encoded;
    }
}
