package org.creditexchange.ops.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.config.ConfigProblem;
import org.creditexchange.config.ConfigurationLoader;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command. Engine commands check the configuration first and refuse to start on a broken one. */
@Command(name = "credit-exchange", mixinStandardHelpOptions = true, version = "credit-exchange 0.1.0",
        description = "Batch ETL and data-exchange engine of a public credit information platform.",
        subcommands = {CheckCommand.class, IngestCommand.class, ExportCommand.class, StatusCommand.class,
                ServeCommand.class, DemoCommand.class, TemplateCommand.class, AccessLogCommand.class,
                ImportRegistryCommand.class,
                RecordCommands.Dispute.class, RecordCommands.Undispute.class, RecordCommands.Withdraw.class,
                RecordCommands.Conflicts.class, RecordCommands.ResolveConflict.class, RecordCommands.Archive.class,
                RecordCommands.Trace.class, ResumeCommand.class, RematchCommand.class, RunCommand.class, ReloadCommand.class,
                ExecutionCommands.Stop.class, ExecutionCommands.Restart.class, BenchCommand.class,
                HashPasswordCommand.class})
public final class CreditExchangeCommand implements Runnable {

    /** Exit code for a broken configuration or a usage mistake. */
    public static final int EXIT_CONFIG = 2;
    /** Exit code when the engine itself failed. */
    public static final int EXIT_ENGINE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new CreditExchangeCommand());
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return cli.execute(args);
    }

    /** The configuration root, as the engine will resolve it ({@code CX_HOME}, else the working directory). */
    static Path home() {
        String h = System.getProperty("cx.home", System.getenv("CX_HOME"));
        return Path.of(h == null || h.isBlank() ? "." : h);
    }

    /**
     * Checks the configuration and starts the engine (no web server, no watched folders).
     *
     * @throws CommandLine.ExecutionException never for a broken configuration: that is printed, and null returned
     */
    static ConfigurableApplicationContext startEngine(PrintWriter err, String... properties) {
        return startEngine(err, WebApplicationType.NONE, properties);
    }

    /**
     * Checks the configuration and starts the engine; with {@link WebApplicationType#SERVLET} (only {@code serve})
     * also the REST API and Actuator on {@code server.port}.
     *
     * @param properties default properties ({@code name=value}): every other source overrides them
     * @return the started engine, or null for a broken configuration (printed)
     */
    static ConfigurableApplicationContext startEngine(PrintWriter err, WebApplicationType web, String... properties) {
        ConfigurationLoader.Result result = new ConfigurationLoader(home()).load();
        if (!result.ok()) {
            err.println("The configuration under " + home().toAbsolutePath().normalize() + " has "
                    + result.problems().size() + " problem(s); nothing was run. Fix them (see `check`):");
            for (ConfigProblem p : result.problems()) {
                err.println("  " + p);
            }
            err.flush();
            return null;
        }
        SpringApplicationBuilder engine = new SpringApplicationBuilder(CreditExchangeApplication.class)
                .web(web)
                .logStartupInfo(false)
                .properties(properties);
        if (web == WebApplicationType.NONE) {
            return engine.run();
        }
        // application.properties keeps every other command off the web (web-application-type=none); a command-line
        // argument outranks it.
        return engine.run("--spring.main.web-application-type=" + web.name().toLowerCase(java.util.Locale.ROOT));
    }
}
