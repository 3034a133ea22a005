package org.creditexchange.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.support.EmbeddedPostgresDatabase;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two engines sharing one PostgreSQL: two application contexts of the real engine, each with its own clustered Quartz
 * scheduler (JDBC job store, PostgreSQL delegate, instance id AUTO), both started as {@code serve} starts them. A
 * trigger fires every second a job of {@code jobs/} whose step ({@code archive}) runs through the real
 * {@link JobRunner}; each node's listener records, for every firing it ran, the scheduled fire time and the run.
 *
 * <p>Both contexts live in one JVM, where Quartz keeps one connection provider per scheduler name: the node started
 * last serves both job stores' connections. The nodes still have separate job stores, instance ids, cluster check-ins
 * and scheduler threads, and they exclude each other only through the database's row locks, as separate processes
 * do. The first node is therefore closed last.
 */
class PostgresClusteredQuartzIntegrationTests {

    static final String URL = EmbeddedPostgresDatabase.newDatabaseUrl();
    static final TestHome HOME = withTickEverySecond(TestHome.create());
    static final TriggerKey TICK = TriggerKey.triggerKey("tick", QuartzSchedules.GROUP);
    /** Firings to wait for once both nodes run: several, each competed for by both. */
    static final int FIRINGS_WITH_BOTH = 4;

    static TestHome withTickEverySecond(TestHome home) {
        try {
            Files.createDirectories(home.home().resolve("jobs"));
            Files.createDirectories(home.home().resolve("schedules"));
            Files.writeString(home.home().resolve("jobs/tick.yaml"),
                    "id: tick\ntitle: 每秒转档案\nsteps:\n  - type: archive\n");
            Files.writeString(home.home().resolve("schedules/tick.yaml"),
                    "id: tick\njob: tick\ncron: \"*/2 * * * * ?\"\nmisfire: skip\nparams: {note: clustered}\n");
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void twoNodesSharingOneDatabaseRunEveryFiringOnceAndBothCheckIn() throws Exception {
        Queue<Firing> firings = new ConcurrentLinkedQueue<>();
        boolean clustered;
        List<String> registered;
        Date storedStart;
        Date startAfterSecondNode;
        List<String> checkedIn;
        String instanceA;
        String instanceB;
        try (Node a = Node.start("node-a", firings)) {
            clustered = a.scheduler().getMetaData().isJobStoreClustered();
            registered = a.schedules().start();
            storedStart = a.scheduler().getTrigger(TICK).getStartTime();
            try (Node b = Node.start("node-b", firings)) {
                b.schedules().start();
                startAfterSecondNode = a.scheduler().getTrigger(TICK).getStartTime();
                int beforeBoth = firings.size();

                await().atMost(Duration.ofSeconds(30)).until(() -> firings.size() >= beforeBoth + FIRINGS_WITH_BOTH);

                checkedIn = new JdbcTemplate(a.context().getBean(DataSource.class)).queryForList(
                        "SELECT instance_name FROM qrtz_scheduler_state WHERE sched_name = 'credit-exchange'",
                        String.class);
                instanceA = a.scheduler().getSchedulerInstanceId();
                instanceB = b.scheduler().getSchedulerInstanceId();
                // Stop firing, waiting for a running firing to finish, before counting.
                a.scheduler().shutdown(true);
                b.scheduler().shutdown(true);
            }
        }

        Map<Instant, List<Firing>> byFireTime = firings.stream()
                .collect(Collectors.groupingBy(Firing::scheduledAt));
        assertThat(byFireTime.values()).as("firings per scheduled fire time, across both nodes")
                .allSatisfy(sameTime -> assertThat(sameTime).hasSize(1));
        assertThat(firings).allSatisfy(f -> {
            assertThat(f.instance()).isIn(instanceA, instanceB);
            assertThat(f.run()).as("the job ran through the job runner").isNotNull();
            assertThat(f.run().job()).isEqualTo("tick");
            assertThat(f.run().steps()).extracting(JobRunner.StepResult::type, JobRunner.StepResult::ok)
                    .containsExactly(tuple("archive", true));
        });
        assertThat(clustered).as("the job store is clustered").isTrue();
        assertThat(instanceA).isNotEqualTo(instanceB);
        assertThat(checkedIn).as("both nodes are registered in the cluster").containsExactlyInAnyOrder(instanceA, instanceB);
        assertThat(registered).singleElement().asString().startsWith("tick (job tick").contains("params {note=clustered}");
        assertThat(startAfterSecondNode).as("the second node leaves the stored, unchanged trigger as it is")
                .isEqualTo(storedStart);
    }

    /** One firing a node ran: its scheduler instance, the scheduled fire time, and the job run (null if none). */
    record Firing(String instance, Instant scheduledAt, JobRunner.Run run) {

        @Override
        public String toString() {
            return scheduledAt + " on " + instance + (run == null ? ": nothing run" : ": " + run.job() + " "
                    + run.steps().stream().map(s -> s.type() + (s.ok() ? " ok" : " FAILED")).toList());
        }
    }

    /** One engine: the real application on the shared database, with a data directory of its own. */
    record Node(ConfigurableApplicationContext context) implements AutoCloseable {

        static Node start(String name, Queue<Firing> firings) throws SchedulerException {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(CreditExchangeApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run("--cx.home=" + HOME.home(), "--cx.data-dir=" + HOME.data().resolve(name),
                            "--spring.datasource.url=" + URL, "--spring.datasource.username=postgres",
                            "--spring.datasource.password=",
                            // Look for due triggers every second (the least Quartz allows) instead of every half
                            // minute, so that both nodes compete for every firing.
                            "--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000");
            Node node = new Node(context);
            node.scheduler().getListenerManager().addJobListener(new Recorder(name, firings),
                    GroupMatcher.jobGroupEquals(QuartzSchedules.GROUP));
            return node;
        }

        Scheduler scheduler() {
            return context.getBean(Scheduler.class);
        }

        QuartzSchedules schedules() {
            return context.getBean(QuartzSchedules.class);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** Records every firing its node ran, with the run {@link ScheduledJob} left as the firing's result. */
    static final class Recorder extends JobListenerSupport {

        private final String name;
        private final Queue<Firing> firings;

        Recorder(String name, Queue<Firing> firings) {
            this.name = name;
            this.firings = firings;
        }

        @Override
        public String getName() {
            return "recorder-" + name;
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException jobException) {
            try {
                firings.add(new Firing(context.getScheduler().getSchedulerInstanceId(),
                        context.getScheduledFireTime().toInstant(), (JobRunner.Run) context.getResult()));
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
