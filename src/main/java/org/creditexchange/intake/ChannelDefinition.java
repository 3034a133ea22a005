package org.creditexchange.intake;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** One way data reaches the platform from a source unit, chosen by {@code type:}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DropChannelDefinition.class, name = "drop"),
        @JsonSubTypes.Type(value = JdbcChannelDefinition.class, name = "jdbc"),
        @JsonSubTypes.Type(value = SftpChannelDefinition.class, name = "sftp")
})
public sealed interface ChannelDefinition permits DropChannelDefinition, JdbcChannelDefinition, SftpChannelDefinition {

    /** The channel's id, unique within its connector (recorded on every batch). */
    String id();

    /** Catalog items this channel may deliver; empty means any. */
    List<String> items();

    /**
     * Mistakes only the channel itself can see (a missing URL, a bad page size); the connector's checks add theirs
     * (ids, items, folders). Empty when it is well formed.
     */
    default List<ChannelProblem> problems() {
        return List.of();
    }

    /** How the channel is retried when its machine cannot be reached (remote channels override it). */
    default RetryDefinition retry() {
        return RetryDefinition.DEFAULT;
    }

    /** True for channels the {@code collect} step pulls from a remote machine (front-end database, SFTP). */
    default boolean remote() {
        return false;
    }
}
