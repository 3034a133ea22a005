package org.creditexchange.ingest.read;

/**
 * A file that cannot be read as a whole: a user-facing fault that ends up in the batch's feedback,
 * never a system fault. {@link #code()} is a stable reason code (e.g. {@code FILE_EMPTY},
 * {@code FILE_FORMAT_UNSUPPORTED}, {@code FILE_ENCRYPTED}, {@code FILE_CORRUPT}); the Chinese message
 * for the clerk is looked up by that code; {@link #detail()} is English evidence for the log.
 */
public class UnreadableFileException extends Exception {

    private final String code;
    private final String detail;

    public UnreadableFileException(String code, String detail) {
        this(code, detail, null);
    }

    public UnreadableFileException(String code, String detail, Throwable cause) {
        super(code + ": " + detail, cause);
        this.code = code;
        this.detail = detail;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
