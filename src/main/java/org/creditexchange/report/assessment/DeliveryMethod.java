package org.creditexchange.report.assessment;

import org.creditexchange.intake.ChannelDefinition;
import org.creditexchange.intake.ConnectorDefinition;

/**
 * How a batch reached the platform (报送方式): by the unit's front-end machine (前置机: its database pulled, or an SFTP
 * directory), which the assessment rates above a manual upload (手工报送: a drop folder, a file given on the command
 * line or in the browser).
 */
public enum DeliveryMethod {
    FRONT_END("前置机"),
    MANUAL("手工报送");

    private final String title;

    DeliveryMethod(String title) {
        this.title = title;
    }

    /** The Chinese name. */
    public String title() {
        return title;
    }

    /**
     * The method of a batch that came by {@code channelId}: the kind of the unit's channel of that id (remote
     * channels, jdbc and sftp, are front-end machines); a channel id the connector does not declare ({@code cli},
     * a channel since removed) is manual, unless the id itself names a front-end kind ({@code jdbc}, {@code sftp}).
     */
    public static DeliveryMethod of(ConnectorDefinition unit, String channelId) {
        if (unit != null) {
            for (ChannelDefinition c : unit.channels()) {
                if (c.id().equals(channelId)) {
                    return c.remote() ? FRONT_END : MANUAL;
                }
            }
        }
        return "jdbc".equals(channelId) || "sftp".equals(channelId) ? FRONT_END : MANUAL;
    }
}
