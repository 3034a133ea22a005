package org.creditexchange.ops.api;

import org.creditexchange.intake.BatchStatus;

/**
 * The answer to an upload (202 Accepted): the batch to poll.
 *
 * @param batchId  the batch the file became (for a file sent before, the batch it is a duplicate of is named in
 *                 the feedback)
 * @param unit     the unit it was sent for
 * @param fileName the file name, ID numbers masked
 * @param status   the batch's status when answered (RECEIVED, DUPLICATE …)
 * @param dryRun   a dry run: checked and given feedback, nothing stored; the batch ends DRY_RUN
 * @param message  what happens next, in Chinese
 * @param links    where to poll, and the downloads once the batch is processed
 */
public record UploadAccepted(long batchId, String unit, String fileName, BatchStatus status, boolean dryRun,
                             String message, BatchView.Links links) {
}
