package org.creditexchange.ops.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.creditexchange.ingest.IngestFailedException;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.ingest.StaleExecutions;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.drop.DropRoutes;
import org.creditexchange.ops.api.ApiUsers;
import org.creditexchange.ops.api.UsersFileException;
import org.creditexchange.ops.api.WebDefaults;
import org.creditexchange.schedule.QuartzSchedules;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code serve}: the REST API and Actuator on {@code server.port} (default 8080), every drop folder watched and the
 * schedules of {@code schedules/} fired, until stopped (Ctrl-C or SIGTERM). Refuses to start (exit 2) on a broken
 * configuration or users file.
 */
@Command(name = "serve", description = "Run the REST API (server.port, default 8080), the drop routes and the "
        + "schedules of schedules/ until stopped.")
final class ServeCommand implements Callable<Integer> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ServeCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--port", description = "HTTP port (server.port; default 8080, 0 for any free one).")
    Integer port;

    @CommandLine.Option(names = "--address", description = "Address to listen on (server.address), e.g. 127.0.0.1.")
    String address;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // System properties outrank application.properties and the environment's defaults.
        if (port != null) {
            System.setProperty("server.port", String.valueOf(port));
        }
        if (address != null) {
            System.setProperty("server.address", address);
        }
        // In a web application Spring binds a relative path against the servlet container's document root (a
        // temporary folder), not the working directory: the configuration root and the data directory are made
        // absolute here, as every other command sees them.
        absolute("cx.home", "CX_HOME", ".");
        absolute("cx.data-dir", "CX_DATA_DIR", "data");
        ConfigurableApplicationContext ctx;
        try {
            ctx = CreditExchangeCommand.startEngine(err, WebApplicationType.SERVLET, properties());
        } catch (RuntimeException e) {
            UsersFileException users = usersFileProblem(e);
            if (users == null) {
                log.error("The engine could not start: {}", e.getMessage(), e);
                return CreditExchangeCommand.EXIT_ENGINE;
            }
            // An operator's mistake: the problems, not a stack trace.
            err.println(users.getMessage());
            err.flush();
            return CreditExchangeCommand.EXIT_CONFIG;
        }
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
                err.println("Batch " + b.id() + " failed again: " + e.getMessage()
                        + " (see the log; `resume " + b.id() + "` after fixing the cause)");
            }
        }
        List<String> routes = ctx.getBean(DropRoutes.class).startAll();
        // The scheduler last: a nightly firing missed while down then runs after the routes are up.
        List<String> schedules = ctx.getBean(QuartzSchedules.class).start();
        out.println("Serving " + routes.size() + " drop route(s): " + routes + "; " + schedules.size()
                + " schedule(s): " + schedules + "; " + api(ctx) + ". Stop with Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }

    /**
     * The web defaults, and Spring's own report of a failed start silenced: this command reports it (the users file's
     * problems as a list, any other failure once with its stack trace).
     */
    private static void absolute(String property, String environment, String otherwise) {
        String value = System.getProperty(property, System.getenv(environment));
        Path path = Path.of(value == null || value.isBlank() ? otherwise : value);
        System.setProperty(property, path.toAbsolutePath().normalize().toString());
    }

    private static String[] properties() {
        java.util.List<String> p = new java.util.ArrayList<>(java.util.List.of(WebDefaults.asArguments()));
        p.add("logging.level.org.springframework.boot.SpringApplication=OFF");
        p.add("logging.level.org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext=ERROR");
        return p.toArray(String[]::new);
    }

    private static String api(ConfigurableApplicationContext ctx) {
        if (!(ctx instanceof WebServerApplicationContext web)) {
            return "no REST API";
        }
        String address = ctx.getEnvironment().getProperty("server.address", "all addresses");
        return "REST API on port " + web.getWebServer().getPort() + " (" + address + ", "
                + ctx.getBean(ApiUsers.class).size() + " user(s)), health at /actuator/health";
    }

    /** The users file problem that stopped the start, if that is what did. */
    private static UsersFileException usersFileProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UsersFileException u) {
                return u;
            }
        }
        return null;
    }
}
