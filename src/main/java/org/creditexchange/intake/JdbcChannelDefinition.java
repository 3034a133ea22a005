package org.creditexchange.intake;

import java.util.List;

/**
 * A front-end database (前置机) pulled incrementally by the {@code collect} step: one table or query per catalog item,
 * read past a watermark, in pages, landed as a batch file.
 *
 * <p>UNFINISHED scaffolding: the fields beyond the common ones are filled in with the JDBC channel.
 *
 * @param id    channel id
 * @param items catalog items pulled here
 * @param retry how an unreachable database is retried
 */
public record JdbcChannelDefinition(String id, List<String> items, RetryDefinition retry) implements ChannelDefinition {

    public JdbcChannelDefinition {
        items = items == null ? List.of() : List.copyOf(items);
        retry = retry == null ? RetryDefinition.DEFAULT : retry;
    }

    @Override
    public boolean remote() {
        return true;
    }
}
