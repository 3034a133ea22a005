package org.creditexchange.feedback;

import java.util.Objects;

/**
 * Names of the files given back to a clerk for one batch, derived from the name of the file the
 * clerk sent, so the feedback sorts next to the original in the clerk's folder.
 */
public final class FeedbackFileNames {

    /** Used when nothing is left of the original name. */
    private static final String FALLBACK_BASE = "报送文件";

    /**
     * Longest base kept, in code points. Chinese characters take three bytes in UTF-8 and most file
     * systems allow 255 bytes per name, so this leaves room for the suffix.
     */
    private static final int MAX_BASE_CODE_POINTS = 60;

    private FeedbackFileNames() {
    }

    /**
     * The feedback workbook's name: {@code <base>.反馈-<batchId>.xlsx}.
     *
     * @param batchId          the batch id
     * @param originalFileName the name of the file as received; may carry a path, which is sanitised,
     *                         not interpreted
     * @return a plain file name without directory parts
     * @throws NullPointerException if {@code originalFileName} is null
     */
    public static String workbookName(long batchId, String originalFileName) {
        return base(originalFileName) + ".反馈-" + batchId + ".xlsx";
    }

    /**
     * The receipt's name: {@code <base>.回执-<batchId>.csv}.
     *
     * @param batchId          the batch id
     * @param originalFileName the name of the file as received; may carry a path, which is sanitised,
     *                         not interpreted
     * @return a plain file name without directory parts
     * @throws NullPointerException if {@code originalFileName} is null
     */
    public static String receiptName(long batchId, String originalFileName) {
        return base(originalFileName) + ".回执-" + batchId + ".csv";
    }

    /**
     * The original name without its extension, with path separators, control characters and the
     * other characters Windows forbids in names replaced by {@code '_'} (clerks open these files on
     * Windows), cut to a safe length; {@value #FALLBACK_BASE} when nothing usable is left.
     */
    static String base(String originalFileName) {
        Objects.requireNonNull(originalFileName, "originalFileName");
        String name = originalFileName.strip();
        int dot = name.lastIndexOf('.');
        int separator = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        // A dot before the last separator, or a leading dot, is not an extension.
        if (dot > separator + 1) {
            name = name.substring(0, dot);
        }
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().limit(MAX_BASE_CODE_POINTS).forEach(cp -> {
            if (Character.isISOControl(cp) || "/\\:*?\"<>|".indexOf(cp) >= 0) {
                out.append('_');
            } else {
                out.appendCodePoint(cp);
            }
        });
        String base = out.toString().strip();
        return base.isEmpty() ? FALLBACK_BASE : base;
    }
}
