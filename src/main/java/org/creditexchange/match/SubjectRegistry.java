package org.creditexchange.match;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes organisations into the registry with JDBC batches, a bounded chunk at a time: a changed name is kept as a
 * former name (曾用名, valid until the day of the change), stated fields replace stored ones, unstated (null) fields
 * keep theirs. Subjects are keyed by USCC, or by registration number among subjects without a USCC.
 */
@Component
public class SubjectRegistry {

    /** Subjects per JDBC batch. */
    public static final int CHUNK = 1000;

    private static final String USCC_KEY = "o.uscc = ?";
    private static final String REG_KEY = "o.uscc IS NULL AND o.reg_number = ?";

    private static final String FORMER_NAME = """
            INSERT INTO cx_org_subject_name (subject_id, name, name_norm, valid_from, valid_to)
            SELECT o.id, o.name, o.name_norm, o.name_since, CAST(? AS DATE) FROM cx_org_subject o WHERE %s AND o.name_norm <> ?""";

    private static final String UPDATE = """
            UPDATE cx_org_subject o SET
                name_since = CASE WHEN o.name_norm <> ? THEN ? ELSE o.name_since END,
                name = ?, name_norm = ?,
                org_code = COALESCE(?, o.org_code), reg_number = COALESCE(?, o.reg_number), kind = COALESCE(?, o.kind),
                legal_representative = COALESCE(?, o.legal_representative), status = COALESCE(?, o.status),
                terminated_on = COALESCE(?, o.terminated_on),
                registration_authority = COALESCE(?, o.registration_authority),
                jurisdiction = COALESCE(?, o.jurisdiction), source = ?, updated_at = ?
            WHERE %s AND (o.name <> ? OR o.org_code IS DISTINCT FROM COALESCE(?, o.org_code)
                OR o.reg_number IS DISTINCT FROM COALESCE(?, o.reg_number) OR o.kind IS DISTINCT FROM COALESCE(?, o.kind)
                OR o.legal_representative IS DISTINCT FROM COALESCE(?, o.legal_representative)
                OR o.status IS DISTINCT FROM COALESCE(?, o.status)
                OR o.terminated_on IS DISTINCT FROM COALESCE(?, o.terminated_on)
                OR o.registration_authority IS DISTINCT FROM COALESCE(?, o.registration_authority)
                OR o.jurisdiction IS DISTINCT FROM COALESCE(?, o.jurisdiction))""";

    private static final String INSERT = """
            INSERT INTO cx_org_subject (uscc, org_code, reg_number, name, name_norm, name_since, kind,
                legal_representative, status, terminated_on, registration_authority, jurisdiction, source,
                created_at, updated_at)
            SELECT ?, ?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?, CAST(? AS DATE), ?, ?, ?,
                CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE) FROM (VALUES (0)) AS v (x)
            WHERE NOT EXISTS (SELECT 1 FROM cx_org_subject o WHERE %s)""";

    /** How many subjects a write added, changed and left as they were. */
    public record Counts(long added, long updated, long unchanged) {

        public static final Counts NONE = new Counts(0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(added + o.added, updated + o.updated, unchanged + o.unchanged);
        }
    }

    private final JdbcTemplate jdbc;

    public SubjectRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds or updates subjects, in chunks of {@link #CHUNK}; a subject repeated in the list is applied in order
     * (its earlier name becomes a former name).
     *
     * @param source how they came, stored with each subject (e.g. {@code import:<name>}, {@code legal-person:<batch>})
     * @param today  the date a changed name ends and the new one starts
     */
    public Counts upsert(List<OrgSubject> subjects, String source, LocalDate today) {
        Counts total = Counts.NONE;
        List<OrgSubject> chunk = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (OrgSubject s : subjects) {
            if (chunk.size() == CHUNK || !keys.add(s.key())) {
                total = total.plus(write(chunk, source, today));
                chunk.clear();
                keys.clear();
                keys.add(s.key());
            }
            chunk.add(s);
        }
        return total.plus(write(chunk, source, today));
    }

    private Counts write(List<OrgSubject> chunk, String source, LocalDate today) {
        if (chunk.isEmpty()) {
            return Counts.NONE;
        }
        List<OrgSubject> byUscc = chunk.stream().filter(s -> s.uscc() != null).toList();
        List<OrgSubject> byReg = chunk.stream().filter(s -> s.uscc() == null).toList();
        Counts c = Counts.NONE;
        for (var part : List.of(byUscc, byReg)) {
            if (part.isEmpty()) {
                continue;
            }
            boolean uscc = part == byUscc;
            String key = uscc ? USCC_KEY : REG_KEY;
            OffsetDateTime now = OffsetDateTime.now();
            jdbc.batchUpdate(FORMER_NAME.formatted(key), part, part.size(), (ps, s) -> {
                ps.setDate(1, Date.valueOf(today));
                ps.setString(2, keyOf(s, uscc));
                ps.setString(3, SubjectNames.normalize(s.name()));
            });
            int[][] updated = jdbc.batchUpdate(UPDATE.formatted(key), part, part.size(), (ps, s) -> {
                String norm = SubjectNames.normalize(s.name());
                int i = 0;
                ps.setString(++i, norm);
                ps.setDate(++i, Date.valueOf(today));
                ps.setString(++i, s.name());
                ps.setString(++i, norm);
                i = stated(ps, i, s);
                ps.setString(++i, source);
                ps.setTimestamp(++i, Timestamp.from(now.toInstant()));
                ps.setString(++i, keyOf(s, uscc));
                ps.setString(++i, s.name());
                stated(ps, i, s);
            });
            int[][] added = jdbc.batchUpdate(INSERT.formatted(key), part, part.size(), (ps, s) -> {
                int i = 0;
                ps.setString(++i, s.uscc());
                ps.setString(++i, s.orgCode());
                ps.setString(++i, s.regNumber());
                ps.setString(++i, s.name());
                ps.setString(++i, SubjectNames.normalize(s.name()));
                ps.setDate(++i, Date.valueOf(today));
                ps.setString(++i, s.kind());
                ps.setString(++i, s.legalRepresentative());
                ps.setString(++i, s.status());
                setDate(ps, ++i, s.terminatedOn());
                ps.setString(++i, s.registrationAuthority());
                ps.setString(++i, s.jurisdiction());
                ps.setString(++i, source);
                ps.setTimestamp(++i, Timestamp.from(now.toInstant()));
                ps.setTimestamp(++i, Timestamp.from(now.toInstant()));
                ps.setString(++i, keyOf(s, uscc));
            });
            long u = sum(updated);
            long a = sum(added);
            c = c.plus(new Counts(a, u, part.size() - u - a));
        }
        return c;
    }

    /** Sets the eight optional fields from index {@code i + 1}; returns the last index set. */
    private static int stated(PreparedStatement ps, int i, OrgSubject s) throws SQLException {
        ps.setString(++i, s.orgCode());
        ps.setString(++i, s.regNumber());
        ps.setString(++i, s.kind());
        ps.setString(++i, s.legalRepresentative());
        ps.setString(++i, s.status());
        setDate(ps, ++i, s.terminatedOn());
        ps.setString(++i, s.registrationAuthority());
        ps.setString(++i, s.jurisdiction());
        return i;
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(d));
        }
    }

    private static String keyOf(OrgSubject s, boolean uscc) {
        return uscc ? s.uscc() : s.regNumber();
    }

    private static long sum(int[][] counts) {
        long n = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                n += Math.max(c, 0);
            }
        }
        return n;
    }
}
