package org.creditexchange.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.creditexchange.config.PlatformConfiguration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Quartz job behind every trigger of {@code schedules/}: runs the named job of {@code jobs/} with the schedule's
 * {@code params}, unless the schedule is limited to working days and the firing's date (in the schedule's zone) is
 * none. The schedule is read from this node's configuration at each firing; the job store keeps only its id. Spring's
 * job factory injects the beans. Not concurrent: a firing that comes while the previous one still runs waits for it,
 * on every node of a cluster.
 */
@DisallowConcurrentExecution
public class ScheduledJob implements Job {

    /** Job data key: the schedule id. */
    static final String SCHEDULE = "schedule";

    private static final Logger log = LoggerFactory.getLogger(ScheduledJob.class);

    private JobRunner runner;
    private PlatformConfiguration configuration;

    @Autowired
    public void setRunner(JobRunner runner) {
        this.runner = runner;
    }

    @Autowired
    public void setConfiguration(PlatformConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Whether a firing runs the job, and why not when it does not. */
    public record Decision(boolean run, String reason) {
    }

    /**
     * Whether {@code schedule} runs its job on {@code date}: always, unless it is limited to working days and the
     * date is none. A date whose year has no calendar file is not guessed: the firing is skipped, naming the file.
     */
    public static Decision decide(ScheduleDefinition schedule, WorkingDayCalendar calendar, LocalDate date) {
        if (!schedule.workingDaysOnly()) {
            return new Decision(true, "every day");
        }
        if (!calendar.covers(date)) {
            return new Decision(false, "no working-day calendar for " + date.getYear() + ": add schedules/calendar-"
                    + date.getYear() + ".yaml");
        }
        return calendar.isWorkingDay(date) ? new Decision(true, date + " is a working day")
                : new Decision(false, date + " is not a working day");
    }

    @Override
    public void execute(JobExecutionContext context) {
        String id = context.getMergedJobDataMap().getString(SCHEDULE);
        // The run is the firing's result, for whoever listens to the scheduler (null when nothing ran).
        context.setResult(fire(id, context.getScheduledFireTime().toInstant()).orElse(null));
    }

    /**
     * One firing of schedule {@code id}, scheduled for {@code scheduledAt}: runs the schedule's job with the
     * schedule's parameters, unless the schedule is gone from the configuration or the day is not to be run.
     *
     * @return the run, or empty when nothing ran
     */
    Optional<JobRunner.Run> fire(String id, Instant scheduledAt) {
        ScheduleDefinition schedule = configuration.schedules().get(id);
        if (schedule == null) {
            log.warn("Schedule {}: fired but no longer configured; nothing run", id);
            return Optional.empty();
        }
        ZonedDateTime fired = scheduledAt.atZone(schedule.zone());
        Decision decision = decide(schedule, configuration.calendar(), fired.toLocalDate());
        if (!decision.run()) {
            if (schedule.workingDaysOnly() && !configuration.calendar().covers(fired.toLocalDate())) {
                log.error("Schedule {}: job {} not run: {}", id, schedule.job(), decision.reason());
            } else {
                log.info("Schedule {}: job {} not run: {}", id, schedule.job(), decision.reason());
            }
            return Optional.empty();
        }
        log.info("Schedule {}: running job {} (fired {}){}", id, schedule.job(), fired,
                schedule.params().isEmpty() ? "" : " with " + schedule.params());
        JobRunner.Run run = runner.run(schedule.job(), schedule.params());
        for (JobRunner.StepResult step : run.steps()) {
            log.info("Schedule {}: {} {}: {}", id, step.type(), step.ok() ? "ok" : "FAILED", step.summary());
        }
        return Optional.of(run);
    }
}
