package org.creditexchange.match;

import org.creditexchange.support.EmbeddedPostgresDatabase;
import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Subject matching on PostgreSQL. */
class PostgresSubjectMatchingIntegrationTests extends SubjectMatchingContract {

    static final TestHome HOME = TestHome.create();
    static final String URL = EmbeddedPostgresDatabase.newDatabaseUrl();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerPostgres(registry, URL);
    }
}
