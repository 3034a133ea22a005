package org.creditexchange.intake;

/**
 * A mistake in one channel's declaration, found by the channel itself ({@link ChannelDefinition#problems()}).
 *
 * @param path    the YAML path inside the channel (e.g. {@code pulls[0].watermark}), {@code ""} for the channel
 * @param message what is wrong, in English
 */
public record ChannelProblem(String path, String message) {
}
