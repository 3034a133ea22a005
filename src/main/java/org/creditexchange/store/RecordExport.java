package org.creditexchange.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the stored records of one catalog item (organisations, then natural persons) as CSV: the item's standard
 * titles, then provenance columns. Values come from the store, where personal ID numbers are already masked.
 */
@Component
public class RecordExport {

    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() { };
    private static final List<String> PROVENANCE = List.of("记录编号", "状态", "公示截止日期", "报送单位", "批次", "行号", "版本",
            "入库时间", "更新时间");
    /** What may be disclosed today: current, not disputed, not held, not archived, not in an open conflict. */
    private static final String DISCLOSABLE = " AND state = 'ACTIVE' AND disputed = FALSE"
            + " AND (disclosure_end IS NULL OR disclosure_end >= ?)"
            + " AND (match_status IS NULL OR match_status NOT IN ('NAME_MISMATCH', 'AMBIGUOUS'))"
            + " AND NOT EXISTS (SELECT 1 FROM cx_conflict c WHERE c.status = 'OPEN' AND c.record_store = '%1$s'"
            + " AND (c.record_a = %2$s.id OR c.record_b = %2$s.id))"
            // Two units stating the same fact: disclosed once, from the earliest record.
            + " AND NOT EXISTS (SELECT 1 FROM %2$s e WHERE e.item_id = %2$s.item_id AND e.business_key = %2$s.business_key"
            + " AND e.id < %2$s.id AND e.state = 'ACTIVE' AND e.disputed = FALSE)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PersonalIdCipher cipher;
    private final ObjectMapper json = new ObjectMapper();

    public RecordExport(JdbcTemplate jdbc, TransactionTemplate tx, PersonalIdCipher cipher) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(1000);
        this.tx = tx;
        this.cipher = cipher;
    }

    /** How many records {@link #write} would write. */
    public long count(CatalogItemDefinition item, String unit) {
        long n = 0;
        for (String table : List.of("cx_org_record", "cx_person_record")) {
            n += unit == null
                    ? jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE item_id = ?", Long.class, item.id())
                    : jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE item_id = ? AND unit_code = ?",
                    Long.class, item.id(), unit);
        }
        return n;
    }

    /**
     * Writes the records of {@code item}, only those last sent by {@code unit} when not null, ID numbers masked;
     * returns how many.
     */
    public long write(CatalogItemDefinition item, String unit, Writer out) throws IOException {
        return write(item, unit, out, false);
    }

    /**
     * Writes the records of {@code item}; with {@code unmasked}, personal ID numbers in clear (decrypted). The
     * caller must have written the access log entry first. Returns how many records.
     */
    public long write(CatalogItemDefinition item, String unit, Writer out, boolean unmasked) throws IOException {
        return write(item, unit, out, unmasked, null);
    }

    /**
     * Writes the records of {@code item}; with {@code disclosableOn} set, only what may be disclosed on that day
     * (the caller checks the item is public). Returns how many records.
     */
    public long write(CatalogItemDefinition item, String unit, Writer out, boolean unmasked, java.time.LocalDate disclosableOn)
            throws IOException {
        List<String> header = new ArrayList<>();
        item.fields().forEach(f -> header.add(f.title()));
        header.addAll(PROVENANCE);
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        csv.printRecord(header);
        long[] n = {0};
        for (String table : List.of("cx_org_record", "cx_person_record")) {
            String store = table.equals("cx_org_record") ? "ORG" : "PERSON";
            String sql = "SELECT record_json, unit_code, batch_id, row_no, version, created_at, updated_at, personal_json, "
                    + "id, state, disputed, disclosure_end FROM " + table + " WHERE item_id = ?"
                    + (unit == null ? "" : " AND unit_code = ?")
                    + (disclosableOn == null ? "" : DISCLOSABLE.formatted(store, table)) + " ORDER BY id";
            List<Object> argList = new ArrayList<>(List.of(item.id()));
            if (unit != null) {
                argList.add(unit);
            }
            if (disclosableOn != null) {
                argList.add(java.sql.Date.valueOf(disclosableOn));
            }
            Object[] args = argList.toArray();
            // A transaction lets PostgreSQL stream with a cursor instead of loading every row.
            tx.executeWithoutResult(status -> {
                try (Stream<List<String>> rows = jdbc.queryForStream(sql, (rs, i) -> {
                    Map<String, String> values = new java.util.HashMap<>(parse(rs.getString(1)));
                    String sealed = rs.getString(8);
                    if (unmasked && sealed != null) {
                        sealed(sealed).forEach((field, v) -> values.put(field, cipher.decrypt(v.get("encrypted"))));
                    }
                    List<String> line = new ArrayList<>();
                    for (FieldDefinition f : item.fields()) {
                        line.add(values.getOrDefault(f.key(), ""));
                    }
                    line.add((store.equals("ORG") ? "O-" : "P-") + rs.getLong(9));
                    line.add(rs.getString(10) + (rs.getBoolean(11) ? "（异议中）" : ""));
                    line.add(rs.getDate(12) == null ? "" : rs.getDate(12).toString());
                    line.add(rs.getString(2));
                    line.add(String.valueOf(rs.getLong(3)));
                    line.add(String.valueOf(rs.getInt(4)));
                    line.add(String.valueOf(rs.getInt(5)));
                    line.add(String.valueOf(rs.getObject(6, java.time.OffsetDateTime.class)));
                    line.add(String.valueOf(rs.getObject(7, java.time.OffsetDateTime.class)));
                    return line;
                }, args)) {
                    rows.forEach(line -> {
                        try {
                            csv.printRecord(line);
                            n[0]++;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            });
        }
        csv.flush();
        return n[0];
    }

    private Map<String, Map<String, String>> sealed(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Map<String, String>>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> parse(String text) {
        try {
            return json.readValue(text, VALUES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
