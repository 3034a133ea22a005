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

    /** Creates the folders and starts one route per drop channel; returns the route ids. */
    public synchronized List<String> startAll() throws Exception {
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
                + "&move=RAW(../done/" + stamp + ")"
                + "&moveFailed=RAW(../failed/" + stamp + ")";
    }
}
