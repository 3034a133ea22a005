package org.creditexchange.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.creditexchange.support.CommandRun;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code serve} starts the web engine, and refuses to serve (exit 2, every problem listed with its line) when the
 * users file is missing or broken. A serve that started would run until stopped: the timeout only turns that into a
 * failure instead of a hang.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ServeRefusalIntegrationTests {

    static final TestHome HOME = TestHome.create();

    @BeforeAll
    static void engineProperties() {
        System.setProperty("cx.home", HOME.home().toString());
        System.setProperty("cx.data-dir", HOME.data().toString());
        System.setProperty("spring.datasource.url", "jdbc:h2:file:" + HOME.data().resolve("db/serve") + ";AUTO_SERVER=TRUE");
        System.setProperty("server.port", "0");
    }

    @AfterAll
    static void clear() {
        for (String p : new String[] {"cx.home", "cx.data-dir", "spring.datasource.url", "server.port", "cx.users-file"}) {
            System.clearProperty(p);
        }
    }

    @Test
    void refusesToServeWithoutAUsersFile() {
        CommandRun run = CommandRun.of("serve");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("the REST API was not started", HOME.data().resolve("users.yaml").toString(),
                "the users file is missing", "hash-password");
        assertThat(run.out()).doesNotContain("Serving");
    }

    @Test
    void refusesToServeWithABrokenUsersFileNamingEveryProblem() throws Exception {
        var file = HOME.home().resolve("users.yaml");
        Files.writeString(file, """
                users:
                  - username: admin
                    password: "plain-text-secret"
                    roles: [ADMIN]
                  - username: zhang
                    password: "{bcrypt}$2a$04$abcdefghijklmnopqrstuuM3mN0p1L3o7W2oq0j3Jq0QJ6a9Xq5Ym"
                    roles: [CLERK]
                    unit: nowhere
                  - username: li
                    password: "{bcrypt}$2a$04$abcdefghijklmnopqrstuuM3mN0p1L3o7W2oq0j3Jq0QJ6a9Xq5Ym"
                    roles: [AUDITOR]
                """);
        System.setProperty("cx.users-file", file.toString());
        try {
            CommandRun run = CommandRun.of("serve");

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("3 problem(s)", file + ":3: users[0].password: password is not a BCrypt hash",
                    file + ":8: users[1].unit: unknown unit 'nowhere'", file + ":11: users[2].roles[0]: unknown role 'AUDITOR'");
            assertThat(run.out() + run.err()).doesNotContain("plain-text-secret");
        } finally {
            System.clearProperty("cx.users-file");
        }
    }

    @Test
    void servedFromAConfigurationRootGivenAsTheWorkingDirectoryFindsItsConfiguration() throws Exception {
        // The tests run in the repository, itself a configuration root. Spring used to bind a relative cx.home
        // against Tomcat's temporary document root: serve then found no configuration at all and failed (exit 1).
        var file = HOME.home().resolve("cwd-users.yaml");
        Files.writeString(file, """
                users:
                  - username: zhang
                    password: "{bcrypt}$2a$04$abcdefghijklmnopqrstuuM3mN0p1L3o7W2oq0j3Jq0QJ6a9Xq5Ym"
                    roles: [CLERK]
                    unit: nowhere
                """);
        System.clearProperty("cx.home");
        System.setProperty("cx.users-file", file.toString());
        try {
            CommandRun run = CommandRun.of("serve");

            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            // the units known are those of the repository's connectors/: the configuration was read
            assertThat(run.err()).contains(file + ":5: users[0].unit: unknown unit 'nowhere'");
        } finally {
            System.clearProperty("cx.users-file");
            System.setProperty("cx.home", HOME.home().toString());
        }
    }
}
