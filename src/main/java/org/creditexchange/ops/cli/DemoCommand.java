package org.creditexchange.ops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditexchange.CxProperties;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.DropChannelDefinition;
import org.creditexchange.intake.drop.DropRoutes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the main job on the embedded default, for a newcomer. Copies the shipped sample spreadsheets into
 * the sample unit's drop folder, runs the drop route until every file has been processed, and says where to look.
 */
@Command(name = "demo", description = "Drop the shipped sample spreadsheets into sample-market's inbox and process them.")
final class DemoCommand implements Callable<Integer> {

    static final String UNIT = "sample-market";

    @Option(names = "--timeout", defaultValue = "180", description = "Give up after this many seconds (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext ctx = CreditExchangeCommand.startEngine(spec.commandLine().getErr())) {
            if (ctx == null) {
                return CreditExchangeCommand.EXIT_CONFIG;
            }
            PlatformConfiguration configuration = ctx.getBean(PlatformConfiguration.class);
            DropChannelDefinition drop = configuration.connector(UNIT).stream()
                    .flatMap(c -> c.channels().stream())
                    .filter(c -> c instanceof DropChannelDefinition).map(c -> (DropChannelDefinition) c)
                    .findFirst().orElse(null);
            if (drop == null) {
                spec.commandLine().getErr().println("connectors/" + UNIT + ".yaml with a drop channel is needed for the demo.");
                return CreditExchangeCommand.EXIT_CONFIG;
            }
            DropRoutes routes = ctx.getBean(DropRoutes.class);
            BatchRepository batches = ctx.getBean(BatchRepository.class);
            long before = batches.recent(1).stream().mapToLong(Batch::id).max().orElse(0);
            DropRoutes.Folders folders = routes.folders(drop);
            Files.createDirectories(folders.inbox());
            List<String> samples = copySamples(folders.inbox());
            out.println("示例文件已放入 " + folders.inbox() + "：" + samples);
            out.flush();
            routes.startAll();
            long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
            List<Batch> seen;
            while (true) {
                seen = batches.recent(samples.size() + 50).stream()
                        .filter(b -> b.id() > before && b.unitCode().equals(UNIT))
                        .filter(b -> b.status() != BatchStatus.RECEIVED && b.status() != BatchStatus.PROCESSING)
                        .filter(b -> b.feedbackPath() != null || b.status() == BatchStatus.FAILED)
                        .toList();
                if (seen.size() >= samples.size() || System.currentTimeMillis() > deadline) {
                    break;
                }
                Thread.sleep(500);
            }
            out.println();
            List<Batch> inOrder = new ArrayList<>(seen);
            java.util.Collections.reverse(inOrder);
            for (Batch b : inOrder) {
                String title = configuration.catalog().title(b.itemId());
                out.println(BatchLine.human(b, b.originalName(), title));
            }
            out.println();
            CxProperties props = ctx.getBean(CxProperties.class);
            out.println("已处理 " + seen.size() + " / " + samples.size() + " 个文件。可查看：");
            out.println("  反馈工作簿与回执： " + ctx.getBean(org.creditexchange.feedback.FeedbackService.class)
                    .feedbackFolder(configuration.connector(UNIT).orElseThrow()));
            out.println("  已处理的原文件：   " + folders.done());
            out.println("  入库数据：         java -jar target/credit-exchange.jar export --item admin-penalty");
            out.println("  批次一览：         java -jar target/credit-exchange.jar status");
            out.println("  日志：             " + props.dataDir().resolve("logs"));
            return seen.size() >= samples.size() ? 0 : CreditExchangeCommand.EXIT_ENGINE;
        }
    }

    private static List<String> copySamples(Path inbox) throws IOException {
        List<String> names = new ArrayList<>();
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:samples/" + UNIT + "/*");
        for (Resource r : resources) {
            String name = r.getFilename();
            if (name == null || name.startsWith(".")) {
                continue;
            }
            try (InputStream in = r.getInputStream()) {
                Files.copy(in, inbox.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            names.add(name);
        }
        names.sort(null);
        return names;
    }
}
