package org.creditexchange.schedule;

import java.util.ArrayList;
import java.util.List;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code process-pending}: processes every RECEIVED or FAILED batch; one failing batch does not stop the others. */
@Component
public class ProcessPendingStep implements StepType {

    private static final Logger log = LoggerFactory.getLogger(ProcessPendingStep.class);

    private final BatchRepository batches;
    private final IngestService ingest;

    public ProcessPendingStep(BatchRepository batches, IngestService ingest) {
        this.batches = batches;
        this.ingest = ingest;
    }

    @Override
    public String name() {
        return "process-pending";
    }

    @Override
    public String run(Context context) {
        List<Batch> pending = batches.unfinished();
        int done = 0;
        int rejected = 0;
        List<Long> failed = new ArrayList<>();
        for (Batch b : pending) {
            try {
                Batch after = ingest.process(b.id());
                if (after.status() == org.creditexchange.intake.BatchStatus.FAILED) {
                    failed.add(b.id());
                } else if (after.status() == org.creditexchange.intake.BatchStatus.REJECTED) {
                    rejected++;
                } else {
                    done++;
                }
            } catch (RuntimeException e) {
                log.error("Job {}: batch {} failed: {}", context.job(), b.id(), e.getMessage());
                failed.add(b.id());
            }
        }
        String summary = "待处理批次 " + pending.size() + " 个：完成 " + done + "，退回 " + rejected + "，失败 " + failed.size()
                + (failed.isEmpty() ? "" : " " + failed) + " (pending batches " + pending.size() + ": done " + done
                + ", rejected " + rejected + ", failed " + failed.size() + ")";
        if (!failed.isEmpty()) {
            throw new StepFailedException(summary);
        }
        return summary;
    }
}
