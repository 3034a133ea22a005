package org.creditexchange.intake.jdbc;

import org.creditexchange.support.FrontEnd;
import org.creditexchange.support.EmbeddedPostgresDatabase;
import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The jdbc channel contract on PostgreSQL: the engine on one embedded PostgreSQL database, the front-end on another. */
class PostgresJdbcChannelIntegrationTests extends JdbcChannelContract {

    static final TestHome HOME = TestHome.create();
    static final String URL = EmbeddedPostgresDatabase.newDatabaseUrl();
    static final FrontEnd FRONT_END = FrontEnd.postgres();

    static {
        declareUnit(HOME, FRONT_END);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerPostgres(registry, URL);
        FRONT_END.register(registry);
    }

    @Override
    FrontEnd frontEnd() {
        return FRONT_END;
    }
}
