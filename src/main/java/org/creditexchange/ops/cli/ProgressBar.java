package org.creditexchange.ops.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * The text of a one-line progress bar for a terminal: {@code [#######.......]  42%  12,345 rows  1,234 rows/s  ETA 2:10
 * batch 7 stage}. ASCII only (any console code page shows it), never wider than the width it is given less one (a
 * line filling the last column wraps on some terminals); when space is short the bar goes first, then the tail of the
 * line.
 */
final class ProgressBar {

    /** The widest bar drawn: past it the bar only stretches the line. */
    static final int MAX_BAR = 30;
    /** The narrowest bar worth drawing; below it the line goes without. */
    static final int MIN_BAR = 10;

    private ProgressBar() {
    }

    /**
     * What the bar shows.
     *
     * @param fraction      the share done, 0 to 1; null when the total is unknown
     * @param rows          rows done
     * @param rowsPerSecond the current rate
     * @param remaining     the estimated time left; null when unknown (shown {@code ?})
     * @param step          what is being done now ({@code batch 7 stage}); null for nothing
     */
    record Snapshot(Double fraction, long rows, double rowsPerSecond, Duration remaining, String step) {
    }

    /** The line for {@code snapshot} in a terminal {@code width} columns wide. */
    static String line(Snapshot snapshot, int width) {
        Double fraction = snapshot.fraction() == null ? null : Math.max(0, Math.min(1, snapshot.fraction()));
        String percent = fraction == null ? "?%" : (int) Math.floor(fraction * 100) + "%";
        String eta = snapshot.remaining() == null ? "?" : clock(snapshot.remaining());
        String tail = String.format(Locale.ROOT, "%4s  %,d rows  %,.0f rows/s  ETA %s", percent, snapshot.rows(),
                Math.max(0, snapshot.rowsPerSecond()), eta)
                + (snapshot.step() == null || snapshot.step().isBlank() ? "" : "  " + snapshot.step());
        int room = width - 1;
        int bar = Math.min(MAX_BAR, room - tail.length() - 3);
        if (bar < MIN_BAR) {
            return tail.length() <= room ? tail : tail.substring(0, Math.max(0, room));
        }
        return "[" + cells(fraction, bar) + "] " + tail;
    }

    /** {@code width} cells: '#' done, '.' to do; '-' throughout when the share is unknown. */
    static String cells(Double fraction, int width) {
        if (fraction == null) {
            return "-".repeat(width);
        }
        int done = (int) Math.floor(fraction * width);
        return "#".repeat(done) + ".".repeat(width - done);
    }

    /** {@code 0:09}, {@code 2:10}, {@code 1:02:05}. */
    static String clock(Duration d) {
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
