package org.creditexchange.ingest;

import org.creditexchange.support.EmbeddedPostgresDatabase;
import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The end-to-end contract on real PostgreSQL (embedded binaries, no server to install). */
class PostgresIngestEndToEndIntegrationTests extends IngestEndToEndContract {

    static final TestHome HOME = TestHome.create();
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
