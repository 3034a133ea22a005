package org.creditexchange.catalog;

import java.util.List;

/**
 * One data item of a catalog item, as declared in {@code mappings/catalog/<item>.yaml}.
 *
 * @param key        the field's stable key (kebab-case), used in rules, business keys and receipts
 * @param title      the standard Chinese column title of the national template
 * @param column     the national column code (e.g. {@code CF_WSH}), also accepted as a header
 * @param aliases    further header titles that mean this field
 * @param type       how the value is cleansed and checked
 * @param required   the field must hold a value
 * @param requiredIf the field must hold a value when the condition holds
 * @param checkIf    the type's check (e.g. GB 11643 for an id-number) applies only when the condition holds
 * @param maxLength  the longest accepted value in characters, 0 for no limit
 * @param codeTable  for type {@code code}: the code table's id
 * @param multiValue for type {@code code}: several values joined with {@code ;}
 * @param personal   the value identifies a natural person: masked in every report, hashed in the store
 * @param pattern    a regular expression the whole cleansed value must match (e.g. a 4-digit year), or null
 * @param patternTitle what the pattern means, in Chinese, for the clerk (e.g. 4位年份，如2025)
 */
public record FieldDefinition(
        String key,
        String title,
        String column,
        List<String> aliases,
        FieldTypeName type,
        boolean required,
        ConditionDefinition requiredIf,
        ConditionDefinition checkIf,
        int maxLength,
        String codeTable,
        boolean multiValue,
        boolean personal,
        String pattern,
        String patternTitle) {

    /** A field without a pattern. */
    public FieldDefinition(String key, String title, String column, List<String> aliases, FieldTypeName type,
                           boolean required, ConditionDefinition requiredIf, ConditionDefinition checkIf, int maxLength,
                           String codeTable, boolean multiValue, boolean personal) {
        this(key, title, column, aliases, type, required, requiredIf, checkIf, maxLength, codeTable, multiValue,
                personal, null, null);
    }

    public FieldDefinition {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        type = type == null ? FieldTypeName.TEXT : type;
    }

    /** True for ID-number fields and fields declared personal. */
    public boolean isPersonal() {
        return personal || type == FieldTypeName.ID_NUMBER;
    }
}
