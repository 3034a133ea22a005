package org.creditexchange.schedule;

import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Quartz trigger ({@code schedules/<id>.yaml}, any name but {@code calendar-*}): runs a job of {@code jobs/} on a
 * cron expression, with parameters of its own.
 *
 * @param id              equals the file name
 * @param job             the job id (a file of {@code jobs/})
 * @param cron            a Quartz cron expression (seconds first), e.g. {@code 0 0 2 * * ?}
 * @param timeZone        the zone the cron is read in; Asia/Shanghai when absent
 * @param workingDaysOnly when true, a firing on a day that is no working day (weekends, holidays, 调休) does nothing
 * @param misfire         what to do when a firing was missed (engine down): {@code fire-once} (run once, now) or
 *                        {@code skip} (wait for the next firing); fire-once when absent
 * @param params          parameters for every step of the job when this trigger runs it, as
 *                        {@code run <job> key=value} gives them: they override the job file's step parameters of the
 *                        same name. Optional; sorted by key; a key written without a value is an empty string (a step
 *                        then uses its default)
 */
public record ScheduleDefinition(String id, String job, String cron, String timeZone, Boolean workingDaysOnly,
                                 String misfire, Map<String, String> params) {

    /** The platform's zone. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public static final String FIRE_ONCE = "fire-once";
    public static final String SKIP = "skip";

    public ScheduleDefinition {
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_ZONE.getId() : timeZone;
        workingDaysOnly = workingDaysOnly != null && workingDaysOnly;
        misfire = misfire == null || misfire.isBlank() ? FIRE_ONCE : misfire;
        params = sorted(params);
    }

    /** A trigger without parameters. */
    public ScheduleDefinition(String id, String job, String cron, String timeZone, Boolean workingDaysOnly,
                              String misfire) {
        this(id, job, cron, timeZone, workingDaysOnly, misfire, null);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    private static Map<String, String> sorted(Map<String, String> params) {
        if (params == null || params.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, String> copy = new TreeMap<>();
        params.forEach((k, v) -> copy.put(k == null ? "" : k, v == null ? "" : v));
        return Collections.unmodifiableMap(copy);
    }
}
