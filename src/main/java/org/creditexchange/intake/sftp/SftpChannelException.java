package org.creditexchange.intake.sftp;

import java.io.IOException;
import java.util.List;

/**
 * An sftp channel could not be used: the server could not be reached or logged into, its host key is not the
 * known one, a secret is not set, or files could not be read, landed or cleared away. The message says which, in
 * English, for operators; it never holds a secret.
 */
public class SftpChannelException extends IOException
        implements org.creditexchange.intake.collect.ChannelCollector.PartlyLanded {

    private final String unit;
    private final String channel;
    private final String server;
    private final List<Long> landedBatchIds;

    public SftpChannelException(String unit, String channel, String server, String problem) {
        this(unit, channel, server, problem, List.of(), null);
    }

    public SftpChannelException(String unit, String channel, String server, String problem, List<Long> landedBatchIds,
                                Throwable cause) {
        super("sftp channel '" + channel + "' of " + unit + " (" + server + "): " + problem, cause);
        this.unit = unit;
        this.channel = channel;
        this.server = server;
        this.landedBatchIds = List.copyOf(landedBatchIds);
    }

    /** The unit's code. */
    public String unit() {
        return unit;
    }

    /** The channel's id. */
    public String channel() {
        return channel;
    }

    /** The server, as {@code sftp://user@host:port}. */
    public String server() {
        return server;
    }

    /**
     * The batches landed before the failure, in order: they stay landed (and their files were cleared away on the
     * server), so they are not pulled again.
     */
    @Override
    public List<Long> landedBatchIds() {
        return landedBatchIds;
    }
}
