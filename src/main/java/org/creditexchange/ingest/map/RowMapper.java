package org.creditexchange.ingest.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.ingest.read.RawRow;

/** Assigns the cells of a raw row to catalog fields by a recognised header layout. */
public final class RowMapper {

    private final List<FieldDefinition> fields;
    private final HeaderLayout layout;

    public RowMapper(CatalogItemDefinition item, HeaderLayout layout) {
        this.fields = item.fields();
        this.layout = layout;
    }

    /** The mapped row; every catalog field is present, {@code ""} when the file has no value for it. */
    public MappedRow map(RawRow row) {
        // Sized for every field at once (twice the count stays under the load factor): no rehashing per row.
        Map<String, String> byField = new LinkedHashMap<>(2 * fields.size());
        for (FieldDefinition f : fields) {
            byField.put(f.key(), "");
        }
        List<String> columns = layout.columnFields();
        for (int i = 0; i < columns.size(); i++) {
            String key = columns.get(i);
            if (layout.isRepeat(i)) {
                String field = layout.fieldOf(i);
                if (byField.getOrDefault(field, "").isBlank()) {
                    byField.put(field, row.cell(i));
                }
            } else if (!key.isEmpty()) {
                String earlier = byField.get(key);
                String cell = row.cell(i);
                // A field fed by several columns (a format's 处罚类别1, 处罚类别2) joins their values.
                byField.put(key, earlier.isEmpty() || earlier.isBlank() ? cell
                        : cell.isBlank() ? earlier : earlier + ";" + cell);
            }
        }
        layout.constants().forEach((key, value) -> {
            if (byField.getOrDefault(key, "").isBlank()) {
                byField.put(key, value);
            }
        });
        return new MappedRow(row.rowNumber(), row.cells(), byField);
    }
}
