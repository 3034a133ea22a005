package org.creditexchange.schedule;

import java.util.Map;
import org.creditexchange.match.MatchOutcome;
import org.creditexchange.match.Rematch;
import org.creditexchange.store.MatchPropagation;
import org.springframework.stereotype.Component;

/** {@code rematch}: matches unlinked and held rows again and propagates the outcome to the stored records. */
@Component
public class RematchStep implements StepType {

    private final Rematch rematch;
    private final MatchPropagation propagation;

    public RematchStep(Rematch rematch, MatchPropagation propagation) {
        this.rematch = rematch;
        this.propagation = propagation;
    }

    @Override
    public String name() {
        return "rematch";
    }

    @Override
    public String run(Context context) {
        Map<MatchOutcome, Integer> outcomes = rematch.run();
        MatchPropagation.Result r = propagation.propagate();
        int rows = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        return "重新比对 " + rows + " 行 " + outcomes + "；入库记录更新 " + r.rematched() + " 条，解除暂缓公示 " + r.released()
                + " 条，新暂缓公示 " + r.held() + " 条 (rematched rows " + rows + ", records updated " + r.rematched()
                + ", released " + r.released() + ", held " + r.held() + ")";
    }
}
