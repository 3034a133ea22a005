package org.creditexchange.ops.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.creditexchange.CxProperties;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.DryRun;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.IntakeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A clerk uploads a spreadsheet for their unit: it is landed and recorded as a batch of channel {@code upload},
 * exactly as a dropped file, and processed in the background; the answer (202) names the batch to poll, and the
 * feedback is downloaded from the batch once it is processed. With {@code dryRun=true} (query or form parameter) the
 * file is checked as {@code ingest --dry-run} checks it: a batch of channel {@code dry-run}, processed up to the
 * merge, its feedback written into {@code <data>/dry-run/<unit>/} and downloaded the same way, nothing stored; the
 * batch ends DRY_RUN.
 */
@RestController
@ConditionalOnWebApplication
public class UploadController {

    /** The channel id of every uploaded batch. */
    public static final String CHANNEL = "upload";

    private static final Logger log = LoggerFactory.getLogger(UploadController.class);

    private final IntakeService intake;
    private final UploadProcessing processing;
    private final PlatformConfiguration configuration;
    private final CxProperties properties;
    private final ApiAudit audit;
    private final DryRun dryRuns;

    public UploadController(IntakeService intake, UploadProcessing processing, PlatformConfiguration configuration,
                            CxProperties properties, ApiAudit audit, DryRun dryRuns) {
        this.intake = intake;
        this.processing = processing;
        this.configuration = configuration;
        this.properties = properties;
        this.audit = audit;
        this.dryRuns = dryRuns;
    }

    @PostMapping("/api/units/{unit}/uploads")
    public ResponseEntity<UploadAccepted> upload(@AuthenticationPrincipal ApiUser user, @PathVariable String unit,
                                                 @RequestParam("file") MultipartFile file,
                                                 @RequestParam(defaultValue = "false") boolean dryRun,
                                                 HttpServletRequest request) throws IOException {
        if (!user.mayUpload(unit)) {
            throw ApiException.forbidden("您只能为本单位（" + user.unit() + "）上传数据，不能为 " + unit + " 上传。");
        }
        if (configuration.connector(unit).isEmpty()) {
            throw ApiException.notFound("没有单位 " + unit + "。");
        }
        if (file.isEmpty()) {
            throw ApiException.badRequest("上传的文件是空的，请检查后重新上传。");
        }
        String name = fileName(file.getOriginalFilename());
        Batch batch;
        try {
            batch = receive(unit, file, name, dryRun);
        } catch (DryRun.SameAsPendingBatch e) {
            throw ApiException.conflict(e.getMessage());
        }
        String shown = IdNumberMasking.maskEmbedded(name);
        audit.record(request, user.getUsername(), dryRun ? "UPLOAD_DRY_RUN" : "UPLOAD", "batch " + batch.id(),
                "unit=" + unit + " file=" + shown + " bytes=" + file.getSize() + " status=" + batch.status());
        if (dryRun) {
            processing.submitDryRun(batch.id());
        } else {
            processing.submit(batch.id());
        }
        String self = "/api/batches/" + batch.id();
        UploadAccepted answer = new UploadAccepted(batch.id(), unit, shown, batch.status(), dryRun,
                dryRun ? dryRunMessage(batch) : message(batch),
                new BatchView.Links(self, self + "/feedback", self + "/receipt"));
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", self).body(answer);
    }

    /** Lands the upload through a temporary file in the data directory (the landing zone copies it). */
    private Batch receive(String unit, MultipartFile file, String name, boolean dryRun) throws IOException {
        Path incoming = properties.dataDir().resolve("uploads");
        Files.createDirectories(incoming);
        Path tmp = Files.createTempFile(incoming, ".upload-", ".part");
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Batch batch = dryRun ? dryRuns.receive(unit, tmp, name) : intake.receive(unit, CHANNEL, tmp, name);
            log.info("Batch {}: uploaded for {}{} ({} bytes)", batch.id(), unit, dryRun ? " (dry run)" : "",
                    file.getSize());
            return batch;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The name without any folder a browser sent with it; {@code 上传文件} when there is none. */
    static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "上传文件";
        }
        String n = original.strip();
        int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(cut + 1).strip();
        return n.isEmpty() ? "上传文件" : n;
    }

    private static String message(Batch batch) {
        if (batch.status() == BatchStatus.DUPLICATE) {
            return "文件已收到（批次 " + batch.id() + "），但与批次 " + batch.duplicateOf()
                    + " 的内容相同，不会再次入库；稍后可下载反馈表查看说明。";
        }
        return "文件已收到（批次 " + batch.id() + "），正在排队处理。请稍后查询批次状态，处理完成后下载反馈表和回执。";
    }

    private static String dryRunMessage(Batch batch) {
        String duplicate = batch.status() == BatchStatus.DUPLICATE ? "该文件与批次 " + batch.duplicateOf()
                + " 的内容相同，正式报送时将作为重复报送、不再入库。" : "";
        return "试运行：文件已收到（批次 " + batch.id() + "），正在排队检查，检查结果不会入库。" + duplicate
                + "请稍后查询批次状态，状态为“试运行”（DRY_RUN）后下载试运行反馈表。";
    }
}
