package org.creditexchange.ops.api;

import java.util.List;
import java.util.Map;
import org.creditexchange.schedule.JobDefinition;
import org.creditexchange.schedule.ScheduleDefinition;

/**
 * A job of {@code jobs/} as the API shows it: its steps, the schedules that fire it, its latest runs through the API.
 *
 * @param id        the job id
 * @param title     what it is for
 * @param steps     the steps in order
 * @param schedules the schedules of {@code schedules/} that run it
 * @param runs      the latest runs requested through the API, newest first
 */
public record JobView(String id, String title, List<Step> steps, List<Schedule> schedules, List<JobRuns.Run> runs) {

    /** One step: its type and own parameters. */
    public record Step(String type, Map<String, String> params) {
    }

    /** One schedule of the job. */
    public record Schedule(String id, String cron, String timeZone, boolean workingDaysOnly) {
    }

    static JobView of(JobDefinition job, List<ScheduleDefinition> schedules, List<JobRuns.Run> runs) {
        return new JobView(job.id(), job.title(),
                job.steps().stream().map(s -> new Step(s.type(), s.params())).toList(),
                schedules.stream().map(s -> new Schedule(s.id(), s.cron(), s.timeZone(), s.workingDaysOnly())).toList(),
                runs);
    }
}
