package org.creditexchange.report.digest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import org.creditexchange.CxProperties;
import org.creditexchange.feedback.AtomicFileWrite;
import org.creditexchange.intake.IntakeService;
import org.springframework.stereotype.Component;

/**
 * Writes a digest for the operators into {@code <data>/digests/}: a text file to read (also logged line by line by
 * the step) and a JSON file for monitoring scripts, both named after the job and the time.
 */
@Component
public class RunDigestWriter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CxProperties properties;
    private final ObjectMapper json;

    public RunDigestWriter(CxProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The two files written. */
    public record Written(Path text, Path json) {
    }

    /** Writes both files; returns where. */
    public Written write(RunDigest digest, String text) {
        Path folder = properties.dataDir().resolve("digests");
        String base = STAMP.format(digest.to().atZoneSameInstant(IntakeService.ZONE)) + "-" + digest.job();
        Path txt = folder.resolve(base + ".txt");
        Path js = folder.resolve(base + ".json");
        try {
            Files.createDirectories(folder);
            AtomicFileWrite.write(txt, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
            AtomicFileWrite.write(js, out -> out.write(json.writeValueAsBytes(digest)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run digest into " + folder, e);
        }
        return new Written(txt, js);
    }

    /** The digest as text, Chinese first with English in brackets, one unit per paragraph. */
    public static String text(RunDigest d) {
        StringBuilder s = new StringBuilder();
        s.append("运行摘要 (run digest): ").append(d.job()).append("，统计区间 ")
                .append(SHOWN.format(d.from().atZoneSameInstant(IntakeService.ZONE))).append(" 至 ")
                .append(SHOWN.format(d.to().atZoneSameInstant(IntakeService.ZONE))).append('\n');
        s.append(d.hasFailures() ? "结论：有失败，需要处理 (FAILURES: see below)\n" : "结论：全部正常 (all ok)\n");
        if (!d.steps().isEmpty()) {
            s.append("\n步骤 (steps):\n");
            for (RunDigest.Step step : d.steps()) {
                s.append(step.ok() ? "  [ok]     " : "  [FAILED] ").append(step.type()).append(": ")
                        .append(step.summary()).append('\n');
            }
        }
        s.append("\n单位 (units):\n");
        for (RunDigest.Unit u : d.units()) {
            s.append("  ").append(u.code()).append(' ').append(u.name()).append("：");
            if (u.batches() == 0) {
                s.append("无报送 (nothing received)");
            } else {
                s.append("批次 ").append(u.batches()).append("（完成 ").append(u.done()).append("，整批退回 ")
                        .append(u.rejected()).append("，重复 ").append(u.duplicates()).append("）；记录 接收 ")
                        .append(u.rowsReceived()).append(" / 入库 ").append(u.rowsLoaded()).append(" / 拒收 ")
                        .append(u.rowsRejected());
                if (u.lateRecords() >= 0) {
                    s.append("；迟报 ").append(u.lateRecords());
                }
                s.append(" (batches ").append(u.batches()).append(", rows received ").append(u.rowsReceived())
                        .append(", loaded ").append(u.rowsLoaded()).append(", rejected ").append(u.rowsRejected());
                if (u.lateRecords() >= 0) {
                    s.append(", late ").append(u.lateRecords());
                }
                s.append(')');
            }
            if (u.pendingFeedback() > 0) {
                s.append("；待补发反馈 ").append(u.pendingFeedback()).append(" (feedback deliveries pending)");
            }
            s.append('\n');
            for (String f : u.failures()) {
                s.append("    ! ").append(f).append('\n');
            }
        }
        return s.toString();
    }
}
