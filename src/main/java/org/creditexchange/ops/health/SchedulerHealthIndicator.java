package org.creditexchange.ops.health;

import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * {@code scheduler}: the Quartz scheduler firing the schedules of {@code schedules/}. UP when started (with each
 * trigger's next firing), OUT_OF_SERVICE in standby (schedules do not fire: {@code serve} starts the scheduler
 * only after finishing the batches a stopped engine left behind), DOWN when shut down.
 */
@Component
@ConditionalOnWebApplication
public class SchedulerHealthIndicator extends AbstractHealthIndicator {

    /** The Quartz group of the platform's triggers (QuartzSchedules.GROUP). */
    static final String GROUP = "cx";

    private final Scheduler scheduler;

    public SchedulerHealthIndicator(Scheduler scheduler) {
        super("the scheduler cannot be asked");
        this.scheduler = scheduler;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws SchedulerException {
        builder.withDetail("name", scheduler.getSchedulerName()).withDetail("instance", scheduler.getSchedulerInstanceId());
        if (scheduler.isShutdown()) {
            builder.down().withDetail("state", "shut down");
            return;
        }
        if (scheduler.isInStandbyMode()) {
            builder.outOfService().withDetail("state", "standby: schedules do not fire");
            return;
        }
        builder.up().withDetail("state", "started");
        try {
            Map<String, Date> next = new TreeMap<>();
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
                Trigger t = scheduler.getTrigger(key);
                if (t != null) {
                    next.put(key.getName(), t.getNextFireTime());
                }
            }
            builder.withDetail("nextFirings", next);
        } catch (SchedulerException e) {
            // The job store is the database: its own indicator says why.
            builder.withDetail("nextFirings", "unavailable: " + e.getMessage());
        }
    }
}
