package org.creditexchange.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.creditexchange.catalog.Catalog;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.CodeTableDefinition;
import org.creditexchange.catalog.ProhibitedData;
import org.creditexchange.catalog.ProhibitedDataDefinition;
import org.creditexchange.ingest.map.FormatDefinition;
import org.creditexchange.ingest.map.SourceMappingDefinition;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.schedule.CalendarDefinition;
import org.creditexchange.schedule.JobDefinition;
import org.creditexchange.schedule.ScheduleDefinition;
import org.creditexchange.schedule.WorkingDayCalendar;

/**
 * Reads {@code connectors/}, {@code mappings/} (catalog/, codes/, formats/, sources/&lt;unit&gt;/) and the working-day
 * calendars {@code schedules/calendar-<year>.yaml} (optional: without them the calendar is empty), the jobs
 * {@code jobs/<id>.yaml} and the Quartz triggers {@code schedules/<id>.yaml} (both optional) under a configuration
 * root, binds every file and checks every file and every cross-file reference. Collects all problems instead
 * of stopping at the first: an operator fixes a broken configuration in one pass.
 */
public final class ConfigurationLoader {

    /** The list of data never collected, relative to the configuration root. */
    static final String PROHIBITED = "mappings/prohibited-data.yaml";

    /** The folder of the working-day calendars (and, later, of the Quartz triggers). */
    static final String SCHEDULES = "schedules";

    /** The folder of the job definitions. */
    static final String JOBS = "jobs";

    private static final java.util.regex.Pattern CALENDAR_FILE = java.util.regex.Pattern.compile("calendar-(\\d{4})\\.yaml");

    private final Path root;

    public ConfigurationLoader(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The outcome of a load: a configuration when there are no problems. */
    public record Result(PlatformConfiguration configuration, List<ConfigProblem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }

        /** The configuration, or an exception listing every problem. */
        public PlatformConfiguration orThrow() {
            if (!ok()) {
                throw new InvalidConfigurationException(problems);
            }
            return configuration;
        }
    }

    /** Loads and checks everything; never throws for a user mistake. */
    public Result load() {
        List<ConfigProblem> problems = new ArrayList<>();
        for (String folder : List.of("connectors", "mappings/catalog", "mappings/codes")) {
            if (!Files.isDirectory(root.resolve(folder))) {
                problems.add(new ConfigProblem(Path.of(folder), 0, "", "folder is missing under " + root));
            }
        }
        Map<String, YamlFile.Bound<CodeTableDefinition>> codes = readFolder("mappings/codes", CodeTableDefinition.class, problems);
        Map<String, YamlFile.Bound<CatalogItemDefinition>> items = readFolder("mappings/catalog", CatalogItemDefinition.class, problems);
        Map<String, YamlFile.Bound<ConnectorDefinition>> connectors = readFolder("connectors", ConnectorDefinition.class, problems);
        Map<String, Map<String, YamlFile.Bound<SourceMappingDefinition>>> mappings = new TreeMap<>();
        Path sources = root.resolve("mappings/sources");
        if (Files.isDirectory(sources)) {
            for (Path unitDir : list(sources, problems)) {
                if (Files.isDirectory(unitDir)) {
                    String unit = unitDir.getFileName().toString();
                    mappings.put(unit, readFolder("mappings/sources/" + unit, SourceMappingDefinition.class, problems));
                }
            }
        }

        Map<String, YamlFile.Bound<FormatDefinition>> formats = readFolder("mappings/formats", FormatDefinition.class, problems);
        Path prohibitedFile = root.resolve(PROHIBITED);
        ProhibitedData prohibited = ProhibitedData.none();
        if (Files.isRegularFile(prohibitedFile)) {
            prohibited = YamlFile.read(prohibitedFile, Path.of(PROHIBITED), ProhibitedDataDefinition.class, problems)
                    .map(b -> new ProhibitedData(b.value())).orElse(ProhibitedData.none());
        } else {
            problems.add(new ConfigProblem(Path.of(PROHIBITED), 0, "", "file is missing: the list of data never collected is required"));
        }

        ConfigurationChecks checks = new ConfigurationChecks(problems, prohibited);
        codes.forEach(checks::checkCodeTable);
        Map<String, CodeTableDefinition> codeDefs = values(codes);
        items.forEach((id, b) -> checks.checkCatalogItem(id, b, codeDefs));
        Map<String, CatalogItemDefinition> itemDefs = values(items);
        // Items whose file exists but failed to bind are not reported again as unknown where they are referenced.
        java.util.Set<String> itemIds = new java.util.HashSet<>(itemDefs.keySet());
        itemIds.addAll(fileIds("mappings/catalog"));
        connectors.forEach((code, b) -> checks.checkConnector(code, b, itemIds));
        checks.checkDropPathsUnique(connectors);
        checks.checkFoldersApart(connectors);
        // Likewise connectors whose file exists but failed to bind.
        java.util.Set<String> unitIds = new java.util.HashSet<>(connectors.keySet());
        unitIds.addAll(fileIds("connectors"));
        mappings.forEach((unit, byItem) -> byItem.forEach((item, b) ->
                checks.checkSourceMapping(unit, item, b, unitIds, itemIds, itemDefs, codeDefs)));

        formats.forEach((id, b) -> checks.checkFormat(id, b, itemIds, itemDefs, codeDefs));

        Map<Integer, YamlFile.Bound<CalendarDefinition>> calendars = readCalendars(problems);
        calendars.forEach(checks::checkCalendar);

        Map<String, YamlFile.Bound<JobDefinition>> jobs = readFolder(JOBS, JobDefinition.class, problems);
        jobs.forEach(checks::checkJob);
        // Jobs whose file exists but failed to bind are not reported again as unknown where a schedule names them.
        java.util.Set<String> jobIds = new java.util.HashSet<>(jobs.keySet());
        jobIds.addAll(fileIds(JOBS));
        // The Quartz triggers: every schedules/<id>.yaml that is not a working-day calendar (calendar-*).
        Map<String, YamlFile.Bound<ScheduleDefinition>> schedules = readFolder(SCHEDULES, ScheduleDefinition.class,
                problems, name -> !name.startsWith("calendar-"));
        schedules.forEach((id, b) -> checks.checkSchedule(id, b, jobIds));

        if (!problems.isEmpty()) {
            Collections.sort(problems);
            return new Result(null, List.copyOf(problems));
        }
        Map<String, Map<String, SourceMappingDefinition>> mappingDefs = new TreeMap<>();
        mappings.forEach((unit, byItem) -> mappingDefs.put(unit, values(byItem)));
        PlatformConfiguration configuration = new PlatformConfiguration(root, values(connectors),
                new Catalog(itemDefs, codeDefs), mappingDefs, values(formats), prohibited,
                WorkingDayCalendar.of(calendars.values().stream().map(YamlFile.Bound::value).toList()),
                values(jobs), values(schedules));
        return new Result(configuration, List.of());
    }

    private <T> Map<String, YamlFile.Bound<T>> readFolder(String folder, Class<T> type, List<ConfigProblem> problems) {
        return readFolder(folder, type, problems, name -> true);
    }

    /** Binds every {@code *.yaml} of {@code folder} whose name {@code accepts}; a missing folder is no mistake. */
    private <T> Map<String, YamlFile.Bound<T>> readFolder(String folder, Class<T> type, List<ConfigProblem> problems,
                                                          java.util.function.Predicate<String> accepts) {
        Map<String, YamlFile.Bound<T>> out = new TreeMap<>();
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        for (Path file : list(dir, problems)) {
            String name = file.getFileName().toString();
            if (Files.isDirectory(file) || name.startsWith(".") || !accepts.test(name)) {
                continue;
            }
            Path shown = root.relativize(file);
            if (!name.endsWith(".yaml")) {
                if (name.endsWith(".yml")) {
                    problems.add(new ConfigProblem(shown, 0, "", "configuration files end in .yaml, not .yml"));
                }
                continue;
            }
            String id = name.substring(0, name.length() - ".yaml".length());
            YamlFile.read(file, shown, type, problems).ifPresent(b -> out.put(id, b));
        }
        return out;
    }

    /**
     * The files {@code schedules/calendar-<year>.yaml} by the year in their name. Other files in {@code schedules/}
     * (Quartz triggers, README.md) are not calendars and are left alone; a missing folder is no mistake.
     */
    private Map<Integer, YamlFile.Bound<CalendarDefinition>> readCalendars(List<ConfigProblem> problems) {
        Map<Integer, YamlFile.Bound<CalendarDefinition>> out = new TreeMap<>();
        Path dir = root.resolve(SCHEDULES);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        for (Path file : list(dir, problems)) {
            String name = file.getFileName().toString();
            if (Files.isDirectory(file) || !name.startsWith("calendar-")) {
                continue;
            }
            Path shown = root.relativize(file);
            if (name.endsWith(".yml")) {
                problems.add(new ConfigProblem(shown, 0, "", "configuration files end in .yaml, not .yml"));
                continue;
            }
            if (!name.endsWith(".yaml")) {
                continue;
            }
            java.util.regex.Matcher m = CALENDAR_FILE.matcher(name);
            if (!m.matches()) {
                problems.add(new ConfigProblem(shown, 0, "",
                        "a working-day calendar is named calendar-<year>.yaml with a four-digit year, e.g. calendar-2026.yaml"));
                continue;
            }
            int year = Integer.parseInt(m.group(1));
            YamlFile.read(file, shown, CalendarDefinition.class, problems).ifPresent(b -> out.put(year, b));
        }
        return out;
    }

    private java.util.Set<String> fileIds(String folder) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        Path dir = root.resolve(folder);
        if (Files.isDirectory(dir)) {
            for (Path f : list(dir, new ArrayList<>())) {
                String name = f.getFileName().toString();
                if (name.endsWith(".yaml")) {
                    ids.add(name.substring(0, name.length() - ".yaml".length()));
                }
            }
        }
        return ids;
    }

    private static List<Path> list(Path dir, List<ConfigProblem> problems) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            problems.add(new ConfigProblem(dir, 0, "", "cannot list folder: " + e.getMessage()));
            return List.of();
        }
    }

    private static <T> Map<String, T> values(Map<String, YamlFile.Bound<T>> bound) {
        Map<String, T> out = new TreeMap<>();
        bound.forEach((k, v) -> out.put(k, v.value()));
        return out;
    }
}
