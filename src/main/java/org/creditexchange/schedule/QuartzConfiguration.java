package org.creditexchange.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz's JDBC delegate by database: PostgreSQL stores job data as {@code bytea} and needs its own delegate; H2 uses
 * the standard one. Everything else is in {@code application.properties} ({@code spring.quartz.*}) and is the same on
 * both: the JDBC job store in the platform's database (tables {@code QRTZ_*}, Flyway V7), clustered with instance id
 * AUTO, so engines sharing one database — PostgreSQL, or an H2 file opened by two processes through its auto
 * server — fire each trigger once, and one engine's start never takes another's running firings for its own
 * leftovers.
 */
@Configuration
public class QuartzConfiguration {

    /** The delegate for PostgreSQL. */
    static final String POSTGRES_DELEGATE = "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate";
    /** The delegate for every other database (H2). */
    static final String STANDARD_DELEGATE = "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";

    @Bean
    public SchedulerFactoryBeanCustomizer cxQuartzDelegate(QuartzProperties quartz, DataSource dataSource) {
        return factory -> {
            Properties p = new Properties();
            p.putAll(quartz.getProperties());
            p.setProperty("org.quartz.jobStore.driverDelegateClass", delegateFor(productName(dataSource)));
            factory.setQuartzProperties(p);
        };
    }

    /** The delegate for a database, by the product name its JDBC driver reports. */
    static String delegateFor(String databaseProductName) {
        return databaseProductName.toLowerCase(Locale.ROOT).contains("postgres") ? POSTGRES_DELEGATE : STANDARD_DELEGATE;
    }

    private static String productName(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }
}
