package org.creditexchange.intake;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** One way data reaches the platform from a source unit, chosen by {@code type:}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DropChannelDefinition.class, name = "drop")
})
public sealed interface ChannelDefinition permits DropChannelDefinition {

    /** The channel's id, unique within its connector (recorded on every batch). */
    String id();

    /** Catalog items this channel may deliver; empty means any. */
    List<String> items();
}
