package org.creditexchange.intake;

/**
 * Where a unit's feedback workbooks and receipts go.
 *
 * @param type {@code folder} (the only kind so far)
 * @param path the folder, relative to the data directory unless absolute
 */
public record FeedbackChannelDefinition(String type, String path) {
}
