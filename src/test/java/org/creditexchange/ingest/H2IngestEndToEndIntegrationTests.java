package org.creditexchange.ingest;

import org.creditexchange.support.TestHome;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The end-to-end contract on the embedded default, H2. */
class H2IngestEndToEndIntegrationTests extends IngestEndToEndContract {

    static final TestHome HOME = TestHome.create();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cx.home", () -> HOME.home().toString());
        registry.add("cx.data-dir", () -> HOME.data().toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + HOME.data().resolve("db/cx") + ";AUTO_SERVER=TRUE");
    }

    @Override
    TestHome home() {
        return HOME;
    }
}
