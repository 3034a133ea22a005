package org.creditexchange.ops.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.support.TestHome;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A serving engine on a random port, on H2, with the web settings of {@code serve}, a users file with one user of
 * each role (written by the test, BCrypt hashes), a job {@code pending}, and a unit {@code api-remote} with a
 * front-end SFTP channel (never contacted: the tests write its contacts). Tests call it over real HTTP as the users
 * would. Subclasses share one engine.
 */
@SpringBootTest(classes = CreditExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
// Tests switch metrics export off unless asked: the Prometheus endpoint is part of what is tested.
@AutoConfigureObservability(tracing = false)
public abstract class ApiServerTestBase {

    public static final TestHome HOME = TestHome.create();
    /** Every user's password (the users file holds its hash). */
    public static final String PASSWORD = "test-password-1";
    public static final String ADMIN = "admin";
    public static final String OPERATOR = "ops";
    public static final String VIEWER = "viewer";
    /** The clerk of {@link TestHome#UNIT}. */
    public static final String CLERK = "clerk";
    /** The clerk of {@link TestHome#OTHER_UNIT}. */
    public static final String CLERK_B = "clerk-b";
    /** A unit with a front-end (SFTP) channel. */
    public static final String REMOTE_UNIT = "api-remote";
    /** The upload limit of these tests, small enough to exceed cheaply. */
    public static final int UPLOAD_LIMIT_MB = 1;

    protected static final ObjectMapper JSON = new ObjectMapper();

    static {
        try {
            String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
            Files.createDirectories(HOME.data());
            Files.writeString(HOME.data().resolve("users.yaml"), """
                    users:
                      - {username: %2$s, password: "%1$s", roles: [ADMIN]}
                      - {username: %3$s, password: "%1$s", roles: [OPERATOR]}
                      - {username: %4$s, password: "%1$s", roles: [VIEWER]}
                      - {username: %5$s, password: "%1$s", roles: [CLERK], unit: %7$s}
                      - {username: %6$s, password: "%1$s", roles: [CLERK], unit: %8$s}
                    """.formatted(hash, ADMIN, OPERATOR, VIEWER, CLERK, CLERK_B, TestHome.UNIT, TestHome.OTHER_UNIT));
            Path jobs = Files.createDirectories(HOME.home().resolve("jobs"));
            Files.writeString(jobs.resolve("pending.yaml"), """
                    id: pending
                    title: 处理待处理批次
                    steps:
                      - type: process-pending
                      - type: archive
                    """);
            Files.writeString(HOME.home().resolve("connectors").resolve(REMOTE_UNIT + ".yaml"), """
                    code: api-remote
                    name: 测试区前置机单位
                    channels:
                      - id: front
                        type: sftp
                        host: 127.0.0.1
                        username: cx
                        password-env: API_REMOTE_SFTP_PASSWORD
                        known-hosts: keys/known_hosts
                        remote-path: outbox
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void serveLikeProperties(DynamicPropertyRegistry registry) {
        HOME.registerH2(registry);
        WebDefaults.properties().forEach((name, value) -> {
            if (!name.startsWith("spring.servlet.multipart.")) {
                registry.add(name, () -> value);
            }
        });
        registry.add("spring.servlet.multipart.max-file-size", () -> UPLOAD_LIMIT_MB + "MB");
        registry.add("spring.servlet.multipart.max-request-size", () -> UPLOAD_LIMIT_MB + "MB");
    }

    @LocalServerPort
    protected int port;

    /** A call's answer: status, headers and body. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text(), e);
            }
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    protected RestClient client() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    /** GET as {@code user} (null: without credentials). */
    protected Answer get(String user, String path) {
        return get(user, path, Map.of());
    }

    /** GET with more headers. */
    protected Answer get(String user, String path, Map<String, String> headers) {
        return answer(client().get().uri(path).headers(h -> {
            auth(h, user);
            headers.forEach(h::add);
        }).retrieve().toEntity(byte[].class));
    }

    /** POST of a JSON body as {@code user}. */
    protected Answer postJson(String user, String path, Object body) {
        return answer(client().method(HttpMethod.POST).uri(path).headers(h -> auth(h, user))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(byte[].class));
    }

    /** Uploads {@code content} as a file named {@code fileName} for {@code unit}, as {@code user}. */
    protected Answer upload(String user, String unit, String fileName, byte[] content, Map<String, String> headers) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return answer(client().post().uri("/api/units/{unit}/uploads", unit).headers(h -> {
            auth(h, user);
            headers.forEach(h::add);
        }).contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(byte[].class));
    }

    protected Answer upload(String user, String unit, String fileName, byte[] content) {
        return upload(user, unit, fileName, content, Map.of());
    }

    /** The audit entries of {@code action} naming {@code target}, newest first (read as the admin, over the API). */
    protected List<JsonNode> audit(String action, String target) {
        Answer a = get(ADMIN, "/api/audit?action=" + action + "&limit=1000");
        if (a.status() != 200) {
            throw new AssertionError("audit query failed: " + a.status() + " " + a.text());
        }
        List<JsonNode> found = new java.util.ArrayList<>();
        a.json().forEach(e -> {
            if (target == null || e.get("target").asText().equals(target)) {
                found.add(e);
            }
        });
        return found;
    }

    private static Answer answer(ResponseEntity<byte[]> r) {
        return new Answer(r.getStatusCode().value(), r.getHeaders(), r.getBody() == null ? new byte[0] : r.getBody());
    }

    private static void auth(HttpHeaders h, String user) {
        if (user != null) {
            h.setBasicAuth(user, PASSWORD);
        }
    }
}
