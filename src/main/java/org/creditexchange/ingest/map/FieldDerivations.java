package org.creditexchange.ingest.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.catalog.FieldTypeName;
import org.creditexchange.catalog.SubjectDefinition;
import org.creditexchange.ingest.cleanse.HalfWidth;

/**
 * Fills the fields a format lacks from what the row does hold (its derive rules), only where the row leaves them
 * blank. Runs between mapping and validation, so derived values are checked like typed ones.
 */
public final class FieldDerivations {

    private final CatalogItemDefinition item;
    private final List<FormatDefinition.DerivedField> rules;
    private final String unitName;
    private final String unitUscc;

    public FieldDerivations(CatalogItemDefinition item, List<FormatDefinition.DerivedField> rules, String unitName,
                            String unitUscc) {
        this.item = item;
        this.rules = rules;
        this.unitName = unitName == null ? "" : unitName;
        this.unitUscc = unitUscc == null ? "" : unitUscc;
    }

    /** The row with its derived fields filled. */
    public MappedRow apply(MappedRow row) {
        if (rules.isEmpty()) {
            return row;
        }
        Map<String, String> values = new LinkedHashMap<>(row.rawByField());
        for (FormatDefinition.DerivedField d : rules) {
            if (!values.getOrDefault(d.field(), "").isBlank()) {
                continue;
            }
            String derived = switch (d.rule()) {
                case "subject-kind-from-codes" -> subjectKind(values);
                case "copy" -> values.getOrDefault(d.from(), "");
                case "constant-when-present" -> values.getOrDefault(d.from(), "").isBlank() ? "" : d.value();
                case "constant" -> d.value();
                case "unit-name" -> unitName;
                case "unit-uscc" -> unitUscc;
                default -> throw new IllegalStateException("unknown derive rule " + d.rule() + " (config check missed it)");
            };
            values.put(d.field(), derived);
        }
        return new MappedRow(row.rowNumber(), row.cells(), values);
    }

    /** 个体工商户 for a USCC starting 92, 法人及非法人组织 for any other organisation code, 自然人 for an ID number. */
    private String subjectKind(Map<String, String> values) {
        SubjectDefinition s = item.subject();
        String uscc = s.codeField() == null ? "" : HalfWidth.of(values.getOrDefault(s.codeField(), "")).strip();
        if (!uscc.isEmpty()) {
            return uscc.startsWith("92") ? "个体工商户" : "法人及非法人组织";
        }
        for (FieldDefinition f : item.fields()) {
            boolean orgCode = f.type() == FieldTypeName.ORG_CODE || f.type() == FieldTypeName.REG_NUMBER;
            if (orgCode && !values.getOrDefault(f.key(), "").isBlank()) {
                return "法人及非法人组织";
            }
        }
        if (s.idNumberField() != null && !values.getOrDefault(s.idNumberField(), "").isBlank()) {
            return "自然人";
        }
        return "";
    }
}
