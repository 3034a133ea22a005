package org.creditexchange.intake.collect;

import java.util.List;
import org.creditexchange.intake.ChannelDefinition;
import org.creditexchange.intake.ConnectorDefinition;

/**
 * Pulls what a remote channel has waiting now and hands every file to {@code IntakeService.receive} (one landing
 * path for every channel). A Spring bean per channel type; the {@code collect} step picks it by {@link #type()} and
 * retries it, with back-off, when it throws.
 *
 * @param <C> the channel type it serves
 */
public interface ChannelCollector<C extends ChannelDefinition> {

    /** The channel type served. */
    Class<C> type();

    /**
     * Collects from one channel of one unit.
     *
     * @return what was landed
     * @throws Exception when the remote machine cannot be reached or read; nothing is half-landed: what was landed
     *                   before the failure stays landed and is not pulled again
     */
    Collected collect(ConnectorDefinition unit, C channel) throws Exception;

    /**
     * An exception from {@link #collect} after some files were already landed: those batches stay and are processed;
     * the collection still counts as failed.
     */
    interface PartlyLanded {
        List<Long> landedBatchIds();
    }

    /**
     * What one collection landed.
     *
     * @param batchIds the batches recorded, in order
     * @param rows     rows pulled (a JDBC channel), or -1 when unknown (files)
     */
    record Collected(List<Long> batchIds, long rows) {

        public Collected {
            batchIds = List.copyOf(batchIds);
        }
    }
}
