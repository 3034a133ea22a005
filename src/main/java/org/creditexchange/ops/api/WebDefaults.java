package org.creditexchange.ops.api;

import java.util.Map;

/**
 * The settings the REST API and Actuator need, as defaults that {@code application.properties}, the environment or
 * the command line override: which endpoints are exposed, who sees health details, the upload size limit.
 * {@code serve} starts the engine with them.
 */
public final class WebDefaults {

    /** The largest file a clerk may upload (a spreadsheet of a month's records fits well below it). */
    public static final String MAX_UPLOAD = "100MB";

    private WebDefaults() {
    }

    /** The settings, as Spring property names and values. */
    public static Map<String, String> properties() {
        return Map.of(
                "management.endpoints.web.exposure.include", "health,info,metrics,prometheus",
                // Anonymous callers (a load balancer) see only UP or DOWN; details need a user with one of the roles.
                "management.endpoint.health.show-details", "when-authorized",
                "management.endpoint.health.show-components", "when-authorized",
                "management.endpoint.health.roles", "ADMIN,OPERATOR,VIEWER",
                "spring.servlet.multipart.max-file-size", MAX_UPLOAD,
                "spring.servlet.multipart.max-request-size", MAX_UPLOAD,
                // Camel lists the context, each route and each consumer, not only their sum.
                "camel.health.exposure-level", "full",
                "server.error.whitelabel.enabled", "false");
    }

    /** The settings as {@code name=value} strings, for {@code SpringApplicationBuilder.properties}. */
    public static String[] asArguments() {
        return properties().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                .toArray(String[]::new);
    }
}
