package org.creditexchange.ops.api;

/**
 * The body of every error answer of the REST API.
 *
 * @param status  the HTTP status code
 * @param error   a stable code (e.g. {@code FORBIDDEN}, {@code NOT_FOUND}, {@code UPLOAD_TOO_LARGE})
 * @param message what went wrong, in Chinese (clerks read it)
 * @param path    the request path
 */
public record ApiError(int status, String error, String message, String path) {
}
