package org.creditexchange.match;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.creditexchange.catalog.code.OrgCodeCheckDigit;
import org.creditexchange.catalog.code.RegistrationNumberCheckDigit;
import org.creditexchange.catalog.code.UsccCheckDigit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A synthetic organisation registry: subject {@code i} has a valid USCC whose positions 9–17 are a valid
 * 组织机构代码, a valid 15-digit 注册号, and the name {@code 合成企业<i>有限公司}. Written with JDBC batches as an
 * imported registry extract.
 */
final class SyntheticRegistry {

    static final String SOURCE = MatchTasklet.IMPORT_SOURCE + "synthetic";

    private SyntheticRegistry() {
    }

    /** The 组织机构代码 of subject {@code i} (body {@code M} + 7 digits, then its check character). */
    static String orgCode(int i) {
        String body = "M" + String.format("%07d", i);
        return body + OrgCodeCheckDigit.checkChar(body);
    }

    /** An organisation code no synthetic subject has (body {@code N…}). */
    static String foreignOrgCode(int i) {
        String body = "N" + String.format("%07d", i);
        return body + OrgCodeCheckDigit.checkChar(body);
    }

    static String uscc(int i) {
        String first17 = "91330100" + orgCode(i);
        return first17 + UsccCheckDigit.checkChar(first17);
    }

    /** A valid USCC of region 330200, which no synthetic subject has. */
    static String foreignUscc(int i) {
        String first17 = "91330200" + orgCode(i);
        return first17 + UsccCheckDigit.checkChar(first17);
    }

    static String regNumber(int i) {
        String first14 = "330100" + String.format("%08d", i);
        return first14 + RegistrationNumberCheckDigit.checkChar(first14);
    }

    static String name(int i) {
        return "合成企业" + i + "有限公司";
    }

    static void insert(JdbcTemplate jdbc, int count) {
        Timestamp now = Timestamp.from(Instant.now());
        Date since = Date.valueOf(LocalDate.of(2015, 1, 1));
        List<Object[]> rows = new ArrayList<>(5000);
        for (int i = 0; i < count; i++) {
            String name = name(i);
            rows.add(new Object[] {uscc(i), orgCode(i), regNumber(i), name, SubjectNames.normalize(name), since,
                    "有限责任公司", "存续", SOURCE, now, now});
            if (rows.size() == 5000 || i == count - 1) {
                jdbc.batchUpdate("INSERT INTO cx_org_subject (uscc, org_code, reg_number, name, name_norm, name_since,"
                        + " kind, status, source, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows);
                rows.clear();
            }
        }
    }
}
