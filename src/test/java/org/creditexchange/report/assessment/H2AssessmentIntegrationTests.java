package org.creditexchange.report.assessment;

import org.creditexchange.ingest.timeliness.ShippedCalendars;
import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The assessment contract on the embedded default, H2. */
class H2AssessmentIntegrationTests extends AssessmentContract {

    static final TestHome HOME = ShippedCalendars.home();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerH2(registry);
    }

    @Override
    TestHome home() {
        return HOME;
    }
}
