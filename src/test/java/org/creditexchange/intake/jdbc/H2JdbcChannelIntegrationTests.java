package org.creditexchange.intake.jdbc;

import org.creditexchange.support.FrontEnd;
import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The jdbc channel contract on the embedded default: the engine on H2, pulling an H2 front-end. */
class H2JdbcChannelIntegrationTests extends JdbcChannelContract {

    static final TestHome HOME = TestHome.create();
    static final FrontEnd FRONT_END = FrontEnd.h2();

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
