package org.creditexchange.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.creditexchange.support.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch is joined to a store many times its size by index lookups, to one of about its size as the planner sees
 * fit, and only within the transaction that asked.
 */
class PlannerStatisticsIntegrationTests {

    @Test
    void aBatchIsLookedUpByKeyInAStoreManyTimesItsSizeWithinItsTransactionOnly() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(EmbeddedPostgresDatabase.newDatabaseUrl(),
                "postgres", "", true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE store (k VARCHAR(64) PRIMARY KEY, v VARCHAR(200))");
        jdbc.execute("CREATE TABLE batch (k VARCHAR(64), v VARCHAR(200))");
        jdbc.execute("INSERT INTO store SELECT 'key-' || g, repeat('x', 150) FROM generate_series(1, 40000) g");
        jdbc.execute("INSERT INTO batch SELECT 'key-' || (g * 7), 'y' FROM generate_series(1, 5000) g");
        jdbc.execute("ANALYZE store");
        jdbc.execute("ANALYZE batch");
        String join = "EXPLAIN SELECT s.v FROM batch b JOIN store s ON s.k = b.k";
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        tx.executeWithoutResult(status -> {
            // a batch of 5,000 rows against 40,000: looked up
            assertThat(PlannerStatistics.lookupsInto(jdbc, "store", 5_000)).isTrue();
            assertThat(jdbc.queryForObject("SHOW enable_hashjoin", String.class)).isEqualTo("off");
            assertThat(String.join("\n", jdbc.queryForList(join, String.class)))
                    .contains("Nested Loop").contains("Index Scan using store_pkey").doesNotContain("Hash Join");
            // a batch of 20,000 rows against the same: the planner's choice again
            assertThat(PlannerStatistics.lookupsInto(jdbc, "store", 20_000)).isFalse();
            assertThat(jdbc.queryForObject("SHOW enable_hashjoin", String.class)).isEqualTo("on");
            assertThat(PlannerStatistics.lookupsInto(jdbc, "store", 5_000)).isTrue();
        });
        // and the setting ended with the transaction
        assertThat(jdbc.queryForObject("SHOW enable_hashjoin", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW enable_mergejoin", String.class)).isEqualTo("on");
        dataSource.destroy();
    }
}
