package org.creditexchange.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A unit's front-end database (前置机) for tests: where it is, who logs in, and the 行政处罚 table in the national
 * column codes (CF_*), with a row id, an update time and a status column as front-end tables have them.
 *
 * @param kind     what it is, for messages
 * @param url      its JDBC URL
 * @param user     the login
 * @param password the password ("" for none)
 */
public record FrontEnd(String kind, String url, String user, String password) {

    /** The variables the test connector names for the login. */
    public static final String USER_ENV = "CX_TEST_FE_USER";
    public static final String PASSWORD_ENV = "CX_TEST_FE_PASSWORD";

    /** The national column codes of 行政处罚, in the order of {@link PenaltyRows#TITLES}. */
    public static final List<String> PENALTY_COLUMNS = List.of("CF_XDR_MC", "CF_XDR_LB", "CF_XDR_SHXYM", "CF_XDR_GSZC",
            "CF_XDR_ZZJG", "CF_XDR_SWDJ", "CF_XDR_SYDW", "CF_XDR_SHZZ", "CF_FRDB", "CF_FR_ZJLX", "CF_FR_ZJHM",
            "CF_XDR_ZJLX", "CF_XDR_ZJHM", "CF_WSH", "CF_WFXW", "CF_SY", "CF_YJ", "CF_CFLB", "CF_NR", "CF_NR_FK",
            "CF_NR_WFFF", "CF_NR_ZKDX", "CF_JDRQ", "CF_YXQ", "CF_GSJZQ", "CF_CFJG", "CF_CFJGDM", "CF_SJLY", "CF_SJLYDM",
            "BZ");

    public static FrontEnd h2() {
        return new FrontEnd("H2", "jdbc:h2:mem:cx-fe-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    public static FrontEnd postgres() {
        return new FrontEnd("PostgreSQL", EmbeddedPostgresDatabase.newDatabaseUrl(), "postgres", "");
    }

    /** The MariaDB (or MySQL) server named by {@code CX_TEST_MARIADB_URL}, {@code _USER}, {@code _PASSWORD}. */
    public static Optional<FrontEnd> mariaDb() {
        String url = System.getenv("CX_TEST_MARIADB_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new FrontEnd("MariaDB", url, envOr("CX_TEST_MARIADB_USER", "root"),
                envOr("CX_TEST_MARIADB_PASSWORD", "")));
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add(USER_ENV, this::user);
        registry.add(PASSWORD_ENV, this::password);
    }

    public Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(url, p);
    }

    public void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** A fresh 行政处罚 table: ID, the 30 national columns, GXSJ (update time) and CX_ZT (receipt status). */
    public void createPenaltyTable(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        columns.add("ID BIGINT NOT NULL PRIMARY KEY");
        for (String c : PENALTY_COLUMNS) {
            columns.add(c + switch (c) {
                case "CF_NR_FK", "CF_NR_WFFF" -> " DECIMAL(18,6)";
                case "CF_JDRQ", "CF_YXQ", "CF_GSJZQ" -> " DATE";
                default -> " VARCHAR(300)";
            });
        }
        // NULL: MySQL would otherwise make the first TIMESTAMP column change itself on every update.
        columns.add("GXSJ TIMESTAMP NULL");
        columns.add("CX_ZT VARCHAR(16)");
        execute("DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (" + String.join(", ", columns) + ")");
    }

    /** Inserts a 行政处罚 row with id {@code id} updated at {@code updated}. */
    public void insertPenalty(String table, long id, LocalDateTime updated, PenaltyRows row) throws SQLException {
        String sql = "INSERT INTO " + table + " (ID, " + String.join(", ", PENALTY_COLUMNS) + ", GXSJ) VALUES (?"
                + ", ?".repeat(PENALTY_COLUMNS.size()) + ", ?)";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            List<Object> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                Object v = cells.get(i);
                if (v == null || "".equals(v)) {
                    ps.setNull(i + 2, switch (PENALTY_COLUMNS.get(i)) {
                        case "CF_NR_FK", "CF_NR_WFFF" -> java.sql.Types.DECIMAL;
                        case "CF_JDRQ", "CF_YXQ", "CF_GSJZQ" -> java.sql.Types.DATE;
                        default -> java.sql.Types.VARCHAR;
                    });
                } else if (v instanceof Double d) {
                    ps.setBigDecimal(i + 2, BigDecimal.valueOf(d));
                } else if (v instanceof LocalDate d) {
                    ps.setObject(i + 2, d);
                } else {
                    ps.setString(i + 2, v.toString());
                }
            }
            ps.setObject(cells.size() + 2, updated);
            ps.executeUpdate();
        }
    }

    private static String envOr(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null ? otherwise : v;
    }
}
