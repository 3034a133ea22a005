package org.creditexchange.golden;

import org.creditexchange.support.EmbeddedPostgresDatabase;
import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Golden cases on PostgreSQL. */
class PostgresGoldenCasesIntegrationTests extends GoldenCasesContract {

    static final TestHome HOME = TestHome.create();
    static final String URL = EmbeddedPostgresDatabase.newDatabaseUrl();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerPostgres(registry, URL);
    }
}
