package org.creditexchange.ops.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.intake.ChannelDefinition;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.collect.ChannelContacts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What makes the engine's health. Overall health is DOWN when the engine itself cannot work: the database
 * ({@code db}), the landing zone ({@code landingZone}), Camel ({@code camelHealth}), the disk, or a scheduler that
 * was shut down. A unit's front-end machine that cannot be reached, or a scheduler in standby, is OUT_OF_SERVICE
 * in its own entry ({@code frontEndChannels/<unit>/<channel>}, {@code scheduler}) but leaves the overall status UP:
 * restarting or taking the engine out of service would not bring that machine back, and clerks still upload and
 * drop files. Monitoring watches those entries (and the metric {@code cx_channel_up}) for them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class HealthConfiguration {

    /** The name of the front-end channels' entry in the health endpoint. */
    public static final String FRONT_END_CHANNELS = "frontEndChannels";

    /** DOWN first; OUT_OF_SERVICE after UP, so an unreachable front-end machine does not make the engine unhealthy. */
    @Bean
    public StatusAggregator healthStatusAggregator() {
        return new SimpleStatusAggregator(Status.DOWN, Status.UP, Status.OUT_OF_SERVICE, Status.UNKNOWN);
    }

    /** One entry per remote channel, grouped by unit; none when no unit has a remote channel. */
    @Bean
    public FrontEndChannelsRegistration frontEndChannelsRegistration(ObjectProvider<HealthContributorRegistry> registry,
                                                                     PlatformConfiguration configuration,
                                                                     ChannelContacts contacts) {
        Map<String, HealthContributor> units = new LinkedHashMap<>();
        for (ConnectorDefinition unit : configuration.connectors().values()) {
            Map<String, HealthContributor> channels = new LinkedHashMap<>();
            for (ChannelDefinition channel : unit.channels()) {
                if (channel.remote()) {
                    channels.put(channel.id(), new FrontEndChannelHealthIndicator(contacts, unit.code(), channel.id()));
                }
            }
            if (!channels.isEmpty()) {
                units.put(unit.code(), CompositeHealthContributor.fromMap(channels));
            }
        }
        // No registry when the health endpoint is switched off.
        HealthContributorRegistry health = registry.getIfAvailable();
        if (!units.isEmpty() && health != null) {
            health.registerContributor(FRONT_END_CHANNELS, CompositeHealthContributor.fromMap(units));
        }
        return new FrontEndChannelsRegistration(units.keySet().stream().toList());
    }

    /** Which units' channels were registered (the units with a remote channel). */
    public record FrontEndChannelsRegistration(java.util.List<String> units) {
    }
}
