package org.creditexchange.ops.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.schedule.JobDefinition;
import org.creditexchange.schedule.ScheduleDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jobs of {@code jobs/}: the list with their schedules and latest runs, and running one now (OPERATOR and ADMIN):
 * queued in the background, answered 202 with the run to poll, written to the audit log.
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping("/api/jobs")
public class JobController {

    /** How many of a job's latest runs the list shows. */
    static final int RUNS_SHOWN = 10;

    private final PlatformConfiguration configuration;
    private final JobRuns runs;
    private final ApiAudit audit;

    public JobController(PlatformConfiguration configuration, JobRuns runs, ApiAudit audit) {
        this.configuration = configuration;
        this.runs = runs;
        this.audit = audit;
    }

    @GetMapping
    public List<JobView> list() {
        return configuration.jobs().values().stream().sorted(Comparator.comparing(JobDefinition::id))
                .map(this::view).toList();
    }

    @GetMapping("/{job}")
    public JobView get(@PathVariable String job) {
        return view(job(job));
    }

    /** Runs the job now with the body's parameters ({@code {"month": "2026-10"}}; none for an empty body). */
    @PostMapping("/{job}/runs")
    public ResponseEntity<JobRuns.Run> run(@AuthenticationPrincipal ApiUser user, @PathVariable String job,
                                           @RequestBody(required = false) Map<String, String> params,
                                           HttpServletRequest request) {
        JobDefinition definition = job(job);
        Map<String, String> p = new TreeMap<>();
        if (params != null) {
            params.forEach((k, v) -> {
                if (k == null || k.isBlank() || v == null) {
                    throw ApiException.badRequest("作业参数应为 参数名 → 参数值，例如 {\"month\":\"2026-10\"}。");
                }
                p.put(k.strip(), v.strip());
            });
        }
        JobRuns.Run queued = runs.submit(definition.id(), p, user.getUsername());
        audit.record(request, user.getUsername(), "RUN_JOB", "job " + definition.id(),
                "run=" + queued.id() + (p.isEmpty() ? "" : " params=" + p));
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", queued.link()).body(queued);
    }

    @GetMapping("/{job}/runs/{id}")
    public JobRuns.Run runOf(@PathVariable String job, @PathVariable long id) {
        job(job);
        return runs.find(job, id).orElseThrow(() -> ApiException.notFound("作业 " + job + " 没有第 " + id
                + " 次运行的记录（引擎重启后不再保留以前的记录）。"));
    }

    private JobDefinition job(String id) {
        JobDefinition job = configuration.jobs().get(id);
        if (job == null) {
            throw ApiException.notFound("没有作业 " + id + "（已配置的作业：" + configuration.jobs().keySet().stream()
                    .sorted().collect(Collectors.joining("、")) + "）。");
        }
        return job;
    }

    private JobView view(JobDefinition job) {
        List<ScheduleDefinition> schedules = configuration.schedules().values().stream()
                .filter(s -> s.job().equals(job.id())).sorted(Comparator.comparing(ScheduleDefinition::id)).toList();
        List<JobRuns.Run> latest = runs.of(job.id());
        return JobView.of(job, schedules, latest.subList(0, Math.min(RUNS_SHOWN, latest.size())));
    }
}
