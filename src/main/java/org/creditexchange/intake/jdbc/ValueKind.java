package org.creditexchange.intake.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.Locale;

/**
 * How a front-end column's values are read, written as text (into the landed CSV and the watermark table) and bound
 * back into a query. The text form of every kind parses back to the same value, so a watermark survives a restart
 * exactly.
 */
enum ValueKind {

    /** Whole numbers of any width. */
    INTEGER {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            Object v = rs.getObject(column);
            if (v == null) {
                return null;
            }
            return v instanceof Number n && !(v instanceof BigDecimal) && !(v instanceof java.math.BigInteger)
                    ? (Object) n.longValue() : new BigDecimal(v.toString());
        }

        @Override
        Object parse(String text) {
            BigDecimal d = new BigDecimal(text);
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return d;
            }
        }

        @Override
        String text(Object value) {
            return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        }
    },
    /** Exact decimals (DECIMAL, NUMERIC, Oracle NUMBER). */
    DECIMAL {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            return rs.getBigDecimal(column);
        }

        @Override
        Object parse(String text) {
            return new BigDecimal(text);
        }

        @Override
        String text(Object value) {
            return ((BigDecimal) value).toPlainString();
        }
    },
    /** Binary floating point; written without an exponent so that a clerk's amount reads as one. */
    FLOAT {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            double d = rs.getDouble(column);
            return rs.wasNull() ? null : d;
        }

        @Override
        Object parse(String text) {
            return Double.parseDouble(text);
        }

        @Override
        String text(Object value) {
            double d = (Double) value;
            return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : Double.toString(d);
        }
    },
    /** A calendar date. */
    DATE {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, LocalDate.class);
        }

        @Override
        Object parse(String text) {
            return LocalDate.parse(text);
        }

        @Override
        String text(Object value) {
            return value.toString();
        }
    },
    /** A date and time without zone ({@code 2026-11-24 02:00:00}, fractions only when present). */
    TIMESTAMP {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, LocalDateTime.class);
        }

        @Override
        Object parse(String text) {
            return LocalDateTime.parse(text, LOCAL);
        }

        @Override
        String text(Object value) {
            return LOCAL.format((LocalDateTime) value);
        }
    },
    /** A date and time with offset (ISO-8601). */
    TIMESTAMP_TZ {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, OffsetDateTime.class);
        }

        @Override
        Object parse(String text) {
            return OffsetDateTime.parse(text);
        }

        @Override
        String text(Object value) {
            return ((OffsetDateTime) value).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    },
    /** Yes/no. Not usable as a watermark. */
    BOOLEAN {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            boolean b = rs.getBoolean(column);
            return rs.wasNull() ? null : b;
        }

        @Override
        Object parse(String text) {
            return Boolean.parseBoolean(text);
        }

        @Override
        String text(Object value) {
            return value.toString();
        }
    },
    /** Bytes, written as base64. Not usable as a watermark. */
    BINARY {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            return rs.getBytes(column);
        }

        @Override
        Object parse(String text) {
            return Base64.getDecoder().decode(text);
        }

        @Override
        String text(Object value) {
            return Base64.getEncoder().encodeToString((byte[]) value);
        }
    },
    /** Everything else, as the driver renders it as a string (text, CLOB, time of day, intervals…). */
    TEXT {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            return rs.getString(column);
        }

        @Override
        Object parse(String text) {
            return text;
        }

        @Override
        String text(Object value) {
            return value.toString();
        }
    };

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter(Locale.ROOT);

    /** The value in column {@code column} (1-based) of the current row, or null for SQL NULL. */
    abstract Object read(ResultSet rs, int column) throws SQLException;

    /** The value written as {@link #text}. */
    abstract Object parse(String text);

    /** The value's text form; {@code value} is never null. */
    abstract String text(Object value);

    /** Binds a value of this kind (as {@link #read} or {@link #parse} returns it). */
    void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (this) {
            case INTEGER -> {
                if (value instanceof Long l) {
                    ps.setLong(index, l);
                } else {
                    ps.setBigDecimal(index, (BigDecimal) value);
                }
            }
            case DECIMAL -> ps.setBigDecimal(index, (BigDecimal) value);
            case FLOAT -> ps.setDouble(index, (Double) value);
            case BOOLEAN -> ps.setBoolean(index, (Boolean) value);
            case BINARY -> ps.setBytes(index, (byte[]) value);
            case TEXT -> ps.setString(index, (String) value);
            default -> ps.setObject(index, value);
        }
    }

    /** Whether rows can be ordered and resumed by this kind (watermarks and keys). */
    boolean orderable() {
        return this != BOOLEAN && this != BINARY;
    }

    /** The kind of column {@code column} (1-based) of a result. */
    static ValueKind of(ResultSetMetaData meta, int column) throws SQLException {
        String typeName = meta.getColumnTypeName(column);
        String type = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return switch (meta.getColumnType(column)) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOAT;
            case Types.DATE -> DATE;
            // PostgreSQL reports timestamptz as TIMESTAMP: its type name tells.
            case Types.TIMESTAMP -> type.equals("timestamptz") || type.contains("with time zone") ? TIMESTAMP_TZ : TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_TZ;
            case Types.BIT, Types.BOOLEAN -> type.startsWith("bit") && meta.getPrecision(column) > 1 ? BINARY : BOOLEAN;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            default -> TEXT;
        };
    }
}
