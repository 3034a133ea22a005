package org.creditexchange.report.digest;

import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * Counts a unit's accepted rows reported late (more than 7 working days after their decision) among the batches
 * received in a window.
 *
 * <p>UNFINISHED: returns -1 (unknown) until the reporting delay is kept on staged rows.
 */
@Component
public class LateRecords {

    /** Late accepted rows of {@code unit}'s batches received in [from, to), or -1 when not known. */
    public long count(String unit, OffsetDateTime from, OffsetDateTime to) {
        return -1;
    }
}
