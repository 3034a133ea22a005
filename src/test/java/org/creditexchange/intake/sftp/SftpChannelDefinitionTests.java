package org.creditexchange.intake.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.creditexchange.config.ConfigProblem;
import org.creditexchange.config.YamlFile;
import org.creditexchange.intake.ChannelProblem;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.RetryDefinition;
import org.creditexchange.intake.SftpChannelDefinition;
import org.creditexchange.intake.SftpChannelDefinition.AfterLanding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How an sftp channel is declared in YAML and which mistakes it reports itself. */
class SftpChannelDefinitionTests {

    @TempDir
    Path dir;

    @Test
    void bindsTheDocumentedExampleWithItsDefaults() throws IOException {
        SftpChannelDefinition sftp = bind("""
                host: 10.20.1.7
                port: 2222
                username: cx
                password-env: CX_SAMPLE_COURT_SFTP_PASSWORD
                known-hosts: keys/known_hosts
                remote-path: /outbox
                feedback-path: /feedback
                include: "*.xlsx, *.xls ,*.csv"
                retry: {attempts: 5, backoff: 30s}
                """);

        assertThat(sftp.host()).isEqualTo("10.20.1.7");
        assertThat(sftp.port()).isEqualTo(2222);
        assertThat(sftp.passwordEnv()).isEqualTo("CX_SAMPLE_COURT_SFTP_PASSWORD");
        assertThat(sftp.usesPrivateKey()).isFalse();
        assertThat(sftp.afterLanding()).isEqualTo(AfterLanding.MOVE);
        assertThat(sftp.doneDirectory()).isEqualTo(".done");
        assertThat(sftp.includePatterns()).containsExactly("*.xlsx", "*.xls", "*.csv");
        assertThat(sftp.settle()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sftp.retry()).isEqualTo(new RetryDefinition(5, Duration.ofSeconds(30)));
        assertThat(sftp.remote()).isTrue();
        assertThat(sftp.problems()).isEmpty();
    }

    @Test
    void bindsAPrivateKeyChannelThatDeletesWhatItLanded() throws IOException {
        SftpChannelDefinition sftp = bind("""
                host: sftp.court.example
                username: cx
                private-key: keys/court_ed25519
                passphrase-env: CX_COURT_KEY_PASSPHRASE
                known-hosts: /etc/cx/known_hosts
                remote-path: outbox
                after-landing: delete
                settle: 2m
                """);

        assertThat(sftp.port()).isEqualTo(22);
        assertThat(sftp.usesPrivateKey()).isTrue();
        assertThat(sftp.afterLanding()).isEqualTo(AfterLanding.DELETE);
        assertThat(sftp.settle()).isEqualTo(Duration.ofMinutes(2));
        assertThat(sftp.retry()).isEqualTo(RetryDefinition.DEFAULT);
        assertThat(sftp.includePatterns()).isEmpty();
        assertThat(sftp.problems()).isEmpty();
    }

    @Test
    void refusesAnUnknownKeyAndAnUnknownAfterLandingWhereTheyStand() throws IOException {
        List<ConfigProblem> problems = bindProblems("""
                host: h
                username: cx
                password-env: P
                known-hosts: k
                remote-path: /outbox
                after-landing: archive
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).contains("after-landing 'archive' is not one of move, delete");
        });
        assertThat(bindProblems("""
                host: h
                username: cx
                password: s3cret
                known-hosts: k
                remote-path: /outbox
                """)).singleElement().satisfies(p -> assertThat(p.message()).contains("unknown key 'password'"));
    }

    /** One mistake a line, on a channel that is otherwise well formed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # YAML that replaces a line of the valid channel         | path           | message fragment
            host: ' '                                                 | host           | host is required
            username: ''                                              | username       | username is required
            remote-path: ''                                           | remote-path    | remote-path is required
            known-hosts: ''                                           | known-hosts    | known-hosts is required
            password-env: ''                                          | ""             | give password-env
            port: 0                                                   | port           | port 0 is not between 1 and 65535
            port: 70000                                               | port           | port 70000 is not between 1 and 65535
            password-env: my-Pa55word!                                | password-env   | must name an environment variable
            passphrase-env: CX_KEY_PASSPHRASE                         | passphrase-env | private-key, which is not given
            known-hosts: ../keys/known_hosts                          | known-hosts    | leaves the data directory
            private-key: ../../home/cx/.ssh/id_rsa                    | private-key    | leaves the data directory
            done-path: /outbox/                                       | done-path      | must not be remote-path itself
            done-path: .                                              | done-path      | must not be remote-path itself
            feedback-path: /outbox                                    | feedback-path  | must not be remote-path itself
            include: ' , '                                            | include        | include names no pattern
            settle: -PT1S                                             | settle         | settle must not be negative
            retry: {attempts: 0}                                      | retry.attempts | attempts must be at least 1
            """)
    void reportsEachMistake(String line, String path, String fragment) throws IOException {
        String key = line.substring(0, line.indexOf(':'));
        StringBuilder yaml = new StringBuilder();
        boolean replaced = false;
        for (String l : VALID.lines().toList()) {
            if (l.startsWith(key + ":")) {
                yaml.append(line).append('\n');
                replaced = true;
            } else {
                yaml.append(l).append('\n');
            }
        }
        if (!replaced) {
            yaml.append(line).append('\n');
        }

        List<ChannelProblem> problems = bind(yaml.toString()).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(fragment);
        });
        // a value that is not a variable name may be the secret itself: it is never repeated
        assertThat(problems.get(0).message()).doesNotContain("my-Pa55word!");
    }

    @Test
    void deleteWithADonePathIsAContradiction() throws IOException {
        SftpChannelDefinition sftp = bind(VALID + "after-landing: delete\ndone-path: /archive\n");

        assertThat(sftp.problems()).extracting(ChannelProblem::path, ChannelProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("done-path",
                        "done-path is only used with after-landing: move"));
    }

    @Test
    void aPrivateKeyAloneIsEnoughAndAbsoluteKeyPathsAreAllowed() throws IOException {
        String yaml = VALID.replace("password-env: CX_PASSWORD\n", "private-key: /etc/cx/keys/id_ed25519\n")
                .replace("known-hosts: keys/known_hosts", "known-hosts: /etc/cx/known_hosts");

        assertThat(bind(yaml).problems()).isEmpty();
    }

    private static final String VALID = """
            host: 10.20.1.7
            username: cx
            password-env: CX_PASSWORD
            known-hosts: keys/known_hosts
            remote-path: /outbox
            """;

    private SftpChannelDefinition bind(String channelYaml) throws IOException {
        List<ConfigProblem> problems = new ArrayList<>();
        ConnectorDefinition unit = YamlFile.read(write(channelYaml), Path.of("connectors/court.yaml"),
                ConnectorDefinition.class, problems).orElseThrow(() -> new AssertionError(problems)).value();
        assertThat(problems).isEmpty();
        return (SftpChannelDefinition) unit.channels().get(0);
    }

    private List<ConfigProblem> bindProblems(String channelYaml) throws IOException {
        List<ConfigProblem> problems = new ArrayList<>();
        YamlFile.read(write(channelYaml), Path.of("connectors/court.yaml"), ConnectorDefinition.class, problems);
        return problems;
    }

    /** A connector whose one channel is {@code channelYaml}; the channel's keys start on line 6. */
    private Path write(String channelYaml) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                code: court
                name: 测试区人民法院
                channels:
                  - id: sftp
                    type: sftp
                """);
        channelYaml.lines().forEach(l -> yaml.append("    ").append(l).append('\n'));
        return Files.writeString(dir.resolve("court.yaml"), yaml);
    }
}
