package org.creditexchange.ops.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditexchange.audit.AccessLog;
import org.creditexchange.intake.IntakeService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code access-log}: the access log, newest first: every read of personal data in clear, who, when, what, why. */
@Command(name = "access-log", description = "List the access log (reads of personal data in clear), newest first.")
final class AccessLogCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--limit", defaultValue = "50", description = "How many entries (default ${DEFAULT-VALUE}).")
    int limit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext ctx = CreditExchangeCommand.startEngine(spec.commandLine().getErr())) {
            if (ctx == null) {
                return CreditExchangeCommand.EXIT_CONFIG;
            }
            List<AccessLog.Entry> entries = ctx.getBean(AccessLog.class).recent(limit);
            if (entries.isEmpty()) {
                out.println("访问日志为空。");
                return 0;
            }
            for (AccessLog.Entry e : entries) {
                out.printf("%d  %s  %s@%s  %s  %s  理由：%s  %s%n", e.id(),
                        e.at().atZoneSameInstant(IntakeService.ZONE).format(TIME), e.actor(), e.host(), e.action(),
                        e.target(), e.reason(), e.details());
            }
            return 0;
        }
    }
}
