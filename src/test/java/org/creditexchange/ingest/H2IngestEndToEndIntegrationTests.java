package org.creditexchange.ingest;

import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The end-to-end contract on the embedded default, H2. */
class H2IngestEndToEndIntegrationTests extends IngestEndToEndContract {

    static final TestHome HOME = TestHome.create();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerH2(registry);
    }

    @Override
    TestHome home() {
        return HOME;
    }
}
