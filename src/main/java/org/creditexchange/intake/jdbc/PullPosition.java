package org.creditexchange.intake.jdbc;

/**
 * How far a pull has read: every row ordered at or before this position (by watermark, then key) has been landed.
 * Values are kept in their text form ({@link ValueKind#text}), which is also how the watermark table stores them.
 *
 * @param watermarkKind the watermark column's kind, null at the start
 * @param watermark     the last watermark read, null at the start (nothing read yet)
 * @param keyKind       the key column's kind, null without a key
 * @param key           the key of the last row read; null without a key, or when every row of the watermark has
 *                      been read (a page of a pull without key ends only after a whole group of equal watermarks)
 */
record PullPosition(ValueKind watermarkKind, String watermark, ValueKind keyKind, String key) {

    /** Before the first row. */
    static final PullPosition START = new PullPosition(null, null, null, null);

    PullPosition {
        if ((watermark == null) != (watermarkKind == null) || (key == null) != (keyKind == null)) {
            throw new IllegalArgumentException("a position's values come with their kinds");
        }
        if (watermark == null && key != null) {
            throw new IllegalArgumentException("a key without a watermark");
        }
    }

    boolean isStart() {
        return watermark == null;
    }

    /** The same watermark with every row at it read (the key dropped). */
    PullPosition wholeWatermark() {
        return new PullPosition(watermarkKind, watermark, null, null);
    }

    Object watermarkValue() {
        return watermarkKind.parse(watermark);
    }

    Object keyValue() {
        return keyKind.parse(key);
    }

    @Override
    public String toString() {
        // No key: it may be anything the unit chose as its row id, and positions are logged.
        return isStart() ? "(start)" : watermark + (key == null ? "" : " (+key)");
    }
}
