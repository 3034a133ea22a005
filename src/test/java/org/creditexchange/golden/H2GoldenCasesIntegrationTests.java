package org.creditexchange.golden;

import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Golden cases on H2. */
class H2GoldenCasesIntegrationTests extends GoldenCasesContract {

    static final TestHome HOME = TestHome.create();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerH2(registry);
    }
}
