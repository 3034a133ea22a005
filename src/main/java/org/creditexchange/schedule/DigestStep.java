package org.creditexchange.schedule;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.report.digest.RunDigest;
import org.creditexchange.report.digest.RunDigestWriter;
import org.creditexchange.report.digest.RunDigests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code digest}: writes the run digest (per unit: batches, rows received / loaded / rejected, late records,
 * failures, unreachable channels; and the run's steps) into {@code <data>/digests/} and the log. The window is the
 * last {@code hours} hours (parameter, default 24), and always includes the run itself. It reports failures; it does
 * not fail because of them.
 */
@Component
public class DigestStep implements StepType {

    private static final Logger log = LoggerFactory.getLogger(DigestStep.class);

    private final RunDigests digests;
    private final RunDigestWriter writer;

    public DigestStep(RunDigests digests, RunDigestWriter writer) {
        this.digests = digests;
        this.writer = writer;
    }

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public String run(Context context) {
        int hours;
        try {
            hours = Integer.parseInt(context.param("hours", "24"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hours must be a whole number of hours, not '" + context.param("hours", "")
                    + "'");
        }
        OffsetDateTime to = OffsetDateTime.now(IntakeService.ZONE).plusNanos(1000);
        OffsetDateTime from = to.minus(Duration.ofHours(Math.max(1, hours)));
        if (context.run() != null && context.run().startedAt().isBefore(from)) {
            from = context.run().startedAt();
        }
        List<RunDigest.Step> steps = context.run() == null ? List.of() : context.run().done().stream()
                .map(r -> new RunDigest.Step(r.type(), r.ok(), r.summary())).toList();
        RunDigest digest = digests.build(context.job(), from, to, steps);
        String text = RunDigestWriter.text(digest);
        RunDigestWriter.Written written = writer.write(digest, text);
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                log.info("Digest {}: {}", context.job(), line);
            }
        }
        long failing = digest.units().stream().filter(u -> !u.failures().isEmpty()).count();
        return "运行摘要已写入 " + written.text().getFileName() + "：单位 " + digest.units().size() + " 个，有失败 " + failing
                + " 个 (digest written to " + written.text() + "; units " + digest.units().size() + ", with failures "
                + failing + ")";
    }
}
