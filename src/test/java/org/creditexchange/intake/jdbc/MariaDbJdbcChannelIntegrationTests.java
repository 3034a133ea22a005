package org.creditexchange.intake.jdbc;

import org.creditexchange.support.FrontEnd;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The jdbc channel contract against a MariaDB (or MySQL) front-end, the engine on H2. No MariaDB server comes with the
 * build, so this runs only where {@code CX_TEST_MARIADB_URL} names one (with {@code CX_TEST_MARIADB_USER} and
 * {@code CX_TEST_MARIADB_PASSWORD}); it drops and creates its own tables there.
 */
@EnabledIfEnvironmentVariable(named = "CX_TEST_MARIADB_URL", matches = ".+",
        disabledReason = "no MariaDB front-end: set CX_TEST_MARIADB_URL (e.g. jdbc:mariadb://127.0.0.1:3306/cx_fe), "
                + "CX_TEST_MARIADB_USER and CX_TEST_MARIADB_PASSWORD to run it")
class MariaDbJdbcChannelIntegrationTests extends JdbcChannelContract {

    static final TestHome HOME = TestHome.create();
    static final FrontEnd FRONT_END = FrontEnd.mariaDb().orElse(new FrontEnd("MariaDB", "jdbc:mariadb://127.0.0.1:1/none",
            "none", ""));

    static {
        declareUnit(HOME, FRONT_END);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerH2(registry);
        FRONT_END.register(registry);
    }

    @Override
    FrontEnd frontEnd() {
        return FRONT_END;
    }
}
