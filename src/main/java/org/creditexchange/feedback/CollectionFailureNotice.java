package org.creditexchange.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.intake.ConnectorDefinition;
import org.springframework.stereotype.Component;

/**
 * Tells a unit that the platform could not reach its front-end machine: a short Chinese text in its feedback folder
 * (the folder is on the platform's side, so the notice is written even though the unit's own machine is down).
 */
@Component
public class CollectionFailureNotice {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final FeedbackService feedback;

    public CollectionFailureNotice(FeedbackService feedback) {
        this.feedback = feedback;
    }

    /**
     * Writes the notice; returns its path.
     *
     * @param channel  the channel id
     * @param at       when the collection was tried
     * @param attempts how many times
     * @param error    the last error (operators' English; masked again here)
     */
    public Path write(ConnectorDefinition unit, String channel, OffsetDateTime at, int attempts, String error) {
        Path folder = feedback.feedbackFolder(unit);
        Path file = folder.resolve(STAMP.format(at) + "-采集失败通知-" + channel + ".txt");
        String text = unit.name() + "：\r\n\r\n"
                + "平台于 " + SHOWN.format(at) + " 从贵单位的通道「" + channel + "」采集数据，连续 " + attempts
                + " 次未能连接或读取，本次未采集到数据。\r\n"
                + "平台将在下次定时采集时自动重试，已采集的数据不会丢失，也不会重复入库。\r\n"
                + "如持续失败，请检查前置机（数据库或 SFTP 服务）是否运行、网络是否畅通、账号口令是否变更。\r\n\r\n"
                + "技术信息（供运维人员参考）：" + IdNumberMasking.maskForLog(String.valueOf(error)) + "\r\n";
        try {
            Files.createDirectories(folder);
            // With a BOM: Notepad on an older Windows reads it as UTF-8 too.
            AtomicFileWrite.write(file, out -> {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.write(text.getBytes(StandardCharsets.UTF_8));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the collection failure notice for " + unit.code(), e);
        }
        return file;
    }
}
