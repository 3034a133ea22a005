package org.creditexchange.ops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.template.XlsxTemplateWriter;
import org.creditexchange.config.ConfigProblem;
import org.creditexchange.config.ConfigurationLoader;
import org.creditexchange.config.PlatformConfiguration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code template <item> [--out FILE]}: writes the clerk's XLSX template of a catalog item. Needs only the
 * configuration, so the engine (Spring, the database) is not started.
 */
@Command(name = "template", description = "Write the clerk's XLSX template (报送模板) of a catalog item.")
final class TemplateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<item>", description = "Catalog item id, e.g. admin-penalty.")
    String item;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output file (default: <item title>-报送模板.xlsx in the working directory).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ConfigurationLoader.Result result = new ConfigurationLoader(CreditExchangeCommand.home()).load();
        if (!result.ok()) {
            err.println("The configuration under " + CreditExchangeCommand.home().toAbsolutePath().normalize()
                    + " has " + result.problems().size() + " problem(s); nothing was run. Fix them (see `check`):");
            for (ConfigProblem p : result.problems()) {
                err.println("  " + p);
            }
            err.flush();
            return CreditExchangeCommand.EXIT_CONFIG;
        }
        PlatformConfiguration configuration = result.configuration();
        CatalogItemDefinition definition = configuration.catalog().item(item).orElse(null);
        if (definition == null) {
            err.println("未知的目录信息项“" + item + "”。已知：" + configuration.catalog().items().stream()
                    .map(i -> i.id() + "（" + i.title() + "）").collect(Collectors.joining("、")));
            err.flush();
            return CreditExchangeCommand.EXIT_CONFIG;
        }
        Path file = out != null ? out : Path.of(XlsxTemplateWriter.defaultFileName(definition));
        Path written = new XlsxTemplateWriter(configuration.catalog()).write(definition, file);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("已生成“" + definition.title() + "”报送模板：" + written);
        stdout.flush();
        return 0;
    }
}
