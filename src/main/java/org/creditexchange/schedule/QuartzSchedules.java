package org.creditexchange.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.creditexchange.config.PlatformConfiguration;
import org.quartz.CronScheduleBuilder;
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

/**
 * Puts the triggers of {@code schedules/} into the Quartz job store and starts the scheduler (only {@code serve}
 * does). Triggers of schedules that were removed from the folder are removed from the store; changed ones are
 * replaced, keeping the store in step with the configuration.
 */
@Component
public class QuartzSchedules {

    /** The Quartz group of every trigger and job detail this platform owns. */
    static final String GROUP = "cx";

    private static final Logger log = LoggerFactory.getLogger(QuartzSchedules.class);

    private final Scheduler scheduler;
    private final PlatformConfiguration configuration;

    public QuartzSchedules(Scheduler scheduler, PlatformConfiguration configuration) {
        this.scheduler = scheduler;
        this.configuration = configuration;
    }

    /** Registers every schedule and starts the scheduler; returns the schedule ids with their next firing. */
    public List<String> start() {
        try {
            List<String> started = new ArrayList<>();
            Set<JobKey> stale = new java.util.HashSet<>(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)));
            for (ScheduleDefinition s : configuration.schedules().values()) {
                JobKey key = JobKey.jobKey(s.id(), GROUP);
                stale.remove(key);
                JobDetail detail = JobBuilder.newJob(ScheduledJob.class).withIdentity(key)
                        .withDescription("job " + s.job()).usingJobData(ScheduledJob.SCHEDULE, s.id())
                        .storeDurably().requestRecovery().build();
                CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(s.cron()).inTimeZone(TimeZone.getTimeZone(s.zone()));
                cron = ScheduleDefinition.SKIP.equals(s.misfire()) ? cron.withMisfireHandlingInstructionDoNothing()
                        : cron.withMisfireHandlingInstructionFireAndProceed();
                Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(s.id(), GROUP))
                        .forJob(detail).withSchedule(cron).build();
                // Replaces what an earlier start stored, so an edited cron takes effect.
                scheduler.scheduleJob(detail, Set.of(trigger), true);
                Trigger stored = scheduler.getTrigger(trigger.getKey());
                started.add(s.id() + " (job " + s.job() + ", cron '" + s.cron() + "' " + s.timeZone()
                        + (s.workingDaysOnly() ? ", working days only" : "") + ", next " + stored.getNextFireTime() + ")");
            }
            for (JobKey gone : stale) {
                log.info("Schedule {}: removed from schedules/, deleting its trigger", gone.getName());
                scheduler.deleteJob(gone);
            }
            scheduler.start();
            return started;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }
}
