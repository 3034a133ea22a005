package org.creditexchange.match;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-matches, after a registry update, the staged rows of every batch that are not settled ({@code UNKNOWN},
 * {@code NAME_MISMATCH}, {@code AMBIGUOUS}), set-based and in one transaction: a step for the nightly job. The rows'
 * comparison forms were derived by the match step, so this is SQL only. The rows' feedback has long gone to the
 * source; only match_status, match_method and subject_id change (the merge reads them from staging).
 */
@Service
public class Rematch {

    /** The marker of the rows being re-matched. */
    static final String MARKER = "REMATCH";

    private static final Logger log = LoggerFactory.getLogger(Rematch.class);

    private final JdbcTemplate jdbc;
    private final SubjectMatcher matcher;
    private final TransactionTemplate tx;

    public Rematch(JdbcTemplate jdbc, SubjectMatcher matcher, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.matcher = matcher;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Re-runs matching for all unsettled rows; returns how many rows each outcome now has. */
    public Map<MatchOutcome, Integer> run() {
        Map<MatchOutcome, Integer> counts = tx.execute(status -> {
            jdbc.update("UPDATE cx_staged_row SET match_status = '" + MARKER + "', match_method = NULL, subject_id = NULL"
                    + " WHERE match_status IN (" + MatchOutcome.UNSETTLED + ")");
            return matcher.match(MARKER, null);
        });
        log.info("Re-matched unsettled staged rows: {}", counts);
        return counts;
    }
}
