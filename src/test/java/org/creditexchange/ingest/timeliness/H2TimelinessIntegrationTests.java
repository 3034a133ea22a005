package org.creditexchange.ingest.timeliness;

import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The timeliness contract on the embedded default, H2. */
class H2TimelinessIntegrationTests extends TimelinessContract {

    static final TestHome HOME = ShippedCalendars.home();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerH2(registry);
    }
}
