package org.creditexchange.ops.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.IngestFailedException;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.IntakeService;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reload --batch <id> | --unit <code> --from <date> --to <date>}: processes landed batches again with today's
 * configuration (after a mapping or code list was fixed). Each reload is written to the audit log; each batch gets a
 * new feedback; the store keeps one record per key (unchanged rows write nothing, changed ones a new version).
 */
@Command(name = "reload", description = "Process landed batches again with today's configuration (DONE or REJECTED ones).")
final class ReloadCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--batch", description = "One batch.")
        Long batch;

        @ArgGroup(exclusive = false)
        Range range;
    }

    static final class Range {
        @Option(names = "--unit", required = true, description = "The unit whose batches are reloaded.")
        String unit;

        @Option(names = "--from", required = true, description = "First day of receipt (YYYY-MM-DD, Beijing time).")
        LocalDate from;

        @Option(names = "--to", required = true, description = "Last day of receipt, included.")
        LocalDate to;
    }

    @Option(names = "--reason", defaultValue = "reload after a configuration change",
            description = "Why (written to the audit log; default: ${DEFAULT-VALUE}).")
    String reason;

    @Option(names = "--operator", description = "Who reloads (default: the system user).")
    String operator;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (target.range != null && target.range.to.isBefore(target.range.from)) {
            spec.commandLine().getErr().println("--to 不能早于 --from (--to is before --from)");
            return CreditExchangeCommand.EXIT_CONFIG;
        }
        return RecordCommands.inEngine(spec, ctx -> {
            BatchRepository batches = ctx.getBean(BatchRepository.class);
            IngestService ingest = ctx.getBean(IngestService.class);
            PlatformConfiguration configuration = ctx.getBean(PlatformConfiguration.class);
            PrintWriter out = spec.commandLine().getOut();
            List<Batch> chosen;
            if (target.batch != null) {
                chosen = List.of(batches.get(target.batch));
            } else {
                if (configuration.connector(target.range.unit).isEmpty()) {
                    throw new IllegalArgumentException("unknown unit '" + target.range.unit + "'");
                }
                chosen = batches.finished(target.range.unit,
                        target.range.from.atStartOfDay(IntakeService.ZONE).toOffsetDateTime(),
                        target.range.to.plusDays(1).atStartOfDay(IntakeService.ZONE).toOffsetDateTime());
                out.println("重新处理 " + chosen.size() + " 个批次 (reloading " + chosen.size() + " batches)");
            }
            String actor = RecordCommands.actor(operator);
            int exit = 0;
            for (Batch b : chosen) {
                Batch done;
                try {
                    done = ingest.reload(b.id(), actor, reason);
                } catch (IngestFailedException e) {
                    done = batches.get(b.id());
                    exit = CreditExchangeCommand.EXIT_ENGINE;
                }
                String title = configuration.catalog().title(done.itemId());
                out.println(BatchLine.human(done, done.originalName(), title));
            }
            return exit;
        });
    }
}
