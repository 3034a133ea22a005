package org.creditexchange.catalog.template;

import java.util.List;
import org.creditexchange.catalog.Catalog;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.CodeTableDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.catalog.RuleDefinition;

/** The clerk's hint on one field's type and format, in Chinese (the 类型与格式 column and the header comments). */
public final class FieldHints {

    private final Catalog catalog;
    private final CatalogItemDefinition item;

    public FieldHints(Catalog catalog, CatalogItemDefinition item) {
        this.catalog = catalog;
        this.item = item;
    }

    /** E.g. 日期，格式为yyyy-mm-dd（如2026-03-05）. */
    public String typeAndFormat(FieldDefinition f) {
        String hint = switch (f.type()) {
            case TEXT -> "文本" + (f.maxLength() > 0 ? "，不超过" + f.maxLength() + "个字" : "");
            case DATE -> "日期，格式为yyyy-mm-dd（如2026-03-05）";
            case DECIMAL -> "数字，不能为负数" + (inTenThousandYuan(f) ? "，单位为万元（2000元填写0.2）" : "");
            case CODE -> code(f);
            case USCC -> "18位统一社会信用代码（数字或大写英文字母，按GB 32100校验），按文本填写";
            case ID_NUMBER -> "证件号码，按文本填写；居民身份证为18位（或15位），末位可为X，按GB 11643校验";
            case ORG_CODE -> "9位组织机构代码（8位本体代码加1位校验码，如12345678-9），按文本填写";
            case REG_NUMBER -> "15位工商注册号（含校验位），按文本填写";
        };
        if (f.checkIf() != null && f.type() != org.creditexchange.catalog.FieldTypeName.TEXT) {
            hint += "（仅当" + new RuleDescriptions(item).condition(f.checkIf()) + "时校验）";
        }
        return hint;
    }

    /** The code table's canonical values, joined with 、 (empty for a field that is no code). */
    public String allowedValues(FieldDefinition f) {
        if (f.codeTable() == null || !catalog.hasCodeTable(f.codeTable())) {
            return "";
        }
        return catalog.codeTable(f.codeTable()).valuesForMessage();
    }

    /** The canonical values a drop-down offers, in table order (empty for a field that is no code). */
    public List<String> listValues(FieldDefinition f) {
        if (f.codeTable() == null || !catalog.hasCodeTable(f.codeTable())) {
            return List.of();
        }
        return catalog.codeTable(f.codeTable()).definition().entries().stream()
                .map(CodeTableDefinition.Entry::value).toList();
    }

    /** True when the field's drop-down cannot be strict: several values, or free text after an other-prefix. */
    public boolean freeFormCode(FieldDefinition f) {
        return f.multiValue() || otherPrefix(f) != null;
    }

    /** The code table's other-prefix (e.g. 其他-), or null. */
    public String otherPrefix(FieldDefinition f) {
        if (f.codeTable() == null || !catalog.hasCodeTable(f.codeTable())) {
            return null;
        }
        String p = catalog.codeTable(f.codeTable()).definition().otherPrefix();
        return p == null || p.isEmpty() ? null : p;
    }

    /** True when an amount-unit rule names the field: its unit is 万元. */
    public boolean inTenThousandYuan(FieldDefinition f) {
        return item.rules().stream().anyMatch(r -> r instanceof RuleDefinition.AmountUnit a
                && a.amounts().contains(f.key()));
    }

    private String code(FieldDefinition f) {
        StringBuilder s = new StringBuilder("代码，请从下拉列表中选择");
        if (f.multiValue()) {
            s.append("；可填写多个值，用英文分号“;”分隔");
        }
        String prefix = otherPrefix(f);
        if (prefix != null) {
            s.append("；列表以外的情形填写“").append(prefix).append("”加具体名称");
        }
        return s.toString();
    }
}
