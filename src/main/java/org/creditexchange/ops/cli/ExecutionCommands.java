package org.creditexchange.ops.cli;

import java.util.concurrent.Callable;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.IngestExecutions;
import org.creditexchange.ingest.IngestFailedException;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stop} and {@code restart}: an ingest job execution, named by its id. */
final class ExecutionCommands {

    private ExecutionCommands() {
    }

    /** {@code stop <execution-id>}: the running job stops after its current chunk (from any process on the database). */
    @Command(name = "stop", description = "Stop a running ingest job execution after its current chunk.")
    static final class Stop implements Callable<Integer> {

        @Parameters(paramLabel = "EXECUTION", description = "The job execution id.")
        long executionId;

        @Option(names = "--reason", defaultValue = "stopped by an operator", description = "Why (audit log).")
        String reason;

        @Option(names = "--operator", description = "Who (default: the system user).")
        String operator;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return RecordCommands.inEngine(spec, ctx -> {
                long batch = ctx.getBean(IngestExecutions.class).stop(executionId, RecordCommands.actor(operator), reason);
                spec.commandLine().getOut().println("作业执行 " + executionId + "（批次 " + batch + "）将在当前数据块提交后停止；"
                        + "可用 restart " + executionId + " 从停止处继续。 (execution " + executionId
                        + " stops after its current chunk)");
                return 0;
            });
        }
    }

    /** {@code restart <execution-id>}: a stopped or failed job taken up again from its last committed chunk. */
    @Command(name = "restart", description = "Restart a STOPPED or FAILED ingest job execution from its last committed chunk.")
    static final class Restart implements Callable<Integer> {

        @Parameters(paramLabel = "EXECUTION", description = "The job execution id.")
        long executionId;

        @Option(names = "--reason", defaultValue = "restarted by an operator", description = "Why (audit log).")
        String reason;

        @Option(names = "--operator", description = "Who (default: the system user).")
        String operator;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return RecordCommands.inEngine(spec, ctx -> {
                Batch done;
                int exit = 0;
                try {
                    done = ctx.getBean(IngestExecutions.class).restart(executionId, RecordCommands.actor(operator), reason);
                } catch (IngestFailedException e) {
                    done = ctx.getBean(BatchRepository.class).get(e.batchId());
                    exit = CreditExchangeCommand.EXIT_ENGINE;
                }
                PlatformConfiguration configuration = ctx.getBean(PlatformConfiguration.class);
                String title = configuration.catalog().title(done.itemId());
                spec.commandLine().getOut().println(BatchLine.human(done, done.originalName(), title));
                return exit;
            });
        }
    }
}
