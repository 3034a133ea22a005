package org.creditexchange.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A catalog item (目录信息项), as declared in {@code mappings/catalog/<id>.yaml}.
 *
 * @param id           stable id, equal to the file name without {@code .yaml}
 * @param title        Chinese title, e.g. 行政处罚
 * @param subjectKinds subject kinds the item covers (法人及非法人组织 / 个体工商户 / 自然人)
 * @param attribute    基本 / 失信 / 守信 / 其他
 * @param disclosure   公开 / 授权查询 / 政务共享
 * @param retention    disclosure period rule
 * @param businessKey  field keys whose values identify one record (dedup and upsert key)
 * @param subject      which fields say who the record is about
 * @param fields       the data items in template order
 * @param rules        cross-field rules
 * @param endsWhen     when a row says the record is no longer valid (e.g. 当前状态 无效): loaded, not disclosed
 * @param holdUnknownSubjects a record whose subject is not in the registry is held (not disclosed) instead of being
 *                     loaded and flagged unlinked
 * @param timelinessField the date field holding the decision the record reports (处罚决定日期, 许可决定日期, 列入日期 …):
 *                     the reporting delay, in working days from it to the batch's receipt, is kept per row and a
 *                     row reported more than 7 working days after it is late; null when the item reports no decision
 */
public record CatalogItemDefinition(
        String id,
        String title,
        List<String> subjectKinds,
        String attribute,
        String disclosure,
        RetentionDefinition retention,
        List<String> businessKey,
        SubjectDefinition subject,
        List<FieldDefinition> fields,
        List<RuleDefinition> rules,
        ConditionDefinition endsWhen,
        boolean holdUnknownSubjects,
        String timelinessField) {

    public CatalogItemDefinition(String id, String title, List<String> subjectKinds, String attribute, String disclosure,
                                 RetentionDefinition retention, List<String> businessKey, SubjectDefinition subject,
                                 List<FieldDefinition> fields, List<RuleDefinition> rules) {
        this(id, title, subjectKinds, attribute, disclosure, retention, businessKey, subject, fields, rules, null, false);
    }

    /** An item without a timeliness field. */
    public CatalogItemDefinition(String id, String title, List<String> subjectKinds, String attribute, String disclosure,
                                 RetentionDefinition retention, List<String> businessKey, SubjectDefinition subject,
                                 List<FieldDefinition> fields, List<RuleDefinition> rules, ConditionDefinition endsWhen,
                                 boolean holdUnknownSubjects) {
        this(id, title, subjectKinds, attribute, disclosure, retention, businessKey, subject, fields, rules, endsWhen,
                holdUnknownSubjects, null);
    }

    public CatalogItemDefinition {
        subjectKinds = subjectKinds == null ? List.of() : List.copyOf(subjectKinds);
        businessKey = businessKey == null ? List.of() : List.copyOf(businessKey);
        fields = fields == null ? List.of() : List.copyOf(fields);
        rules = rules == null ? List.of() : List.copyOf(rules);
        timelinessField = timelinessField == null || timelinessField.isBlank() ? null : timelinessField;
    }

    /** The decision-date field whose distance to the receipt is the reporting delay, if the item names one. */
    public Optional<FieldDefinition> timeliness() {
        return timelinessField == null ? Optional.empty() : field(timelinessField);
    }

    /** The field with this key. */
    public Optional<FieldDefinition> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** The key of the first field of this type (e.g. the item's 组织机构代码 field), if it has one. */
    public Optional<String> fieldKeyOfType(FieldTypeName type) {
        return fields.stream().filter(f -> f.type() == type).map(FieldDefinition::key).findFirst();
    }
}
