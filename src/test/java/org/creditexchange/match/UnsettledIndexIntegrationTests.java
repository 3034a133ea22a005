package org.creditexchange.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.creditexchange.support.EmbeddedPostgresDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * On PostgreSQL staging's index on match_status holds only what re-matching looks for: the unsettled outcomes and
 * its own marker (V14, which also leaves staging's pages half full and the match step's work table unlogged). A value added to either in the code but not to the index would make re-matching read all of
 * staging.
 */
class UnsettledIndexIntegrationTests {

    @Test
    void theIndexHoldsTheUnsettledRowsAndThoseBeingRematchedAndReMatchingUsesIt() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(EmbeddedPostgresDatabase.newDatabaseUrl(),
                "postgres", "", true);
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        String definition = jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE tablename = 'cx_staged_row'"
                + " AND indexname = 'cx_staged_row_unsettled'", String.class);
        for (String value : List.of("UNKNOWN", "NAME_MISMATCH", "AMBIGUOUS", Rematch.MARKER)) {
            assertThat(definition).contains("'" + value + "'");
        }
        assertThat(MatchOutcome.UNSETTLED.split(",")).hasSize(3);
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'cx_staged_row'", String.class))
                .doesNotContain("cx_staged_row_match");
        // and its pages leave room for the match step's rewrite of each row
        assertThat(jdbc.queryForObject("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'cx_staged_row'",
                String.class)).isEqualTo("fillfactor=50");
        // and the match step's work table, emptied before and after each use, is not written to the WAL
        assertThat(jdbc.queryForObject("SELECT relpersistence FROM pg_class WHERE relname = 'cx_match_candidate'",
                String.class)).isEqualTo("u");

        // many settled rows, a few unsettled: re-matching finds these by the index
        jdbc.update("INSERT INTO cx_staged_row (batch_id, row_no, status, subject_store, content_hash, match_status)"
                + " SELECT 1, g, 'ACCEPTED', 'ORG', 'h', CASE WHEN g % 1000 = 0 THEN 'UNKNOWN' ELSE 'MATCHED' END"
                + " FROM generate_series(1, 20000) g");
        jdbc.execute("ANALYZE cx_staged_row");
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN UPDATE cx_staged_row SET match_status = '"
                + Rematch.MARKER + "' WHERE match_status IN (" + MatchOutcome.UNSETTLED + ")", String.class));
        assertThat(plan).contains("cx_staged_row_unsettled");
        assertThat(String.join("\n", jdbc.queryForList("EXPLAIN SELECT row_no FROM cx_staged_row s WHERE s.match_status"
                + " = '" + Rematch.MARKER + "' AND s.subject_store = 'ORG'", String.class))).contains("cx_staged_row_unsettled");
        dataSource.destroy();
    }
}
