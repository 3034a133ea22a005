package org.creditexchange.ops.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.creditexchange.CxProperties;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.config.PlatformConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Every request needs a user of the users file (HTTP Basic), except the bare health status.
 * ADMIN and OPERATOR may do everything; VIEWER reads (every GET but the audit log); CLERK reads batches and uploads
 * (limited to the clerk's unit by the controllers). A refusal is answered 403 with a Chinese message and audited.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableWebSecurity
public class ApiSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfiguration.class);

    /**
     * The users, from {@code cx.users-file} (default {@code <data dir>/users.yaml}).
     *
     * @throws UsersFileException when the file is missing or has a problem: the web engine does not start
     */
    @Bean
    public ApiUsers apiUsers(CxProperties properties, PlatformConfiguration configuration,
                             @Value("${cx.users-file:}") String usersFile) {
        Path file = usersFile == null || usersFile.isBlank() ? properties.dataDir().resolve("users.yaml")
                : properties.resolveData(usersFile);
        ApiUsers users = new ApiUsers(UsersFile.load(file, configuration.connectors().keySet()).orThrow(file));
        log.info("REST API: {} user(s) from {}", users.size(), file);
        return users;
    }

    /** Only BCrypt: the users file holds nothing else. */
    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, ApiAudit audit, ObjectMapper json) throws Exception {
        String[] everyone = {Role.ADMIN.name(), Role.OPERATOR.name(), Role.VIEWER.name(), Role.CLERK.name()};
        String[] readers = {Role.ADMIN.name(), Role.OPERATOR.name(), Role.VIEWER.name()};
        String[] operators = {Role.ADMIN.name(), Role.OPERATOR.name()};
        http.authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(readers)
                        .requestMatchers(HttpMethod.GET, "/api/audit").hasAnyRole(operators)
                        .requestMatchers(HttpMethod.GET, "/api/batches", "/api/batches/**").hasAnyRole(everyone)
                        .requestMatchers(HttpMethod.POST, "/api/units/*/uploads").hasAnyRole(Role.ADMIN.name(),
                                Role.OPERATOR.name(), Role.CLERK.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(readers)
                        .anyRequest().hasAnyRole(operators))
                .httpBasic(b -> b.realmName("credit-exchange")
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"credit-exchange\"");
                            write(json, response, request, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                                    "请先登录：未提供用户名和密码，或用户名、密码不正确。");
                        }))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    Authentication who = SecurityContextHolder.getContext().getAuthentication();
                    String message = "您的角色（" + roles(who) + "）无权执行此操作。";
                    audit.denied(request, who, "role " + roles(who) + " may not " + request.getMethod() + " here");
                    write(json, response, request, HttpStatus.FORBIDDEN, "FORBIDDEN", message);
                }))
                // A stateless API called with credentials on every request: no session, no cookie, so no CSRF.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    private static String roles(Authentication who) {
        if (who == null) {
            return "无";
        }
        return who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).sorted().collect(Collectors.joining(","));
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpServletRequest request,
                              HttpStatus status, String code, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), new ApiError(status.value(), code, message,
                IdNumberMasking.maskEmbedded(request.getRequestURI())));
    }
}
