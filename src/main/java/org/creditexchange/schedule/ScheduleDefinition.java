package org.creditexchange.schedule;

import java.time.ZoneId;

/**
 * A Quartz trigger ({@code schedules/<id>.yaml}, any name but {@code calendar-*}): runs a job of {@code jobs/} on a
 * cron expression.
 *
 * @param id              equals the file name
 * @param job             the job id (a file of {@code jobs/})
 * @param cron            a Quartz cron expression (seconds first), e.g. {@code 0 0 2 * * ?}
 * @param timeZone        the zone the cron is read in; Asia/Shanghai when absent
 * @param workingDaysOnly when true, a firing on a day that is no working day (weekends, holidays, 调休) does nothing
 * @param misfire         what to do when a firing was missed (engine down): {@code fire-once} (run once, now) or
 *                        {@code skip} (wait for the next firing); fire-once when absent
 */
public record ScheduleDefinition(String id, String job, String cron, String timeZone, Boolean workingDaysOnly,
                                 String misfire) {

    /** The platform's zone. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public static final String FIRE_ONCE = "fire-once";
    public static final String SKIP = "skip";

    public ScheduleDefinition {
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_ZONE.getId() : timeZone;
        workingDaysOnly = workingDaysOnly != null && workingDaysOnly;
        misfire = misfire == null || misfire.isBlank() ? FIRE_ONCE : misfire;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
