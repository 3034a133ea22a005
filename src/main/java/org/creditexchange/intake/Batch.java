package org.creditexchange.intake;

import java.nio.file.Path;
import java.time.OffsetDateTime;

/**
 * One received file: a row of the collection log (归集日志).
 *
 * @param id           batch id
 * @param unitCode     the sending unit
 * @param channelId    the channel it arrived by ({@code cli} for a file given on the command line)
 * @param originalName the file name as sent
 * @param sha256       checksum of the content (also its name in the landing zone)
 * @param sizeBytes    size of the content
 * @param receivedAt   when it was received
 * @param landedPath   where the unchanged content lies in the landing zone
 * @param status       where it stands
 * @param duplicateOf  for a DUPLICATE, the batch that first brought the content
 * @param itemId       the recognised catalog item, null until recognised
 * @param counts       row counts, zero until processed
 * @param problemCode  for REJECTED/DUPLICATE/FAILED: why, as a stable code
 * @param problemMessage Chinese text of the problem for the clerk
 * @param problemHint  Chinese fix hint
 * @param failureMessage for FAILED: the engine fault (English, for operators), else null
 * @param feedbackPath the feedback workbook, null until written
 * @param receiptPath  the receipt CSV, null until written
 * @param processedAt  when processing ended
 */
public record Batch(long id, String unitCode, String channelId, String originalName, String sha256, long sizeBytes,
                    OffsetDateTime receivedAt, Path landedPath, BatchStatus status, Long duplicateOf, String itemId,
                    Counts counts, String problemCode, String problemMessage, String problemHint, String failureMessage, Path feedbackPath,
                    Path receiptPath, OffsetDateTime processedAt) {

    /** Row counts: received = accepted + rejected; warned counts accepted rows with warnings. */
    public record Counts(long received, long accepted, long warned, long rejected) {
        public static final Counts NONE = new Counts(0, 0, 0, 0);
    }
}
