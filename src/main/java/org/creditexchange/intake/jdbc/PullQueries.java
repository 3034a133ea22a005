package org.creditexchange.intake.jdbc;

import java.util.List;
import org.creditexchange.intake.JdbcChannelDefinition;

/**
 * The SQL of one pull's pages ({@code LIMIT} paging, which H2, PostgreSQL, MySQL and MariaDB share). Identifiers come
 * only from the checked channel definition (plain names, see {@link JdbcChannelDefinition#problems()}); values are
 * always bound.
 *
 * <p>With a key, pages are keyset pages on (watermark, key): a page may end inside a group of equal watermarks and
 * the next one resumes after the last key. Without a key, a page is a whole number of watermark groups: first the
 * page's highest watermark is found among the next {@code pageSize} rows, then every row up to and including it is
 * read, however many share it.
 */
final class PullQueries {

    /** A statement and its parameters in order. */
    record Query(String sql, List<Param> params) {
    }

    /** One bound parameter. */
    record Param(ValueKind kind, Object value) {
    }

    private final String source;
    private final String watermark;
    private final String key;
    private final int pageSize;

    PullQueries(JdbcChannelDefinition.Pull pull, int pageSize) {
        this.source = pull.readsQuery() ? "(" + pull.query().strip() + ") cx_src" : pull.table() + " cx_src";
        this.watermark = pull.watermark();
        this.key = pull.key();
        this.pageSize = pageSize;
    }

    boolean keyed() {
        return key != null;
    }

    /** A keyset page: the next {@code pageSize} rows after {@code from}, by watermark then key. */
    Query keyedPage(PullPosition from) {
        String order = " ORDER BY " + watermark + ", " + key + " LIMIT " + pageSize;
        if (from.isStart()) {
            return new Query("SELECT * FROM " + source + " WHERE " + watermark + " IS NOT NULL" + order, List.of());
        }
        Param w = new Param(from.watermarkKind(), from.watermarkValue());
        if (from.key() == null) {
            return new Query("SELECT * FROM " + source + " WHERE " + watermark + " > ?" + order, List.of(w));
        }
        return new Query("SELECT * FROM " + source + " WHERE " + watermark + " > ? OR (" + watermark + " = ? AND "
                + key + " > ?)" + order, List.of(w, w, new Param(from.keyKind(), from.keyValue())));
    }

    /**
     * Without a key: how many of the next {@code pageSize} rows there are (first column) and the highest watermark
     * among them (second column), the page's inclusive upper bound.
     */
    Query pageBound(PullPosition from) {
        String after = from.isStart() ? watermark + " IS NOT NULL" : watermark + " > ?";
        return new Query("SELECT COUNT(*), MAX(cx_w) FROM (SELECT " + watermark + " AS cx_w FROM " + source
                + " WHERE " + after + " ORDER BY " + watermark + " LIMIT " + pageSize + ") cx_page",
                from.isStart() ? List.of() : List.of(new Param(from.watermarkKind(), from.watermarkValue())));
    }

    /** Without a key: every row after {@code from} up to and including the watermark {@code upTo}. */
    Query rowsUpTo(PullPosition from, PullPosition upTo) {
        Param to = new Param(upTo.watermarkKind(), upTo.watermarkValue());
        if (from.isStart()) {
            return new Query("SELECT * FROM " + source + " WHERE " + watermark + " <= ? ORDER BY " + watermark,
                    List.of(to));
        }
        return new Query("SELECT * FROM " + source + " WHERE " + watermark + " > ? AND " + watermark + " <= ? ORDER BY "
                + watermark, List.of(new Param(from.watermarkKind(), from.watermarkValue()), to));
    }
}
