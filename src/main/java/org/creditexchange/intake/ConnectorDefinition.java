package org.creditexchange.intake;

import java.util.List;

/**
 * A source unit (信源单位) and how its data reaches the platform, as declared in {@code connectors/<code>.yaml}.
 *
 * @param code     stable unit code, equal to the file name without {@code .yaml}
 * @param name     the unit's Chinese name, shown in feedback
 * @param uscc     the unit's own 统一社会信用代码 (optional)
 * @param channels how files or rows arrive
 * @param feedback where feedback goes; when absent, the {@code feedback/} folder of the unit's drop channel
 */
public record ConnectorDefinition(String code, String name, String uscc, List<ChannelDefinition> channels,
                                  FeedbackChannelDefinition feedback) {

    public ConnectorDefinition {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
