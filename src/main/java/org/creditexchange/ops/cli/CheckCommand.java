package org.creditexchange.ops.cli;

import java.util.concurrent.Callable;
import org.creditexchange.config.ConfigProblem;
import org.creditexchange.config.ConfigurationLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code check}: validates connectors/ and mappings/ and names every mistake with file and line. */
@Command(name = "check", description = "Validate connectors/ and mappings/; exit 0 only when all is well.")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ConfigurationLoader.Result result = new ConfigurationLoader(CreditExchangeCommand.home()).load();
        var out = spec.commandLine().getOut();
        if (result.ok()) {
            var c = result.configuration();
            out.printf("Configuration OK (%s): %d connector(s), %d catalog item(s), %d source mapping(s), %d format(s), "
                            + "%d job(s), %d schedule(s), working-day calendars %s.%n",
                    c.root(), c.connectors().size(), c.catalog().items().size(),
                    c.sourceMappings().values().stream().mapToInt(java.util.Map::size).sum(), c.formats().size(),
                    c.jobs().size(), c.schedules().size(),
                    c.calendar().years().isEmpty() ? "none" : c.calendar().years().toString());
            return 0;
        }
        for (ConfigProblem p : result.problems()) {
            out.println(p);
        }
        out.printf("%d problem(s) found.%n", result.problems().size());
        return CreditExchangeCommand.EXIT_CONFIG;
    }
}
