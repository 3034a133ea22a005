package org.creditexchange.schedule;

import java.util.Map;
import org.creditexchange.store.RecordLifecycle;
import org.springframework.stereotype.Component;

/** {@code archive}: archives every record whose disclosure period ended before the run's date (转为档案). */
@Component
public class ArchiveStep implements StepType {

    /** The actor the audit log names. */
    static final String ACTOR = "scheduler";

    private final RecordLifecycle lifecycle;

    public ArchiveStep(RecordLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public String name() {
        return "archive";
    }

    @Override
    public String run(Context context) {
        Map<String, Integer> archived = lifecycle.archive(context.today(), ACTOR);
        int orgs = archived.getOrDefault("ORG", 0);
        int persons = archived.getOrDefault("PERSON", 0);
        return "公示期届满转为档案：法人 " + orgs + " 条，自然人 " + persons + " 条 (archived " + orgs + " organisation and "
                + persons + " person records, disclosure ended before " + context.today() + ")";
    }
}
