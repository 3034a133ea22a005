package org.creditexchange.ops.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.IntakeService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status}: the recent batches, newest first, and the remote channels: when each was last reached. */
@Command(name = "status", description = "Show the recent batches and the front-end channels' last contact.")
final class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--limit", defaultValue = "20", description = "How many batches (default ${DEFAULT-VALUE}).")
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
            running(ctx, out);
            schedules(ctx, out);
            channels(ctx, out);
            List<Batch> recent = ctx.getBean(BatchRepository.class).recent(Math.max(1, limit));
            if (recent.isEmpty()) {
                out.println("尚未接收任何文件。");
                return 0;
            }
            out.printf("%-6s %-19s %-16s %-8s %-14s %-10s %8s %8s %8s %8s  %s%n", "batch", "received", "unit", "channel",
                    "item", "status", "rows", "accepted", "warned", "rejected", "file");
            for (Batch b : recent) {
                out.printf("%-6d %-19s %-16s %-8s %-14s %-10s %8d %8d %8d %8d  %s%n", b.id(),
                        b.receivedAt().atZoneSameInstant(IntakeService.ZONE).format(TIME), b.unitCode(), b.channelId(),
                        b.itemId() == null ? "-" : b.itemId(), b.status(), b.counts().received(), b.counts().accepted(),
                        b.counts().warned(), b.counts().rejected(), IdNumberMasking.maskEmbedded(b.originalName()));
            }
            return 0;
        }
    }

    /**
     * The ingest jobs running now (in any process on this database): batch, step, rows committed, rate, the share of
     * the file read and the time left reading it.
     */
    private static void running(ConfigurableApplicationContext ctx, PrintWriter out) {
        List<org.creditexchange.ingest.RunningIngests.Running> running =
                ctx.getBean(org.creditexchange.ingest.RunningIngests.class).now();
        if (running.isEmpty()) {
            return;
        }
        out.println("正在处理 (running):");
        for (org.creditexchange.ingest.RunningIngests.Running r : running) {
            out.printf("  执行 %d  批次 %d  步骤 %s  已提交 %,d 行  %,.0f 行/秒  已用 %d 秒  %s  (stop %d / restart %d)%n",
                    r.executionId(), r.batchId(), r.step(), r.rowsDone(), r.rowsPerSecond(), r.elapsed().toSeconds(),
                    progress(r), r.executionId(), r.executionId());
        }
        out.println();
    }

    /**
     * How far a running job has read its file, in the words of the rest of its line: {@code 已读 73%，剩余约 2 分 10 秒};
     * {@code 文件已读完} past the stage step (the steps after it have no estimate); {@code 进度未知} without an estimate.
     */
    static String progress(org.creditexchange.ingest.RunningIngests.Running r) {
        if (r.percent() == null) {
            return "进度未知";
        }
        if (r.percent() >= 100) {
            return "文件已读完";
        }
        String read = "已读 " + (int) Math.floor(r.percent()) + "%";
        return r.remaining() == null ? read + "，剩余时间未知" : read + "，剩余约 " + duration(r.remaining());
    }

    /** {@code 1 小时 05 分}, {@code 2 分 10 秒}, {@code 9 秒}. */
    static String duration(Duration d) {
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (s >= 3600) {
            return String.format("%d 小时 %02d 分", s / 3600, s % 3600 / 60);
        }
        return s >= 60 ? String.format("%d 分 %02d 秒", s / 60, s % 60) : s + " 秒";
    }

    /** Each schedule of schedules/ and when it fires next (from the job store). */
    private static void schedules(ConfigurableApplicationContext ctx, PrintWriter out) {
        org.creditexchange.config.PlatformConfiguration configuration =
                ctx.getBean(org.creditexchange.config.PlatformConfiguration.class);
        if (configuration.schedules().isEmpty()) {
            return;
        }
        org.creditexchange.schedule.QuartzSchedules quartz = ctx.getBean(org.creditexchange.schedule.QuartzSchedules.class);
        out.println("定时作业 (schedules):");
        configuration.schedules().values().forEach(s -> out.printf("  %-20s 作业 %-12s %s  下次 %s%n", s.id(), s.job(),
                s.cron(), quartz.nextFire(s.id()).map(t -> t.format(TIME)).orElse("未登记（serve 启动后生效）")));
        out.println();
    }

    /** One line per remote channel: its last contact, and since when it has been failing. */
    private static void channels(ConfigurableApplicationContext ctx, PrintWriter out) {
        org.creditexchange.config.PlatformConfiguration configuration =
                ctx.getBean(org.creditexchange.config.PlatformConfiguration.class);
        org.creditexchange.intake.collect.ChannelContacts contacts =
                ctx.getBean(org.creditexchange.intake.collect.ChannelContacts.class);
        org.creditexchange.feedback.FeedbackDeliveries deliveries =
                ctx.getBean(org.creditexchange.feedback.FeedbackDeliveries.class);
        boolean header = false;
        for (org.creditexchange.intake.ConnectorDefinition unit : configuration.connectors().values()) {
            for (org.creditexchange.intake.ChannelDefinition ch : unit.channels()) {
                if (!ch.remote()) {
                    continue;
                }
                if (!header) {
                    out.println("前置机通道 (front-end channels):");
                    header = true;
                }
                String state = contacts.state(unit.code(), ch.id()).map(s -> s.lastOk()
                        ? "正常，最近连接 " + s.lastAttempt().atZoneSameInstant(IntakeService.ZONE).format(TIME)
                        : "失败 " + s.failuresSince() + " 次，最近成功 " + (s.lastSuccess() == null ? "从未"
                                : s.lastSuccess().atZoneSameInstant(IntakeService.ZONE).format(TIME)) + "：" + s.lastMessage())
                        .orElse("尚未采集");
                int pending = deliveries.pendingFor(unit.code());
                out.printf("  %-16s %-10s %s%s%n", unit.code(), ch.id(), state,
                        pending > 0 ? "；待补发反馈 " + pending : "");
            }
        }
        if (header) {
            out.println();
        }
    }
}
