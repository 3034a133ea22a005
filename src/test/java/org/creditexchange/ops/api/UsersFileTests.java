package org.creditexchange.ops.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.creditexchange.config.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class UsersFileTests {

    static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("correct horse");
    static final Set<String> UNITS = Set.of("sample-market", "sample-tax");

    @TempDir
    Path dir;

    @Test
    void readsUsersWithTheirRolesAndTheClerksUnit() throws IOException {
        Path file = write("""
                users:
                  - username: ops
                    password: "%1$s"
                    roles: [OPERATOR]
                  - username: zhang
                    password: "%1$s"
                    roles: [clerk]
                    unit: sample-market
                """.formatted(HASH));

        UsersFile.Result result = UsersFile.load(file, UNITS);

        assertThat(result.problems()).isEmpty();
        assertThat(result.users()).extracting(ApiUser::getUsername).containsExactly("ops", "zhang");
        ApiUser clerk = result.users().get(1);
        assertThat(clerk.roles()).containsExactly(Role.CLERK);
        assertThat(clerk.unit()).isEqualTo("sample-market");
        assertThat(clerk.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CLERK");
        assertThat(new BCryptPasswordEncoder().matches("correct horse", clerk.getPassword())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown role               | roles: [SUPERUSER]                       |   | 4 | users[0].roles[0] | unknown role 'SUPERUSER'
            no roles                   | roles: []                                |   | 4 | users[0].roles    | roles are missing
            clerk without a unit       | roles: [CLERK]                           |   | 2 | users[0].unit     | a CLERK needs the unit
            clerk of an unknown unit   | roles: [CLERK]                           | sample-court | 5 | users[0].unit | unknown unit 'sample-court'
            unit on a viewer           | roles: [VIEWER]                          | sample-tax | 5 | users[0].unit | only a CLERK is bound to a unit
            """)
    void refusesAUserWithAProblemNamingItsLine(String scenario, String roles, String unit, int line, String path,
                                               String message) throws IOException {
        Path file = write("users:\n  - username: u1\n    password: \"" + HASH + "\"\n    " + roles + "\n"
                + (unit == null ? "" : "    unit: " + unit + "\n"));

        UsersFile.Result result = UsersFile.load(file, UNITS);

        assertThat(result.ok()).isFalse();
        assertThat(result.users()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(message);
        });
    }

    @Test
    void refusesAPasswordInClearWithoutRepeatingIt() throws IOException {
        Path file = write("""
                users:
                  - username: admin
                    password: "S3cret-in-clear"
                    roles: [ADMIN]
                """);

        UsersFile.Result result = UsersFile.load(file, UNITS);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("not a BCrypt hash");
        });
        assertThatThrownBy(() -> result.orThrow(file)).isInstanceOf(UsersFileException.class)
                .hasMessageContaining(file + ":3: users[0].password")
                .hasMessageNotContaining("S3cret-in-clear");
    }

    @Test
    void collectsEveryProblemOfTheFileAtOnce() throws IOException {
        Path file = write("""
                users:
                  - username: a
                    password: "%1$s"
                    roles: [ADMIN]
                  - username: a
                    password: "$2a$10$tooShort"
                    roles: [CLERK, BOSS]
                """.formatted(HASH));

        UsersFile.Result result = UsersFile.load(file, UNITS);

        assertThat(result.problems()).extracting(ConfigProblem::path).containsExactlyInAnyOrder(
                "users[1].username", "users[1].password", "users[1].roles[1]", "users[1].unit");
    }

    @Test
    void refusesAMissingFileAndUnknownKeys() throws IOException {
        assertThat(UsersFile.load(dir.resolve("none.yaml"), UNITS).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("the users file is missing", "hash-password"));
        Path file = write("""
                users:
                  - username: a
                    passwd: "x"
                    roles: [ADMIN]
                """);
        assertThat(UsersFile.load(file, UNITS).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("unknown key 'passwd'"));
    }

    @Test
    void acceptsABareBcryptHashWithoutItsPrefix() {
        String bare = HASH.substring("{bcrypt}".length());
        assertThat(UsersFile.hash(bare)).isEqualTo(bare);
        assertThat(UsersFile.hash(HASH)).isEqualTo(bare);
        assertThat(UsersFile.hash("{noop}password")).isNull();
        assertThat(UsersFile.hash("{sha256}" + bare)).isNull();
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("users.yaml"), yaml);
    }
}
