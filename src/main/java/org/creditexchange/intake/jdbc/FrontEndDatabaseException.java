package org.creditexchange.intake.jdbc;

/**
 * A front-end database could not be reached, read or written. The message names the unit, the channel and the URL
 * (without credentials or parameters) and says what failed; the {@code collect} step and the feedback delivery try
 * again later.
 */
public class FrontEndDatabaseException extends Exception {

    private final String unit;
    private final String channel;
    private final String url;

    public FrontEndDatabaseException(String unit, String channel, String url, String what, Throwable cause) {
        super("unit " + unit + ", channel " + channel + " (" + url + "): " + what, cause);
        this.unit = unit;
        this.channel = channel;
        this.url = url;
    }

    /** The unit whose front-end database failed. */
    public String unit() {
        return unit;
    }

    /** The channel. */
    public String channel() {
        return channel;
    }

    /** The database URL as shown: without user, password or parameters. */
    public String url() {
        return url;
    }
}
