package org.creditexchange.ops.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.creditexchange.audit.AccessLog;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.store.RecordExport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export}: the records of one catalog item in the store, as UTF-8 CSV (ID numbers masked). */
@Command(name = "export", description = "Export the stored records of one catalog item as UTF-8 CSV (ID numbers masked).")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--item", required = true, description = "Catalog item id, e.g. admin-penalty.")
    String item;

    @Option(names = "--unit", description = "Only records last sent by this unit.")
    String unit;

    @Option(names = "--out", description = "Output file (default: standard output).")
    Path out;

    @Option(names = "--unmasked", description = "Personal ID numbers in clear (needs --reason; written to the access log).")
    boolean unmasked;

    @Option(names = "--reason", description = "Why personal data is read in clear (required with --unmasked).")
    String reason;

    @Option(names = "--operator", description = "Who reads (default: the operating-system user).")
    String operator;

    @Option(names = "--public", description = "Only what may be disclosed today: a public item's current records, "
            + "not disputed, held, archived or in an open conflict.")
    boolean publicOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (unmasked && publicOnly) {
            err.println("公示数据不得包含明文身份证号码：--public 与 --unmasked 不能同时使用。");
            return CreditExchangeCommand.EXIT_CONFIG;
        }
        if (unmasked && (reason == null || reason.isBlank())) {
            err.println("导出明文身份证号码须用 --reason 说明理由（将记入访问日志）。");
            return CreditExchangeCommand.EXIT_CONFIG;
        }
        try (ConfigurableApplicationContext ctx = CreditExchangeCommand.startEngine(err)) {
            if (ctx == null) {
                return CreditExchangeCommand.EXIT_CONFIG;
            }
            PlatformConfiguration configuration = ctx.getBean(PlatformConfiguration.class);
            CatalogItemDefinition definition = configuration.catalog().item(item).orElse(null);
            if (definition == null) {
                err.println("Unknown catalog item '" + item + "'. Known: "
                        + configuration.catalog().items().stream().map(CatalogItemDefinition::id).toList());
                return CreditExchangeCommand.EXIT_CONFIG;
            }
            if (publicOnly && !"公开".equals(definition.disclosure())) {
                err.println("“" + definition.title() + "”的公开属性为“" + definition.disclosure() + "”，不对社会公示。");
                return CreditExchangeCommand.EXIT_CONFIG;
            }
            java.time.LocalDate today = publicOnly ? java.time.LocalDate.now(org.creditexchange.intake.IntakeService.ZONE) : null;
            RecordExport export = ctx.getBean(RecordExport.class);
            if (unmasked) {
                String actor = RecordCommands.actor(operator);
                ctx.getBean(AccessLog.class).record(actor, "EXPORT_UNMASKED",
                        "item=" + item + (unit == null ? "" : " unit=" + unit), reason,
                        export.count(definition, unit) + " records to " + (out == null ? "standard output" : out.toAbsolutePath()));
            }
            long n;
            if (out == null) {
                Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                n = export.write(definition, unit, w, unmasked, today);
                w.flush();
            } else {
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    n = export.write(definition, unit, w, unmasked, today);
                }
            }
            err.println("已导出 " + n + " 条“" + definition.title() + "”记录" + (out == null ? "。" : "到 " + out + "。"));
            return 0;
        }
    }
}
