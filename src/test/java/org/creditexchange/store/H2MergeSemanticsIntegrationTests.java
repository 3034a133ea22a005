package org.creditexchange.store;

import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Merge semantics on H2. */
class H2MergeSemanticsIntegrationTests extends MergeSemanticsContract {

    static final TestHome HOME = TestHome.create();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerH2(registry);
    }
}
