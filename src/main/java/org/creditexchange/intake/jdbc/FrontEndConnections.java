package org.creditexchange.intake.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.intake.JdbcChannelDefinition;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Opens connections to units' front-end databases. Credentials are looked up, at the moment of connecting, under the
 * names the channel gives ({@code username-env}, {@code password-env}) in Spring's environment: the OS environment in
 * production, properties in tests. The driver is chosen from the URL and loaded from the engine's own class path.
 */
@Component
public class FrontEndConnections {

    private final Environment environment;

    public FrontEndConnections(Environment environment) {
        this.environment = environment;
    }

    /**
     * A new connection (the caller closes it).
     *
     * @throws IllegalStateException     when a named environment variable is not set (a configuration mistake)
     * @throws FrontEndDatabaseException when the database cannot be reached or refuses the login
     */
    public Connection open(String unit, JdbcChannelDefinition channel) throws FrontEndDatabaseException {
        Properties info = new Properties();
        String user = credential(unit, channel, "username-env", channel.usernameEnv());
        String password = credential(unit, channel, "password-env", channel.passwordEnv());
        if (user != null) {
            info.setProperty("user", user);
        }
        if (password != null) {
            info.setProperty("password", password);
        }
        timeouts(channel, info);
        String shown = redact(channel.url());
        try {
            Driver driver = driver(channel.url());
            Connection c = driver.connect(channel.url(), info);
            if (c == null) {
                throw new SQLException("no driver accepts the url");
            }
            return c;
        } catch (SQLException e) {
            throw new FrontEndDatabaseException(unit, channel.id(), shown,
                    "cannot connect to the front-end database: " + IdNumberMasking.maskForLog(e.getMessage()), e);
        }
    }

    /**
     * A URL as it may be shown in logs and messages: without {@code user:password@} and without parameters (after
     * {@code ?} or {@code ;}), which may carry a password.
     */
    public static String redact(String url) {
        if (url == null) {
            return "";
        }
        String u = url;
        int cut = indexOfAny(u, '?', ';');
        if (cut >= 0) {
            u = u.substring(0, cut);
        }
        int slashes = u.indexOf("//");
        int at = u.indexOf('@', Math.max(0, slashes));
        if (slashes >= 0 && at > slashes) {
            u = u.substring(0, slashes + 2) + u.substring(at + 1);
        }
        return u;
    }

    private String credential(String unit, JdbcChannelDefinition channel, String key, String name) {
        if (name == null) {
            return null;
        }
        String value = environment.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("unit " + unit + ", channel " + channel.id() + ": environment variable "
                    + name + " (" + key + ") is not set");
        }
        return value;
    }

    /** Connecting and reading never hang a nightly run: the drivers' own timeouts, from the channel's. */
    private static void timeouts(JdbcChannelDefinition channel, Properties info) {
        long connectSeconds = Math.max(1, channel.connectTimeout().toSeconds());
        // A read stuck on a dead network ends a while after the query timeout would have.
        long socketSeconds = Math.max(1, channel.queryTimeout().toSeconds()) + 60;
        switch (channel.database()) {
            case "postgresql" -> {
                info.setProperty("connectTimeout", String.valueOf(connectSeconds));
                info.setProperty("loginTimeout", String.valueOf(connectSeconds));
                info.setProperty("socketTimeout", String.valueOf(socketSeconds));
            }
            case "mysql", "mariadb" -> {
                info.setProperty("connectTimeout", String.valueOf(connectSeconds * 1000));
                info.setProperty("socketTimeout", String.valueOf(socketSeconds * 1000));
            }
            default -> {
                // H2: embedded, or its TCP server on a trusted network.
            }
        }
    }

    private static Driver driver(String url) throws SQLException {
        DatabaseDriver database = DatabaseDriver.fromJdbcUrl(url);
        String className = database.getDriverClassName();
        if (className == null) {
            throw new SQLException("no driver for this kind of database in the engine");
        }
        try {
            // Not DriverManager: in the packaged jar the drivers are not on the system class path it searches.
            Class<?> type = Class.forName(className, true, FrontEndConnections.class.getClassLoader());
            return (Driver) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new SQLException("the driver " + className + " cannot be loaded: " + e, e);
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
