package org.creditexchange.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz's JDBC delegate by database: PostgreSQL stores job data as bytea and needs its own delegate; H2 uses the
 * standard one. The rest of the settings are in {@code application.properties} ({@code spring.quartz.*}).
 */
@Configuration
public class QuartzConfiguration {

    @Bean
    public SchedulerFactoryBeanCustomizer cxQuartzDelegate(QuartzProperties quartz, DataSource dataSource) {
        return factory -> {
            Properties p = new Properties();
            p.putAll(quartz.getProperties());
            p.setProperty("org.quartz.jobStore.driverDelegateClass", isPostgres(dataSource)
                    ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            factory.setQuartzProperties(p);
        };
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }
}
