package org.creditexchange.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Where a record came from: every version with its batch, file, row and unit, its conflicts and disputes. */
@Component
public class Lineage {

    private final JdbcTemplate jdbc;

    public Lineage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The lines of a trace, in Chinese labels, oldest version first; ID numbers are masked in the values. */
    public List<String> trace(RecordRef ref) {
        List<Map<String, Object>> current = jdbc.queryForList("SELECT r.*, b.original_name, b.received_at FROM "
                + ref.table() + " r JOIN cx_batch b ON b.id = r.batch_id WHERE r.id = ?", ref.id());
        if (current.isEmpty()) {
            throw new IllegalArgumentException("no record " + ref);
        }
        Map<String, Object> c = current.get(0);
        List<String> out = new ArrayList<>();
        out.add("记录 " + ref + "  信息类别 " + c.get("item_id") + "  报送单位 " + c.get("unit_code") + "  当前版本 "
                + c.get("version") + "  状态 " + c.get("state") + (Boolean.TRUE.equals(c.get("disputed")) ? "（异议中）" : "")
                + "  公示截止 " + (c.get("disclosure_end") == null ? "无" : c.get("disclosure_end")));
        for (Map<String, Object> v : jdbc.queryForList("SELECT v.*, b.original_name, b.received_at FROM cx_record_version v "
                + "JOIN cx_batch b ON b.id = v.batch_id WHERE v.record_store = ? AND v.record_id = ? ORDER BY v.version, v.id",
                ref.store(), ref.id())) {
            out.add("  版本 " + v.get("version") + "  批次 " + v.get("batch_id") + "（" + v.get("original_name") + "，第"
                    + v.get("row_no") + "行，" + v.get("received_at") + "接收）  状态 " + v.get("state")
                    + "  被替代：" + v.get("superseded_by") + "（" + v.get("superseded_at") + "）");
            out.add("    " + v.get("record_json"));
        }
        out.add("  版本 " + c.get("version") + "（当前）  批次 " + c.get("batch_id") + "（" + c.get("original_name") + "，第"
                + c.get("row_no") + "行，" + c.get("received_at") + "接收）");
        out.add("    " + c.get("record_json"));
        for (Map<String, Object> k : jdbc.queryForList("SELECT * FROM cx_conflict WHERE record_store = ? AND (record_a = ? "
                + "OR record_b = ?) ORDER BY id", ref.store(), ref.id(), ref.id())) {
            out.add("  冲突 " + k.get("id") + "  " + k.get("unit_a") + " 与 " + k.get("unit_b") + "  " + k.get("status")
                    + (k.get("kept_unit") == null ? "" : "  保留 " + k.get("kept_unit") + "，理由：" + k.get("reason")));
        }
        for (Map<String, Object> d : jdbc.queryForList("SELECT * FROM cx_dispute WHERE record_store = ? AND record_id = ? "
                + "ORDER BY id", ref.store(), ref.id())) {
            out.add("  异议 " + d.get("id") + "  " + d.get("opened_at") + " " + d.get("opened_by") + "：" + d.get("reason")
                    + (d.get("closed_at") == null ? "（未结）" : "  结果 " + d.get("outcome") + "（" + d.get("closed_by")
                    + "：" + d.get("closed_reason") + "）"));
        }
        // Whatever operators wrote or sources sent, the trace shows no clear ID number.
        return out.stream().map(IdNumberMasking::maskForLog).toList();
    }
}
