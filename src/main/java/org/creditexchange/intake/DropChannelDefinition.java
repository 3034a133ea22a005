package org.creditexchange.intake;

import java.time.Duration;
import java.util.List;

/**
 * A watched drop folder: clerks save files into {@code <path>/inbox}; processed files move to
 * {@code <path>/done}, files the engine failed on to {@code <path>/failed}.
 *
 * @param id     channel id
 * @param path   the folder, relative to the data directory unless absolute
 * @param items  catalog items accepted here (empty: any)
 * @param settle how long a file must stay unchanged before it is taken (default 2 s): a file being copied is left alone
 * @param poll   how often the inbox is scanned (default 2 s)
 */
public record DropChannelDefinition(String id, String path, List<String> items, Duration settle, Duration poll)
        implements ChannelDefinition {

    public DropChannelDefinition {
        items = items == null ? List.of() : List.copyOf(items);
        settle = settle == null ? Duration.ofSeconds(2) : settle;
        poll = poll == null ? Duration.ofSeconds(2) : poll;
    }
}
