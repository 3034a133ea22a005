package org.creditexchange.ops.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.IntakeService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status}: the recent batches, newest first. */
@Command(name = "status", description = "Show the recent batches.")
final class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--limit", defaultValue = "20", description = "How many batches (default ${DEFAULT-VALUE}).")
    int limit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext ctx = CreditExchangeCommand.startEngine(spec.commandLine().getErr())) {
            if (ctx == null) {
                return CreditExchangeCommand.EXIT_CONFIG;
            }
            List<Batch> recent = ctx.getBean(BatchRepository.class).recent(Math.max(1, limit));
            if (recent.isEmpty()) {
                out.println("尚未接收任何文件。");
                return 0;
            }
            out.printf("%-6s %-19s %-16s %-8s %-14s %-10s %8s %8s %8s %8s  %s%n", "batch", "received", "unit", "channel",
                    "item", "status", "rows", "accepted", "warned", "rejected", "file");
            for (Batch b : recent) {
                out.printf("%-6d %-19s %-16s %-8s %-14s %-10s %8d %8d %8d %8d  %s%n", b.id(),
                        b.receivedAt().atZoneSameInstant(IntakeService.ZONE).format(TIME), b.unitCode(), b.channelId(),
                        b.itemId() == null ? "-" : b.itemId(), b.status(), b.counts().received(), b.counts().accepted(),
                        b.counts().warned(), b.counts().rejected(), IdNumberMasking.maskEmbedded(b.originalName()));
            }
            return 0;
        }
    }
}
