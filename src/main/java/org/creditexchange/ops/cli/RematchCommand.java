package org.creditexchange.ops.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.creditexchange.match.MatchOutcome;
import org.creditexchange.match.Rematch;
import org.creditexchange.store.MatchPropagation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rematch}: after a registry update, matches again every unlinked, name-mismatched or ambiguous row and
 * releases held records whose subject is now found (the nightly job's step, runnable by hand).
 */
@Command(name = "rematch", description = "Match unlinked and held records again after a registry update.")
final class RematchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return RecordCommands.inEngine(spec, ctx -> {
            Map<MatchOutcome, Integer> outcomes = ctx.getBean(Rematch.class).run();
            MatchPropagation.Result r = ctx.getBean(MatchPropagation.class).propagate();
            spec.commandLine().getOut().println("重新比对：" + outcomes + "；入库记录更新 " + r.rematched() + " 条，其中解除暂缓公示 "
                    + r.released() + " 条，新暂缓公示 " + r.held() + " 条。");
            return 0;
        });
    }
}
