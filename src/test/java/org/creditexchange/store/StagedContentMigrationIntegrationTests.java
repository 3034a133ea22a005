package org.creditexchange.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.creditexchange.support.EmbeddedPostgresDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database staged by a release before V12 keeps every staged row's values, cells and sealed personal values: V12
 * moves them into {@code cx_staged_content}, the table the feedback, the assessment and the merge now read.
 */
class StagedContentMigrationIntegrationTests {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void stagedRowsKeepTheirContentAcrossTheUpgrade(String vendor) {
        String url = vendor.equals("h2") ? "jdbc:h2:mem:v12-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"
                : EmbeddedPostgresDatabase.newDatabaseUrl();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, vendor.equals("h2") ? "sa" : "postgres", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        flyway(dataSource, vendor, "11").migrate();
        jdbc.update("INSERT INTO cx_staged_row (batch_id, row_no, status, subject_store, content_hash, record_json,"
                + " cells_json, personal_json) VALUES (7, 1, 'ACCEPTED', 'PERSON', ?, '{\"a\":\"值\"}', '[\"格\"]',"
                + " '{\"id\":{\"hash\":\"h\"}}'), (7, 2, 'REJECTED', 'ORG', ?, '{}', '[]', NULL)",
                "c".repeat(64), "d".repeat(64));

        flyway(dataSource, vendor, "latest").migrate();

        List<Map<String, Object>> content = jdbc.queryForList("SELECT row_no, record_json, cells_json, personal_json"
                + " FROM cx_staged_content WHERE batch_id = 7 ORDER BY row_no");
        assertThat(content).hasSize(2);
        assertThat(content.get(0)).containsEntry("record_json", "{\"a\":\"值\"}").containsEntry("cells_json", "[\"格\"]")
                .containsEntry("personal_json", "{\"id\":{\"hash\":\"h\"}}");
        assertThat(content.get(1)).containsEntry("cells_json", "[]").containsEntry("personal_json", null);
        assertThat(jdbc.queryForList("SELECT status FROM cx_staged_row WHERE batch_id = 7 ORDER BY row_no", String.class))
                .containsExactly("ACCEPTED", "REJECTED");
    }

    private static Flyway flyway(DriverManagerDataSource dataSource, String vendor, String target) {
        return Flyway.configure().dataSource(dataSource).target(target)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load();
    }
}
