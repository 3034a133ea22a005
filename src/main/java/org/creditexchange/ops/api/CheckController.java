package org.creditexchange.ops.api;

import java.util.List;
import java.util.Map;
import org.creditexchange.CxProperties;
import org.creditexchange.config.ConfigurationLoader;
import org.creditexchange.config.PlatformConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code check} over HTTP: loads the configuration folders as they are on disk now (what the next start would run
 * with, not necessarily what this engine runs with) and lists every problem, as the {@code check} command does.
 */
@RestController
@ConditionalOnWebApplication
public class CheckController {

    private final CxProperties properties;

    public CheckController(CxProperties properties) {
        this.properties = properties;
    }

    /**
     * The outcome.
     *
     * @param ok       true when there is no problem
     * @param home     the configuration root that was checked
     * @param counts   what the configuration declares (connectors, items, mappings, formats, jobs, schedules),
     *                 empty when it has problems
     * @param problems every problem, in English (operators read them)
     */
    public record CheckResult(boolean ok, String home, Map<String, Integer> counts, List<Problem> problems) {
    }

    /** One problem: file (relative to the root), line (0 for the whole file), YAML path, message. */
    public record Problem(String file, int line, String path, String message) {
    }

    @GetMapping("/api/check")
    public CheckResult check() {
        ConfigurationLoader.Result result = new ConfigurationLoader(properties.home()).load();
        List<Problem> problems = result.problems().stream().sorted()
                .map(p -> new Problem(p.file().toString(), p.line(), p.path(), p.message())).toList();
        Map<String, Integer> counts = result.ok() ? counts(result.configuration()) : Map.of();
        return new CheckResult(result.ok(), properties.home().toString(), counts, problems);
    }

    private static Map<String, Integer> counts(PlatformConfiguration c) {
        return Map.of("connectors", c.connectors().size(),
                "catalogItems", c.catalog().items().size(),
                "sourceMappings", c.sourceMappings().values().stream().mapToInt(Map::size).sum(),
                "formats", c.formats().size(),
                "jobs", c.jobs().size(),
                "schedules", c.schedules().size());
    }
}
