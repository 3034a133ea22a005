package org.creditexchange.match;

import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Subject matching on H2. */
class H2SubjectMatchingIntegrationTests extends SubjectMatchingContract {

    static final TestHome HOME = TestHome.create();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerH2(registry);
    }
}
