package org.creditexchange.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.creditexchange.support.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** {@code hash-password} prints what the users file takes. */
class HashPasswordTests {

    @TempDir
    Path dir;

    @Test
    void printsABcryptHashThatTheUsersFileAcceptsAndThatMatchesThePassword() throws Exception {
        CommandRun run = withStdin("正确的马 battery staple\n", "hash-password");

        assertThat(run.exit()).isZero();
        String hash = run.out().strip();
        assertThat(hash).startsWith("{bcrypt}$2a$10$").hasSize("{bcrypt}".length() + 60);
        assertThat(run.out() + run.err()).doesNotContain("battery staple");
        assertThat(new BCryptPasswordEncoder().matches("正确的马 battery staple", hash.substring(8))).isTrue();

        Path users = Files.writeString(dir.resolve("users.yaml"), "users:\n  - username: admin\n    password: \""
                + hash + "\"\n    roles: [ADMIN]\n");
        assertThat(UsersFile.load(users, Set.of()).problems()).isEmpty();
    }

    @Test
    void refusesAnEmptyOrShortPassword() {
        CommandRun empty = withStdin("", "hash-password");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.out()).isEmpty();
        assertThat(empty.err()).contains("No password on standard input");

        CommandRun shortOne = withStdin("abc\n", "hash-password");
        assertThat(shortOne.exit()).isEqualTo(2);
        assertThat(shortOne.out()).isEmpty();
        assertThat(shortOne.err()).contains("too short");
    }

    private static CommandRun withStdin(String input, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return CommandRun.of(args);
        } finally {
            System.setIn(original);
        }
    }
}
