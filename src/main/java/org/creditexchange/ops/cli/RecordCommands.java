package org.creditexchange.ops.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.creditexchange.audit.AccessLog;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.store.Lineage;
import org.creditexchange.store.RecordLifecycle;
import org.creditexchange.store.RecordRef;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands that act on stored records: objections, withdrawals, conflicts, archiving, lineage. */
final class RecordCommands {

    private RecordCommands() {
    }

    /** Runs {@code action} in a started engine; user mistakes (unknown record, wrong state) exit 2 with the reason. */
    static int inEngine(CommandLine.Model.CommandSpec spec, Function<ConfigurableApplicationContext, Integer> action) {
        PrintWriter err = spec.commandLine().getErr();
        try (ConfigurableApplicationContext ctx = CreditExchangeCommand.startEngine(err)) {
            if (ctx == null) {
                return CreditExchangeCommand.EXIT_CONFIG;
            }
            try {
                return action.apply(ctx);
            } catch (IllegalArgumentException | IllegalStateException e) {
                err.println(e.getMessage());
                return CreditExchangeCommand.EXIT_CONFIG;
            }
        }
    }

    static String actor(String operator) {
        return operator == null || operator.isBlank() ? AccessLog.currentUser() : operator;
    }

    @Command(name = "dispute", description = "Mark a record disputed (异议): its disclosure is suspended.")
    static final class Dispute implements Callable<Integer> {
        @Parameters(paramLabel = "RECORD", description = "O-<id> or P-<id>") String record;
        @Option(names = "--reason", required = true) String reason;
        @Option(names = "--operator") String operator;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return inEngine(spec, ctx -> {
                long id = ctx.getBean(RecordLifecycle.class).dispute(RecordRef.parse(record), reason, actor(operator));
                spec.commandLine().getOut().println("记录 " + RecordRef.parse(record) + " 已标记为异议（异议编号 " + id + "），暂停公示。");
                return 0;
            });
        }
    }

    @Command(name = "undispute", description = "End a record's objection: --outcome corrected|confirmed.")
    static final class Undispute implements Callable<Integer> {
        @Parameters(paramLabel = "RECORD") String record;
        @Option(names = "--outcome", required = true) String outcome;
        @Option(names = "--reason", required = true) String reason;
        @Option(names = "--operator") String operator;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return inEngine(spec, ctx -> {
                ctx.getBean(RecordLifecycle.class).undispute(RecordRef.parse(record), outcome, reason, actor(operator));
                spec.commandLine().getOut().println("记录 " + RecordRef.parse(record) + " 的异议已办结（" + outcome + "）。");
                return 0;
            });
        }
    }

    @Command(name = "withdraw", description = "A source withdraws a record it sent (kept as WITHDRAWN).")
    static final class Withdraw implements Callable<Integer> {
        @Parameters(paramLabel = "RECORD") String record;
        @Option(names = "--unit", required = true) String unit;
        @Option(names = "--reason", required = true) String reason;
        @Option(names = "--operator") String operator;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return inEngine(spec, ctx -> {
                ctx.getBean(RecordLifecycle.class).withdraw(RecordRef.parse(record), unit, reason, actor(operator));
                spec.commandLine().getOut().println("记录 " + RecordRef.parse(record) + " 已由 " + unit + " 撤回（保留存档）。");
                return 0;
            });
        }
    }

    @Command(name = "conflicts", description = "List open conflicts between units, oldest first.")
    static final class Conflicts implements Callable<Integer> {
        @Option(names = "--limit", defaultValue = "100", description = "At most this many (default ${DEFAULT-VALUE}).") int limit;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return inEngine(spec, ctx -> {
                List<RecordLifecycle.Conflict> open = ctx.getBean(RecordLifecycle.class).openConflicts();
                PrintWriter out = spec.commandLine().getOut();
                if (open.isEmpty()) {
                    out.println("没有待核实的冲突。");
                }
                for (RecordLifecycle.Conflict c : open.subList(0, Math.min(open.size(), Math.max(1, limit)))) {
                    String prefix = c.store().equals("ORG") ? "O-" : "P-";
                    out.printf("冲突 %d  %s  %s%d（%s） 与 %s%d（%s）  %s%n", c.id(), c.itemId(), prefix, c.recordA(),
                            c.unitA(), prefix, c.recordB(), c.unitB(),
                            c.createdAt().atZoneSameInstant(IntakeService.ZONE).toLocalDateTime().withNano(0));
                }
                if (open.size() > limit) {
                    out.println("……另有 " + (open.size() - limit) + " 条未列出（共 " + open.size() + " 条待核实）。");
                }
                return 0;
            });
        }
    }

    @Command(name = "resolve-conflict", description = "Settle a conflict: the kept unit's record stands.")
    static final class ResolveConflict implements Callable<Integer> {
        @Parameters(paramLabel = "ID") long id;
        @Option(names = "--keep", required = true, description = "The unit whose record is kept.") String keep;
        @Option(names = "--reason", required = true) String reason;
        @Option(names = "--operator") String operator;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return inEngine(spec, ctx -> {
                ctx.getBean(RecordLifecycle.class).resolveConflict(id, keep, reason, actor(operator));
                spec.commandLine().getOut().println("冲突 " + id + " 已办结，保留 " + keep + " 的记录。");
                return 0;
            });
        }
    }

    @Command(name = "archive", description = "Archive records whose disclosure period has ended (kept, not disclosed).")
    static final class Archive implements Callable<Integer> {
        @Option(names = "--date", description = "Today, for a catch-up run (default: today, Asia/Shanghai).") LocalDate date;
        @Option(names = "--operator") String operator;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return inEngine(spec, ctx -> {
                LocalDate today = date == null ? LocalDate.now(IntakeService.ZONE) : date;
                Map<String, Integer> n = ctx.getBean(RecordLifecycle.class).archive(today, actor(operator));
                spec.commandLine().getOut().println("公示期已满转为档案：法人记录 " + n.get("ORG") + " 条，自然人记录 "
                        + n.get("PERSON") + " 条。");
                return 0;
            });
        }
    }

    @Command(name = "trace", description = "Show a record's lineage: every version with batch, file, row and unit.")
    static final class Trace implements Callable<Integer> {
        @Parameters(paramLabel = "RECORD") String record;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return inEngine(spec, ctx -> {
                ctx.getBean(Lineage.class).trace(RecordRef.parse(record)).forEach(spec.commandLine().getOut()::println);
                return 0;
            });
        }
    }
}
