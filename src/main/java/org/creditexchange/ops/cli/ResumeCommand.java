package org.creditexchange.ops.cli;

import java.util.concurrent.Callable;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.IngestFailedException;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.ingest.StaleExecutions;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code resume <batch>}: finishes a batch that failed or was left unfinished by a stopped engine, restarting its
 * job from the last committed chunk.
 */
@Command(name = "resume", description = "Finish a FAILED or unfinished batch from where its job stopped.")
final class ResumeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "BATCH", description = "The batch id (see status).")
    long batchId;

    @Option(names = "--abandon-running", description = "The batch's job is marked running but no engine runs it "
            + "(it was killed): mark it failed first.")
    boolean abandonRunning;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return RecordCommands.inEngine(spec, ctx -> {
            BatchRepository batches = ctx.getBean(BatchRepository.class);
            Batch batch = batches.get(batchId);
            if (batch.status() == BatchStatus.PROCESSING || batch.status() == BatchStatus.RECEIVED) {
                if (!abandonRunning) {
                    throw new IllegalStateException("batch " + batchId + " is " + batch.status() + ": if no engine "
                            + "runs it any more (it was killed), run again with --abandon-running");
                }
                // Only this batch's executions: another engine's running jobs are not ours to fail.
                ctx.getBean(StaleExecutions.class).recover(batchId);
            } else if (batch.status() != BatchStatus.FAILED) {
                throw new IllegalStateException("batch " + batchId + " is " + batch.status() + ": nothing to resume");
            }
            Batch done;
            int exit = 0;
            try {
                done = ctx.getBean(IngestService.class).process(batchId);
            } catch (IngestFailedException e) {
                done = batches.get(batchId);
                exit = CreditExchangeCommand.EXIT_ENGINE;
            }
            PlatformConfiguration configuration = ctx.getBean(PlatformConfiguration.class);
            String title = configuration.catalog().title(done.itemId());
            spec.commandLine().getOut().println(BatchLine.human(done, done.originalName(), title));
            return exit;
        });
    }
}
