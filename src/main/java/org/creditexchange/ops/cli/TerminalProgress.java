package org.creditexchange.ops.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.creditexchange.ingest.RunningIngests;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Draws a {@link ProgressBar} on standard error while a command processes batches: redrawn in place ({@code \r})
 * twice a second from what the job repository says of the ingest job this command started. Only for a person at a
 * terminal: never when standard input or output is redirected (no {@link System#console()}), with {@code --json},
 * in CI logs or when piped. The cursor is left at the line's start, so a log line written meanwhile overwrites the
 * bar rather than running on after it; output of the command goes through {@link #println} to clear the bar first.
 */
final class TerminalProgress implements AutoCloseable {

    private static final long EVERY_MILLIS = 500;
    private static final int DEFAULT_WIDTH = 80;

    private final PrintWriter err;
    private final Supplier<Optional<ProgressBar.Snapshot>> source;
    private final int width;
    private final ScheduledExecutorService timer;
    private String drawn = "";

    private TerminalProgress(PrintWriter err, Supplier<Optional<ProgressBar.Snapshot>> source, int width, boolean on) {
        this.err = err;
        this.source = source;
        this.width = width;
        this.timer = on ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cx-progress");
            t.setDaemon(true);
            return t;
        }) : null;
        if (timer != null) {
            timer.scheduleWithFixedDelay(this::redraw, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The bar of the ingest jobs this command starts from now on (those already running, in this or another process,
     * are not shown); drawn only when {@code wanted} and a person is at a terminal.
     */
    static TerminalProgress ofIngests(ConfigurableApplicationContext ctx, PrintWriter err, boolean wanted) {
        if (!wanted || !interactive()) {
            return new TerminalProgress(err, Optional::empty, DEFAULT_WIDTH, false);
        }
        RunningIngests running = ctx.getBean(RunningIngests.class);
        Set<Long> before = running.now().stream().map(RunningIngests.Running::executionId).collect(Collectors.toSet());
        return new TerminalProgress(err, () -> running.now().stream()
                .filter(r -> !before.contains(r.executionId()))
                .max(Comparator.comparing(RunningIngests.Running::executionId))
                .map(TerminalProgress::snapshot), width(), true);
    }

    static ProgressBar.Snapshot snapshot(RunningIngests.Running r) {
        return new ProgressBar.Snapshot(r.percent() == null ? null : r.percent() / 100, r.rowsDone(), r.rowsPerSecond(),
                r.remaining(), "batch " + r.batchId() + " " + r.step());
    }

    /** Whether a person is at a terminal (JDK 22 and later have a console even when redirected: ask it). */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }

    /** The terminal's width from {@code COLUMNS} when the shell exports it, else 80. */
    private static int width() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "").strip());
            return columns >= 20 ? columns : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    /** Prints {@code line} to {@code out} with the bar cleared first (it is drawn again at the next tick). */
    void println(PrintWriter out, String line) {
        synchronized (this) {
            draw("");
            out.println(line);
            out.flush();
        }
    }

    private void redraw() {
        String line;
        try {
            line = source.get().map(s -> ProgressBar.line(s, width)).orElse("");
        } catch (RuntimeException e) {
            // The bar is a courtesy: a failing look at the job repository must not disturb the work.
            line = "";
        }
        synchronized (this) {
            draw(line);
        }
    }

    /**
     * Overwrites what was drawn with {@code line}, padding over a longer one, and puts the cursor back at the start.
     * An unchanged line is drawn again all the same: a log line may have overwritten it meanwhile.
     */
    private void draw(String line) {
        if (timer == null || (line.isEmpty() && drawn.isEmpty())) {
            return;
        }
        err.print("\r" + line + " ".repeat(Math.max(0, drawn.length() - line.length())) + "\r");
        err.flush();
        drawn = line;
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            draw("");
        }
    }
}
