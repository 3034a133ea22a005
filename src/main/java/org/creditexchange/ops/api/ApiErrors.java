package org.creditexchange.ops.api;

import jakarta.servlet.http.HttpServletRequest;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of a request into an {@link ApiError} with a Chinese message; refusals are audited. */
@RestControllerAdvice
@ConditionalOnWebApplication
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final ApiAudit audit;
    private final MultipartProperties multipart;

    public ApiErrors(ApiAudit audit, MultipartProperties multipart) {
        this.audit = audit;
        this.multipart = multipart;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException e, HttpServletRequest request) {
        if (e.status() == HttpStatus.FORBIDDEN) {
            audit.denied(request, SecurityContextHolder.getContext().getAuthentication(), e.getMessage());
        }
        return error(e.status(), e.code(), e.getMessage(), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(HttpServletRequest request) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, "UPLOAD_TOO_LARGE", tooLargeMessage(multipart), request);
    }

    /** The clerk's message for a file over the upload limit. */
    static String tooLargeMessage(MultipartProperties multipart) {
        long bytes = multipart.getMaxFileSize().toBytes();
        long requestBytes = multipart.getMaxRequestSize().toBytes();
        if (requestBytes > 0 && (bytes <= 0 || requestBytes < bytes)) {
            bytes = requestBytes;
        }
        String limit = bytes <= 0 ? "" : "（上限 " + readable(bytes) + "）";
        return "上传的文件太大" + limit + "，请把数据拆成几个文件分别上传。";
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> noFile(MissingServletRequestPartException e, HttpServletRequest request) {
        return error(HttpStatus.BAD_REQUEST, "FILE_MISSING", "请选择要上传的文件（表单字段 " + e.getRequestPartName() + "）。",
                request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> badMultipart(HttpServletRequest request) {
        return error(HttpStatus.BAD_REQUEST, "BAD_UPLOAD", "上传未完成或格式不对，请重新上传文件（multipart/form-data，字段 file）。",
                request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return error(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", "参数 " + e.getName() + " 的值“"
                + IdNumberMasking.maskEmbedded(String.valueOf(e.getValue())) + "”无效" + hint(e.getName()) + "。", request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return error(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", "缺少参数 " + e.getParameterName() + "。", request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadableBody(HttpServletRequest request) {
        return error(HttpStatus.BAD_REQUEST, "BAD_BODY", "请求内容不是有效的 JSON（应为参数名到参数值的对象，例如 {\"month\":\"2026-10\"}）。",
                request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedMediaType(HttpServletRequest request) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "不支持的请求内容类型。", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "此地址不支持 " + e.getMethod() + " 请求。", request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noSuchPath(HttpServletRequest request) {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "没有这个地址。", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> fault(Exception e, HttpServletRequest request) {
        log.error("{} {} failed: {}", request.getMethod(), request.getRequestURI(), e.toString(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "系统内部错误，请稍后重试或联系平台运维人员。", request);
    }

    static ResponseEntity<ApiError> error(HttpStatus status, String code, String message, HttpServletRequest request) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), code, message,
                IdNumberMasking.maskEmbedded(request.getRequestURI())));
    }

    private static String hint(String parameter) {
        return switch (parameter) {
            case "from", "to" -> "，日期格式为 2026-10-31";
            case "status" -> "，可选 RECEIVED、PROCESSING、DONE、REJECTED、DUPLICATE、FAILED";
            default -> "";
        };
    }

    private static String readable(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " 字节";
    }
}
