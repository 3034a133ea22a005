package org.creditexchange.ops.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 at once to an upload whose declared length is over the limit, before a byte of it is read: the
 * clerk gets the message instead of a connection cut off half-way. An upload of unknown length is measured while
 * it is read ({@link ApiErrors} answers the same 413).
 */
final class UploadSizeFilter extends OncePerRequestFilter {

    private final MultipartProperties multipart;
    private final ObjectMapper json;

    UploadSizeFilter(MultipartProperties multipart, ObjectMapper json) {
        this.multipart = multipart;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = multipart.getMaxRequestSize().toBytes();
        if (limit > 0 && request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), new ApiError(HttpStatus.PAYLOAD_TOO_LARGE.value(),
                    "UPLOAD_TOO_LARGE", ApiErrors.tooLargeMessage(multipart),
                    IdNumberMasking.maskEmbedded(request.getRequestURI())));
            return;
        }
        chain.doFilter(request, response);
    }
}
