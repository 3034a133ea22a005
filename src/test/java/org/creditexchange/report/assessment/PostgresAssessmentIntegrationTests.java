package org.creditexchange.report.assessment;

import org.creditexchange.support.EmbeddedPostgresDatabase;
import org.creditexchange.ingest.timeliness.ShippedCalendars;
import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The assessment contract on real PostgreSQL (embedded binaries). */
class PostgresAssessmentIntegrationTests extends AssessmentContract {

    static final TestHome HOME = ShippedCalendars.home();
    static final String URL = EmbeddedPostgresDatabase.newDatabaseUrl();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerPostgres(registry, URL);
    }

    @Override
    TestHome home() {
        return HOME;
    }
}
