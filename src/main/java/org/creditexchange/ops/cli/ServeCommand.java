package org.creditexchange.ops.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.creditexchange.ingest.IngestFailedException;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.ingest.StaleExecutions;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.drop.DropRoutes;
import org.creditexchange.schedule.QuartzSchedules;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code serve}: watches every drop folder and fires the schedules of {@code schedules/} until stopped (Ctrl-C or SIGTERM). */
@Command(name = "serve", description = "Run the drop routes and the schedules of schedules/ until stopped.")
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConfigurableApplicationContext ctx = CreditExchangeCommand.startEngine(spec.commandLine().getErr());
        if (ctx == null) {
            return CreditExchangeCommand.EXIT_CONFIG;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ctx.close();
            stopped.countDown();
        }, "cx-shutdown"));
        // Batches a stopped engine left behind are finished first, before new files are taken.
        ctx.getBean(StaleExecutions.class).recover();
        for (Batch b : ctx.getBean(BatchRepository.class).unfinished()) {
            try {
                ctx.getBean(IngestService.class).process(b.id());
            } catch (IngestFailedException e) {
                spec.commandLine().getErr().println("Batch " + b.id() + " failed again: " + e.getMessage()
                        + " (see the log; `resume " + b.id() + "` after fixing the cause)");
            }
        }
        List<String> routes = ctx.getBean(DropRoutes.class).startAll();
        // The scheduler last: a nightly firing missed while down then runs after the routes are up.
        List<String> schedules = ctx.getBean(QuartzSchedules.class).start();
        out.println("Serving " + routes.size() + " drop route(s): " + routes + "; " + schedules.size()
                + " schedule(s): " + schedules + ". Stop with Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }
}
