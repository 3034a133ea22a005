package org.creditexchange.store;

import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Merge semantics on Postgres. */
class PostgresMergeSemanticsIntegrationTests extends MergeSemanticsContract {

    static final TestHome HOME = TestHome.create();
    static final String URL = org.creditexchange.support.EmbeddedPostgresDatabase.newDatabaseUrl();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerPostgres(registry, URL);
    }
}
