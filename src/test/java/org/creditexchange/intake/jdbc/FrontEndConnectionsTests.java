package org.creditexchange.intake.jdbc;

import org.creditexchange.support.FrontEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.creditexchange.intake.JdbcChannelDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class FrontEndConnectionsTests {

    private static final JdbcChannelDefinition.Pull PULL = new JdbcChannelDefinition.Pull(null, "x", "T", null, "GXSJ", null);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://10.20.1.5:5432/qzj?user=u&password=p | jdbc:postgresql://10.20.1.5:5432/qzj",
            "jdbc:mysql://u:p@10.20.1.5:3306/qzj                     | jdbc:mysql://10.20.1.5:3306/qzj",
            "jdbc:h2:tcp://fe/./qzj;PASSWORD=p                       | jdbc:h2:tcp://fe/./qzj",
            "jdbc:mariadb://fe:3306/qzj                              | jdbc:mariadb://fe:3306/qzj"})
    void urlsAreShownWithoutCredentialsOrParameters(String url, String shown) {
        assertThat(FrontEndConnections.redact(url)).isEqualTo(shown);
    }

    @Test
    void credentialsComeFromTheNamedVariables() throws Exception {
        FrontEndConnections connections = new FrontEndConnections(environment(Map.of("CX_FE_USER", "clerk",
                "CX_FE_PASSWORD", "pw-123")));
        // H2 creates the database with the first user to connect, who is then the only one let in
        try (Connection c = connections.open("unit-j", channel("jdbc:h2:mem:fe-cred;DB_CLOSE_DELAY=-1"))) {
            assertThat(c.getMetaData().getUserName()).isEqualToIgnoringCase("clerk");
        }
        FrontEndConnections wrong = new FrontEndConnections(environment(Map.of("CX_FE_USER", "clerk",
                "CX_FE_PASSWORD", "not-it")));
        assertThatThrownBy(() -> wrong.open("unit-j", channel("jdbc:h2:mem:fe-cred;DB_CLOSE_DELAY=-1")).close())
                .isInstanceOf(FrontEndDatabaseException.class)
                .hasMessageStartingWith("unit unit-j, channel frontend (jdbc:h2:mem:fe-cred): cannot connect")
                .hasMessageNotContaining("not-it");
    }

    @Test
    void aVariableThatIsNotSetIsNamedAndNothingIsConnected() {
        FrontEndConnections connections = new FrontEndConnections(environment(Map.of("CX_FE_USER", "clerk")));

        assertThatThrownBy(() -> connections.open("unit-j", channel("jdbc:h2:mem:never")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("unit unit-j, channel frontend: environment variable CX_FE_PASSWORD (password-env) is not set");
    }

    @Test
    void anUnreachableDatabaseFailsWithItsAddress() {
        FrontEndConnections connections = new FrontEndConnections(environment(Map.of("CX_FE_USER", "u",
                "CX_FE_PASSWORD", "secret-pw")));

        // port 1 on the loopback: nothing listens there, the connection is refused at once
        assertThatThrownBy(() -> connections.open("unit-j", channel("jdbc:postgresql://127.0.0.1:1/qzj?ssl=false")))
                .isInstanceOf(FrontEndDatabaseException.class)
                .hasMessageStartingWith("unit unit-j, channel frontend (jdbc:postgresql://127.0.0.1:1/qzj): cannot connect "
                        + "to the front-end database")
                .hasMessageNotContaining("secret-pw");
    }

    private static JdbcChannelDefinition channel(String url) {
        return new JdbcChannelDefinition("frontend", List.of(), null, url, "CX_FE_USER", "CX_FE_PASSWORD", null, null,
                null, null, List.of(PULL), null);
    }

    private static StandardEnvironment environment(Map<String, Object> values) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", values));
        return env;
    }
}
