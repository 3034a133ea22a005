package org.creditexchange.intake.drop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.creditexchange.CxProperties;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.intake.ChannelDefinition;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.DropChannelDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Instantiates the drop route template once per drop channel of every connector. Routes exist only while
 * {@code serve} (or a test) has started them: the other commands never watch folders.
 */
@Component
public class DropRoutes {

    private static final Logger log = LoggerFactory.getLogger(DropRoutes.class);
    /** File names never taken: hidden files, Office lock files (~$…), partial downloads and editor temp files. */
    static final String EXCLUDE = "^(~\\$|\\.|~).*|.*\\.(tmp|part|crdownload|swp|partial)$";

    private final CamelContext camel;
    private final PlatformConfiguration configuration;
    private final CxProperties properties;
    private final List<String> started = new ArrayList<>();

    public DropRoutes(CamelContext camel, PlatformConfiguration configuration, CxProperties properties) {
        this.camel = camel;
        this.configuration = configuration;
        this.properties = properties;
    }

    /** A drop channel's folders. */
    public record Folders(Path inbox, Path done, Path failed) {
    }

    public Folders folders(DropChannelDefinition channel) {
        Path root = properties.resolveData(channel.path());
        return new Folders(root.resolve("inbox"), root.resolve("done"), root.resolve("failed"));
    }

    /** Where processed files carrying refused prohibited data wait to be deleted (hidden: never scanned). */
    static final String PURGE = ".purge";

    private java.util.concurrent.ScheduledExecutorService sweeper;

    /** Creates the folders and starts one route per drop channel; returns the route ids. */
    public synchronized List<String> startAll() throws Exception {
        if (sweeper == null) {
            sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "cx-purge");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(this::purge, 0, 5, java.util.concurrent.TimeUnit.SECONDS);
        }
        for (ConnectorDefinition unit : configuration.allConnectors()) {
            for (ChannelDefinition ch : unit.channels()) {
                if (ch instanceof DropChannelDefinition drop) {
                    String routeId = "drop-" + unit.code() + "-" + drop.id();
                    if (started.contains(routeId)) {
                        continue;
                    }
                    Folders f = folders(drop);
                    createFolders(f);
                    TemplatedRouteBuilder.builder(camel, DropRouteTemplate.TEMPLATE_ID)
                            .routeId(routeId)
                            .parameter("uri", uri(f, drop))
                            .parameter("unit", unit.code())
                            .parameter("channel", drop.id())
                            .add();
                    started.add(routeId);
                    log.info("Watching {} for {} (channel {})", f.inbox(), unit.code(), drop.id());
                }
            }
        }
        return List.copyOf(started);
    }

    /** Deletes what waits in every drop channel's purge folder. */
    void purge() {
        for (ConnectorDefinition unit : configuration.allConnectors()) {
            for (ChannelDefinition ch : unit.channels()) {
                if (ch instanceof DropChannelDefinition drop) {
                    Path dir = properties.resolveData(drop.path()).resolve(PURGE);
                    if (!Files.isDirectory(dir)) {
                        continue;
                    }
                    try (var files = Files.list(dir)) {
                        for (Path p : files.toList()) {
                            Files.deleteIfExists(p);
                            log.info("Deleted a processed file that carried prohibited data ({})", unit.code());
                        }
                    } catch (IOException e) {
                        log.warn("Cannot empty {}: {}", dir, e.getMessage());
                    }
                }
            }
        }
    }

    /** Stops the purge sweeper (the routes stop with the Camel context). */
    @jakarta.annotation.PreDestroy
    synchronized void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
    }

    private static void createFolders(Folders f) throws IOException {
        Files.createDirectories(f.inbox());
        Files.createDirectories(f.done());
        Files.createDirectories(f.failed());
    }

    static String uri(Folders f, DropChannelDefinition drop) {
        long settle = drop.settle().toMillis();
        long check = Math.max(100, Math.min(1000, settle / 2));
        long timeout = Math.max(10_000, settle * 10);
        String stamp = "${date:now:yyyyMMdd}/${file:onlyname.noext}.${date:now:HHmmssSSS}.${file:ext}";
        return "file:" + f.inbox()
                + "?readLock=changed"
                + "&readLockMinAge=" + settle
                + "&readLockCheckInterval=" + check
                + "&readLockTimeout=" + timeout
                + "&delay=" + drop.poll().toMillis()
                + "&initialDelay=" + Math.min(1000, drop.poll().toMillis())
                + "&sortBy=file:modified"
                + "&exclude=RAW(" + EXCLUDE + ")"
                + "&move=RAW(${header." + DropRouteTemplate.MOVE_TO + "})"
                + "&moveFailed=RAW(../failed/" + stamp + ")";
    }
}
