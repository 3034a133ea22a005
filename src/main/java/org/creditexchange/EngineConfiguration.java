package org.creditexchange;

import org.creditexchange.config.ConfigurationLoader;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.intake.LandingZone;
import org.creditexchange.store.PersonalIdCipher;
import org.creditexchange.store.PersonalIdHasher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's core beans: the checked configuration (startup fails on a broken one), landing zone, ID hasher. */
@Configuration
@EnableConfigurationProperties(CxProperties.class)
public class EngineConfiguration {

    @Bean
    public PlatformConfiguration platformConfiguration(CxProperties properties) {
        return new ConfigurationLoader(properties.home()).load().orThrow();
    }

    /** JSON for staging and layouts: plain, stable, Java time as ISO text. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean
    public com.fasterxml.jackson.databind.ObjectMapper objectMapper() {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Bean
    public LandingZone landingZone(CxProperties properties) {
        return new LandingZone(properties.dataDir().resolve("landing"));
    }

    @Bean
    public PersonalIdCipher personalIdCipher(CxProperties properties) {
        return PersonalIdCipher.fromConfiguredOrFile(properties.idEncryptionKey(),
                properties.dataDir().resolve("keys").resolve("id-encryption.key"));
    }

    @Bean
    public PersonalIdHasher personalIdHasher(CxProperties properties) {
        return PersonalIdHasher.fromConfiguredOrFile(properties.idHashKey(),
                properties.dataDir().resolve("keys").resolve("id-hash.key"));
    }
}
