package org.creditexchange.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a PostgreSQL older than 15: the merge and the match use {@code MERGE … WHEN MATCHED AND},
 * which older servers reject — better a clear message at startup than every batch failing at 2 a.m.
 */
@Component
public class DatabaseVersionCheck implements InitializingBean {

    static final int MIN_POSTGRESQL = 15;

    private final DataSource dataSource;

    public DatabaseVersionCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            if (meta.getDatabaseProductName().toLowerCase().contains("postgresql")
                    && meta.getDatabaseMajorVersion() < MIN_POSTGRESQL) {
                throw new IllegalStateException("PostgreSQL " + meta.getDatabaseProductVersion() + " is too old: "
                        + "credit-exchange needs PostgreSQL " + MIN_POSTGRESQL + " or later (MERGE … WHEN MATCHED AND)");
            }
        }
    }
}
