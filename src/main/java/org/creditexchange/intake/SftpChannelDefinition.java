package org.creditexchange.intake;

import java.util.List;

/**
 * An SFTP directory on a front-end machine, pulled by the {@code collect} step; feedback is uploaded back.
 *
 * <p>UNFINISHED scaffolding: the fields beyond the common ones are filled in with the SFTP channel.
 *
 * @param id    channel id
 * @param items catalog items pulled here
 * @param retry how an unreachable server is retried
 */
public record SftpChannelDefinition(String id, List<String> items, RetryDefinition retry) implements ChannelDefinition {

    public SftpChannelDefinition {
        items = items == null ? List.of() : List.copyOf(items);
        retry = retry == null ? RetryDefinition.DEFAULT : retry;
    }

    @Override
    public boolean remote() {
        return true;
    }
}
