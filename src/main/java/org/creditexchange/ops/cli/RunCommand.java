package org.creditexchange.ops.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.creditexchange.schedule.JobRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code run <job> [key=value…]}: runs a job of {@code jobs/} now and prints each step's summary; exit 1 when a step
 * failed, 2 when a parameter is not of the form key=value. At a terminal a progress bar on standard error shows the
 * batch being processed, if any.
 */
@Command(name = "run", description = "Run a job of jobs/ now (e.g. run nightly, run assessment month=2026-10); "
        + "exit 0 only when every step succeeded.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB", description = "the job id: the name of a file in jobs/ without .yaml")
    String job;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", arity = "0..*",
            description = "parameters for every step of this run, e.g. month=2026-10 or units=sample-tax")
    java.util.List<String> params = new java.util.ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        java.util.Map<String, String> runParams = new java.util.TreeMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                spec.commandLine().getErr().println("参数格式应为 键=值，例如 month=2026-10：" + p
                        + " (parameters are key=value)");
                return CreditExchangeCommand.EXIT_CONFIG;
            }
            runParams.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        return RecordCommands.inEngine(spec, ctx -> {
            PrintWriter out = spec.commandLine().getOut();
            JobRunner.Run run;
            try (TerminalProgress progress = TerminalProgress.ofIngests(ctx, spec.commandLine().getErr(), true)) {
                run = ctx.getBean(JobRunner.class).run(job, runParams);
            }
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
