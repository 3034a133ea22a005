package org.creditexchange.ops.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.IngestFailedException;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.IntakeService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ingest}: lands and processes files now, as the drop route would, and prints each outcome; at a terminal
 * (and without {@code --json}) a progress bar on standard error shows how far the batch in hand is.
 */
@Command(name = "ingest", description = "Land and process files for a source unit now; print batch, status and counts.")
final class IngestCommand implements Callable<Integer> {

    /** The channel id recorded for files given on the command line. */
    static final String CLI_CHANNEL = "cli";

    @Option(names = "--unit", required = true, description = "Source unit code (connectors/<unit>.yaml).")
    String unit;

    @Option(names = "--json", description = "One JSON object per file per line.")
    boolean json;

    @Option(names = "--dry-run", description = "Check only: read, map, validate and match, write the feedback into "
            + "<data>/dry-run/<unit>/, store nothing.")
    boolean dryRun;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to ingest.")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                err.println("No such file: " + f);
                return CreditExchangeCommand.EXIT_CONFIG;
            }
        }
        try (ConfigurableApplicationContext ctx = CreditExchangeCommand.startEngine(err)) {
            if (ctx == null) {
                return CreditExchangeCommand.EXIT_CONFIG;
            }
            PlatformConfiguration configuration = ctx.getBean(PlatformConfiguration.class);
            if (configuration.connector(unit).isEmpty()) {
                err.println("Unknown unit '" + unit + "': no connectors/" + unit + ".yaml. Known: "
                        + configuration.connectors().keySet());
                return CreditExchangeCommand.EXIT_CONFIG;
            }
            IntakeService intake = ctx.getBean(IntakeService.class);
            IngestService ingest = ctx.getBean(IngestService.class);
            BatchRepository batches = ctx.getBean(BatchRepository.class);
            int exit = 0;
            try (TerminalProgress progress = TerminalProgress.ofIngests(ctx, err, !json)) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    Batch done;
                    try {
                        if (dryRun) {
                            done = ctx.getBean(org.creditexchange.ingest.DryRun.class).run(unit, f, name);
                        } else {
                            Batch received = intake.receive(unit, CLI_CHANNEL, f, name);
                            done = ingest.process(received.id());
                        }
                    } catch (IngestFailedException e) {
                        done = batches.get(e.batchId());
                        exit = CreditExchangeCommand.EXIT_ENGINE;
                    } catch (org.creditexchange.ingest.DryRun.SameAsPendingBatch e) {
                        progress.println(err, IdNumberMasking.maskEmbedded(name) + "：" + e.getMessage());
                        exit = CreditExchangeCommand.EXIT_ENGINE;
                        continue;
                    } catch (Exception e) {
                        progress.println(err, "Engine failure on " + name + ": " + e);
                        exit = CreditExchangeCommand.EXIT_ENGINE;
                        continue;
                    }
                    String title = configuration.catalog().title(done.itemId());
                    progress.println(out, json ? BatchLine.json(done, name)
                            : dryRun ? BatchLine.dryRun(done, name, title) : BatchLine.human(done, name, title));
                }
            }
            return exit;
        }
    }
}
