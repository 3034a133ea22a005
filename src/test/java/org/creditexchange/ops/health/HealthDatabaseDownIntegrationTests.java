package org.creditexchange.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.ops.api.WebDefaults;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Health goes DOWN when the database stops. On a PostgreSQL server of its own (stopping it must not touch the one
 * the other tests share), in an engine of its own, closed afterwards.
 */
@SpringBootTest(classes = CreditExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet",
                // a stopped database is reported within a second, not after the pool's 30 s default
                "spring.datasource.hikari.connection-timeout=1000"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HealthDatabaseDownIntegrationTests {

    static final TestHome HOME = TestHome.create();
    static final EmbeddedPostgres POSTGRES;
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        try {
            POSTGRES = EmbeddedPostgres.builder().start();
            Files.createDirectories(HOME.data());
            Files.writeString(HOME.data().resolve("users.yaml"), "users:\n  - {username: ops, password: \"{bcrypt}"
                    + new BCryptPasswordEncoder(4).encode("ops-password") + "\", roles: [OPERATOR]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOME.registerPostgres(registry, POSTGRES.getJdbcUrl("postgres", "postgres"));
        WebDefaults.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    BatchMetrics metrics;

    @Test
    void healthIsUpAndGoesDownWhenTheDatabaseStops() throws Exception {
        assertThat(status(call(null, "/actuator/health"))).isEqualTo(200);
        assertThat(json(call(null, "/actuator/health")).get("status").asText()).isEqualTo("UP");
        assertThat(json(call("ops", "/actuator/health")).at("/components/db/status").asText()).isEqualTo("UP");
        // the metrics' SQL runs on PostgreSQL too (the other tests scrape H2)
        assertThat(metrics.read().byStatus()).isEmpty();

        POSTGRES.close();

        ResponseEntity<byte[]> anonymous = call(null, "/actuator/health");
        assertThat(status(anonymous)).isEqualTo(503);
        assertThat(json(anonymous).get("status").asText()).isEqualTo("DOWN");
        // users come from their file: operators still get in and see why
        JsonNode details = json(call("ops", "/actuator/health"));
        assertThat(details.at("/components/db/status").asText()).isEqualTo("DOWN");
        assertThat(details.at("/components/landingZone/status").asText()).isEqualTo("UP");
        // the API answers, in Chinese, that it cannot work now
        ResponseEntity<byte[]> batches = call("ops", "/api/batches");
        assertThat(status(batches)).isEqualTo(500);
        assertThat(json(batches).get("message").asText()).contains("系统内部错误");
    }

    private ResponseEntity<byte[]> call(String user, String path) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build().get().uri(path).headers(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, user + "-password");
                    }
                }).retrieve().toEntity(byte[].class);
    }

    private static int status(ResponseEntity<byte[]> r) {
        return r.getStatusCode().value();
    }

    private static JsonNode json(ResponseEntity<byte[]> r) throws IOException {
        return JSON.readTree(new String(r.getBody(), StandardCharsets.UTF_8));
    }
}
