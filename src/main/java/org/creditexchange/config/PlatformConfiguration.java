package org.creditexchange.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.creditexchange.catalog.Catalog;
import org.creditexchange.catalog.ProhibitedData;
import org.creditexchange.ingest.map.FormatDefinition;
import org.creditexchange.ingest.map.SourceMappingDefinition;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.schedule.JobDefinition;
import org.creditexchange.schedule.ScheduleDefinition;
import org.creditexchange.schedule.WorkingDayCalendar;

/**
 * The checked configuration: what {@code connectors/}, {@code mappings/} and the working-day calendars
 * ({@code schedules/calendar-<year>.yaml}) declare. Only ever built from folders without problems.
 *
 * @param root           the configuration root (the folder holding connectors/ and mappings/)
 * @param connectors     source units by code
 * @param catalog        catalog items and code tables
 * @param sourceMappings unit code → item id → mapping
 * @param formats        known non-standard layouts (e.g. the older 双公示 format), by id
 * @param prohibitedData what is never collected
 * @param calendar       the working days of every year with a {@code schedules/calendar-<year>.yaml}; empty (every
 *                       working-day question throws) when there is none
 * @param jobs           jobs of {@code jobs/}, by id
 * @param schedules      Quartz triggers of {@code schedules/} (all but the calendars), by id
 */
public record PlatformConfiguration(Path root, Map<String, ConnectorDefinition> connectors, Catalog catalog,
                                    Map<String, Map<String, SourceMappingDefinition>> sourceMappings,
                                    Map<String, FormatDefinition> formats, ProhibitedData prohibitedData,
                                    WorkingDayCalendar calendar, Map<String, JobDefinition> jobs,
                                    Map<String, ScheduleDefinition> schedules) {

    public PlatformConfiguration {
        calendar = calendar == null ? WorkingDayCalendar.empty() : calendar;
        jobs = jobs == null ? Map.of() : Map.copyOf(jobs);
        schedules = schedules == null ? Map.of() : Map.copyOf(schedules);
    }

    /** A configuration without jobs and schedules. */
    public PlatformConfiguration(Path root, Map<String, ConnectorDefinition> connectors, Catalog catalog,
                                 Map<String, Map<String, SourceMappingDefinition>> sourceMappings,
                                 Map<String, FormatDefinition> formats, ProhibitedData prohibitedData,
                                 WorkingDayCalendar calendar) {
        this(root, connectors, catalog, sourceMappings, formats, prohibitedData, calendar, Map.of(), Map.of());
    }

    /** A configuration without working-day calendars. */
    public PlatformConfiguration(Path root, Map<String, ConnectorDefinition> connectors, Catalog catalog,
                                 Map<String, Map<String, SourceMappingDefinition>> sourceMappings,
                                 Map<String, FormatDefinition> formats, ProhibitedData prohibitedData) {
        this(root, connectors, catalog, sourceMappings, formats, prohibitedData, WorkingDayCalendar.empty());
    }

    public Optional<ConnectorDefinition> connector(String code) {
        return Optional.ofNullable(connectors.get(code));
    }

    public Collection<ConnectorDefinition> allConnectors() {
        return connectors.values();
    }

    /** The unit's mapping for the item, if it deviates from the standard template. */
    public Optional<SourceMappingDefinition> sourceMapping(String unit, String item) {
        return Optional.ofNullable(sourceMappings.getOrDefault(unit, Map.of()).get(item));
    }
}
