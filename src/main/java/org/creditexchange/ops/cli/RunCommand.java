package org.creditexchange.ops.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.creditexchange.schedule.JobRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code run <job>}: runs a job of {@code jobs/} now and prints each step's summary; exit 1 when a step failed. */
@Command(name = "run", description = "Run a job of jobs/ now (e.g. run nightly); exit 0 only when every step succeeded.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "JOB", description = "the job id: the name of a file in jobs/ without .yaml")
    String job;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return RecordCommands.inEngine(spec, ctx -> {
            PrintWriter out = spec.commandLine().getOut();
            JobRunner.Run run = ctx.getBean(JobRunner.class).run(job);
            for (JobRunner.StepResult step : run.steps()) {
                out.println((step.ok() ? "[ok]     " : "[FAILED] ") + step.type() + ": " + step.summary());
            }
            out.println("作业 " + run.job() + (run.ok() ? " 完成" : " 有失败的步骤") + " (job " + run.job()
                    + (run.ok() ? " finished" : " finished with failures") + ", " + run.today() + ")");
            out.flush();
            return run.ok() ? 0 : CreditExchangeCommand.EXIT_ENGINE;
        });
    }
}
