package org.creditexchange.intake.jdbc;

import java.util.List;
import org.creditexchange.intake.collect.ChannelCollector;

/**
 * A jdbc channel's collect failed after some of its batches were landed and committed: those stay (their rows are
 * not pulled again) and are processed; the rest is pulled again at the next collect. The cause is the first failure,
 * further ones are suppressed in it.
 */
public class PartlyCollectedException extends Exception implements ChannelCollector.PartlyLanded {

    private final List<Long> landedBatchIds;

    public PartlyCollectedException(String unit, String channel, List<Long> landedBatchIds, Exception firstFailure) {
        super("unit " + unit + ", channel " + channel + ": " + landedBatchIds.size() + " batch(es) landed, then a pull "
                + "failed: " + firstFailure.getMessage(), firstFailure);
        this.landedBatchIds = List.copyOf(landedBatchIds);
    }

    @Override
    public List<Long> landedBatchIds() {
        return landedBatchIds;
    }
}
