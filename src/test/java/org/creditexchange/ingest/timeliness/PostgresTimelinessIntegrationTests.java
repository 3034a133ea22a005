package org.creditexchange.ingest.timeliness;

import org.creditexchange.support.EmbeddedPostgresDatabase;
import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The timeliness contract on real PostgreSQL (embedded binaries). */
class PostgresTimelinessIntegrationTests extends TimelinessContract {

    static final TestHome HOME = ShippedCalendars.home();
    static final String URL = EmbeddedPostgresDatabase.newDatabaseUrl();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerPostgres(registry, URL);
    }
}
