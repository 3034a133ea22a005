package org.creditexchange.ingest.map;

import java.util.List;
import java.util.Map;

/**
 * A known file layout other than the current national template, mapped onto a catalog item, as declared in
 * {@code mappings/formats/<id>.yaml}: e.g. the older 双公示 format (2016–2019). Unlike a source mapping it belongs
 * to no unit: any unit's file whose header matches it is read through it.
 *
 * @param id               stable id, equal to the file name without {@code .yaml}
 * @param title            Chinese name of the format, shown in feedback (e.g. 2016年版双公示行政处罚格式)
 * @param item             the catalog item the format's rows become
 * @param columns          field key → the header titles and column codes this format uses for it; a field listed
 *                         with several columns present in one file gets their non-blank values joined with {@code ;}
 * @param ignored          header titles of the format that carry nothing the item keeps (recognised, not stored)
 * @param derive           how fields the format lacks are filled
 * @param relaxed          fields only the current standard requires: when missing, a warning asks for them next time
 * @param codeTranslations field key → (format's code → canonical value)
 */
public record FormatDefinition(String id, String title, String item, Map<String, List<String>> columns,
                               List<String> ignored, List<DerivedField> derive, List<String> relaxed,
                               Map<String, Map<String, String>> codeTranslations) {

    public FormatDefinition {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        ignored = ignored == null ? List.of() : List.copyOf(ignored);
        derive = derive == null ? List.of() : List.copyOf(derive);
        relaxed = relaxed == null ? List.of() : List.copyOf(relaxed);
        codeTranslations = codeTranslations == null ? Map.of() : Map.copyOf(codeTranslations);
    }

    /**
     * One derived field, filled only where the row leaves it blank.
     *
     * @param field the field to fill
     * @param rule  {@code subject-kind-from-codes} (个体工商户 for a USCC starting 92, 法人及非法人组织 for another
     *              organisation code, 自然人 for an ID number), {@code copy} (the value of {@code from}),
     *              {@code constant-when-present} ({@code value} when {@code from} is not blank), {@code constant}
     *              ({@code value}), {@code unit-name} / {@code unit-uscc} (the sending unit's name / code)
     * @param from  the source field of {@code copy} and {@code constant-when-present}
     * @param value the value of {@code constant} and {@code constant-when-present}
     */
    public record DerivedField(String field, String rule, String from, String value) {

        /** The rules a derived field may name. */
        public static final List<String> RULES = List.of("subject-kind-from-codes", "copy", "constant-when-present",
                "constant", "unit-name", "unit-uscc");
    }
}
