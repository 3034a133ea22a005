package org.creditexchange.schedule;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.feedback.CollectionFailureNotice;
import org.creditexchange.feedback.FeedbackDeliveries;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.intake.collect.ChannelCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code collect}: first tries again the feedback deliveries still pending, then pulls every remote channel
 * (front-end databases and SFTP directories; parameters {@code units=a,b} and {@code channels=x,y} narrow it). A unit
 * whose machine cannot be reached is told so in its feedback folder and named in the summary; the others are
 * collected all the same. The step fails (the run goes on) when a channel could not be reached.
 */
@Component
public class CollectStep implements StepType {

    private static final Logger log = LoggerFactory.getLogger(CollectStep.class);

    private final ChannelCollection collection;
    private final FeedbackDeliveries deliveries;
    private final CollectionFailureNotice notice;
    private final PlatformConfiguration configuration;

    public CollectStep(ChannelCollection collection, FeedbackDeliveries deliveries, CollectionFailureNotice notice,
                       PlatformConfiguration configuration) {
        this.collection = collection;
        this.deliveries = deliveries;
        this.notice = notice;
        this.configuration = configuration;
    }

    @Override
    public String name() {
        return "collect";
    }

    @Override
    public String run(Context context) {
        FeedbackDeliveries.Retried retried = deliveries.retryPending();
        List<ChannelCollection.Outcome> outcomes = collection.collectAll(filter(context.param("units", "")),
                filter(context.param("channels", "")));
        List<ChannelCollection.Outcome> failed = outcomes.stream().filter(o -> !o.ok()).toList();
        for (ChannelCollection.Outcome o : failed) {
            try {
                notice.write(configuration.connector(o.unit()).orElseThrow(), o.channel(),
                        OffsetDateTime.now(IntakeService.ZONE), o.attempts(), o.message());
            } catch (RuntimeException e) {
                log.error("Collect {}/{}: the unit could not be told of the failure: {}", o.unit(), o.channel(),
                        e.getMessage());
            }
        }
        int batches = outcomes.stream().mapToInt(o -> o.batchIds().size()).sum();
        String failedNames = failed.stream().map(o -> o.unit() + "/" + o.channel()).collect(Collectors.joining(", "));
        String summary = "采集通道 " + outcomes.size() + " 个：成功 " + (outcomes.size() - failed.size()) + "，失败 "
                + failed.size() + (failed.isEmpty() ? "" : "（" + failedNames + "）") + "；新批次 " + batches
                + "；补发反馈 " + retried.delivered() + "，仍待补发 " + retried.stillPending()
                + " (channels " + outcomes.size() + ": ok " + (outcomes.size() - failed.size()) + ", unreachable "
                + failed.size() + (failed.isEmpty() ? "" : " [" + failedNames + "]") + "; batches " + batches
                + "; feedback redelivered " + retried.delivered() + ", still pending " + retried.stillPending() + ")";
        if (!failed.isEmpty()) {
            throw new StepFailedException(summary);
        }
        return summary;
    }

    /** A comma list as a filter; blank accepts everything. */
    static Predicate<String> filter(String commaList) {
        Set<String> names = Arrays.stream(commaList.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        return names.isEmpty() ? s -> true : names::contains;
    }
}
