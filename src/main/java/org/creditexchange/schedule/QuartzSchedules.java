package org.creditexchange.schedule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import org.creditexchange.config.PlatformConfiguration;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the triggers of {@code schedules/} into the Quartz job store and starts the scheduler (only {@code serve}
 * does). Triggers of schedules that were removed from the folder are removed from the store; changed ones (cron,
 * zone, misfire, job) are replaced. An unchanged trigger is left as stored: replacing it would compute its next
 * firing afresh, so a firing missed while every node was down would be forgotten instead of handled by its misfire
 * policy, and a node joining a running cluster could fire again what another node has just fired.
 *
 * <p>The store is updated in one transaction, under Quartz's trigger lock, so nodes starting together do not
 * store the same trigger twice. The schedule's other settings (working days only, params) are not stored: each
 * firing reads them from the node's configuration.
 */
@Component
public class QuartzSchedules {

    /** The Quartz group of every trigger and job detail this platform owns. */
    static final String GROUP = "cx";

    private static final Logger log = LoggerFactory.getLogger(QuartzSchedules.class);

    private final Scheduler scheduler;
    private final PlatformConfiguration configuration;
    private final TransactionTemplate transaction;

    public QuartzSchedules(Scheduler scheduler, PlatformConfiguration configuration,
                           PlatformTransactionManager transactions) {
        this.scheduler = scheduler;
        this.configuration = configuration;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Registers every schedule and starts the scheduler; returns the schedule ids with their next firing. */
    /**
     * When schedule {@code id} fires next, as stored in the job store (also while this process does not run the
     * scheduler: another node or {@code serve} may); empty when it was never stored (no {@code serve} started yet).
     */
    public java.util.Optional<java.time.ZonedDateTime> nextFire(String id) {
        try {
            org.quartz.Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(id, GROUP));
            if (trigger == null || trigger.getNextFireTime() == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(trigger.getNextFireTime().toInstant()
                    .atZone(ScheduleDefinition.DEFAULT_ZONE));
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException("cannot read schedule " + id + " from the job store: " + e.getMessage(), e);
        }
    }

    public List<String> start() {
        try {
            List<String> started = transaction.execute(status -> store());
            scheduler.start();
            return started;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    private List<String> store() {
        try {
            List<String> started = new ArrayList<>();
            Set<JobKey> stale = new HashSet<>(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)));
            for (ScheduleDefinition s : configuration.schedules().values()) {
                JobDetail detail = detail(s);
                CronTrigger trigger = trigger(s, detail);
                stale.remove(detail.getKey());
                Trigger stored = scheduler.getTrigger(trigger.getKey());
                if (stored == null || !sameTrigger(stored, trigger)
                        || !sameDetail(scheduler.getJobDetail(detail.getKey()), detail)) {
                    log.info("Schedule {}: {} its trigger", s.id(), stored == null ? "storing" : "replacing");
                    scheduler.scheduleJob(detail, Set.of(trigger), true);
                    stored = scheduler.getTrigger(trigger.getKey());
                }
                started.add(s.id() + " (job " + s.job() + ", cron '" + s.cron() + "' " + s.timeZone()
                        + (s.workingDaysOnly() ? ", working days only" : "")
                        + (s.params().isEmpty() ? "" : ", params " + s.params())
                        + ", next " + stored.getNextFireTime() + ")");
            }
            for (JobKey gone : stale) {
                log.info("Schedule {}: removed from schedules/, deleting its trigger", gone.getName());
                scheduler.deleteJob(gone);
            }
            return started;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot store the schedules: " + e.getMessage(), e);
        }
    }

    static JobDetail detail(ScheduleDefinition s) {
        return JobBuilder.newJob(ScheduledJob.class).withIdentity(JobKey.jobKey(s.id(), GROUP))
                .withDescription("job " + s.job()).usingJobData(ScheduledJob.SCHEDULE, s.id())
                .storeDurably().requestRecovery().build();
    }

    static CronTrigger trigger(ScheduleDefinition s, JobDetail detail) {
        CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(s.cron()).inTimeZone(TimeZone.getTimeZone(s.zone()));
        cron = ScheduleDefinition.SKIP.equals(s.misfire()) ? cron.withMisfireHandlingInstructionDoNothing()
                : cron.withMisfireHandlingInstructionFireAndProceed();
        return TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(s.id(), GROUP))
                .forJob(detail).withSchedule(cron).build();
    }

    /** Whether the stored trigger fires as the wanted one would: same job, cron, zone and misfire instruction. */
    static boolean sameTrigger(Trigger stored, CronTrigger wanted) {
        return stored instanceof CronTrigger cron
                && cron.getJobKey().equals(wanted.getJobKey())
                && cron.getCronExpression().equals(wanted.getCronExpression())
                && cron.getTimeZone().getID().equals(wanted.getTimeZone().getID())
                && cron.getMisfireInstruction() == wanted.getMisfireInstruction()
                && Objects.equals(cron.getCalendarName(), wanted.getCalendarName())
                && cron.getEndTime() == null;
    }

    /** Whether the stored job detail is the wanted one: same class, description, schedule id and flags. */
    static boolean sameDetail(JobDetail stored, JobDetail wanted) {
        return stored != null
                && stored.getJobClass().equals(wanted.getJobClass())
                && Objects.equals(stored.getDescription(), wanted.getDescription())
                && Objects.equals(stored.getJobDataMap().getString(ScheduledJob.SCHEDULE),
                wanted.getJobDataMap().getString(ScheduledJob.SCHEDULE))
                && stored.isDurable() == wanted.isDurable()
                && stored.requestsRecovery() == wanted.requestsRecovery();
    }
}
