package org.creditexchange.ops.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.creditexchange.audit.AccessLog;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Writes what API users do to the audit log ({@link AccessLog}, append-only): who (the authenticated user), from
 * where (the remote address), what (action and target), why (the {@code X-Reason} header or the {@code reason}
 * parameter). Every operator action, every access to personal data and every refused request is written.
 */
@Component
@ConditionalOnWebApplication
public class ApiAudit {

    /** The header naming why a request is made; UTF-8 percent-encoded for non-ASCII text ({@code %E6%A0%B8…}). */
    public static final String REASON_HEADER = "X-Reason";
    /** What the log says when the caller gave no reason: the log refuses an empty one. */
    static final String NO_REASON = "not given";

    private final AccessLog log;

    public ApiAudit(AccessLog log) {
        this.log = log;
    }

    /**
     * Appends one entry.
     *
     * @param action  a stable action name (UPLOAD, DOWNLOAD_FEEDBACK, RUN_JOB, DENIED …)
     * @param target  what was acted on ({@code batch 12}, {@code job nightly})
     * @param details more facts; the request line and the remote address are added
     */
    public void record(HttpServletRequest request, String actor, String action, String target, String details) {
        String line = "from " + request.getRemoteAddr() + ": " + request.getMethod() + " " + request.getRequestURI()
                + (details == null || details.isBlank() ? "" : "; " + details);
        log.record(actor == null || actor.isBlank() ? "anonymous" : actor, action,
                IdNumberMasking.maskEmbedded(target), reason(request), line);
    }

    /** A refused request (403): who asked for what. */
    public void denied(HttpServletRequest request, Authentication who, String why) {
        record(request, who == null ? null : who.getName(), "DENIED", request.getMethod() + " " + request.getRequestURI(),
                why);
    }

    /** The caller's reason: the {@code X-Reason} header (percent-decoded), else the {@code reason} parameter. */
    static String reason(HttpServletRequest request) {
        String header = request.getHeader(REASON_HEADER);
        if (header != null && !header.isBlank()) {
            try {
                return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException e) {
                return header.strip();
            }
        }
        String parameter;
        try {
            parameter = request.getParameter("reason");
        } catch (RuntimeException e) {
            // A multipart body that cannot be parsed (too large, cut off) has no readable parameters.
            parameter = null;
        }
        return parameter == null || parameter.isBlank() ? NO_REASON : parameter.strip();
    }
}
