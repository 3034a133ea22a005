package org.creditexchange.catalog.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.ConditionDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.catalog.FieldTypeName;
import org.creditexchange.catalog.RuleDefinition;

/**
 * Turns the rules of one catalog item into plain Chinese sentences for the clerk, naming fields by their standard
 * titles in 【】: every cross-field rule, every {@code required-if} and every {@code check-if}. A rule kind without
 * a sentence is an error ({@link IllegalArgumentException}), never silently left out.
 */
public final class RuleDescriptions {

    private final CatalogItemDefinition item;

    public RuleDescriptions(CatalogItemDefinition item) {
        this.item = item;
    }

    /**
     * Every sentence of the item, in this order: the {@code required-if} of each field (field order), the
     * {@code check-if} of each field, then the cross-field rules as declared.
     */
    public List<String> all() {
        List<String> sentences = new ArrayList<>();
        for (FieldDefinition f : item.fields()) {
            if (!f.required() && f.requiredIf() != null) {
                sentences.add(requiredIf(f));
            }
        }
        for (FieldDefinition f : item.fields()) {
            if (f.checkIf() != null) {
                sentences.add(checkIf(f));
            }
        }
        for (RuleDefinition rule : item.rules()) {
            sentences.add(describe(rule));
        }
        return sentences;
    }

    /**
     * The sentence of one cross-field rule.
     *
     * @throws IllegalArgumentException for a rule kind this class does not know
     */
    public String describe(RuleDefinition rule) {
        if (rule instanceof RuleDefinition.DateOrder r) {
            return title(r.later()) + "不得早于" + title(r.earlier()) + "（两者均填写时检查）。";
        }
        if (rule instanceof RuleDefinition.NotFuture r) {
            return titles(r.dates()) + "不得晚于报送当天。";
        }
        if (rule instanceof RuleDefinition.PositiveIfContains r) {
            return title(r.when()) + "含" + quoted(r.contains()) + "时，" + title(r.field()) + "必须填写且大于0。";
        }
        if (rule instanceof RuleDefinition.PresentIfContains r) {
            return title(r.when()) + "含" + quoted(r.contains()) + "时，" + title(r.field()) + "必须填写。";
        }
        if (rule instanceof RuleDefinition.CodePrefix r) {
            String when = r.when() == null ? "" : condition(r.when()) + "时，";
            String must = r.expected() ? "须以“" + r.prefix() + "”开头" : "不应以“" + r.prefix() + "”开头";
            String outcome = r.warning() ? "（不符时数据仍可入库，但会给出警告，请核对）" : "，否则该行不予入库";
            return when + title(r.field()) + must + outcome + "。";
        }
        if (rule instanceof RuleDefinition.AmountUnit r) {
            return titles(r.amounts()) + "的金额单位为万元（例如2000元应填写0.2）；数值达到" + plain(r.threshold())
                    + "及以上时将给出警告，提示核对是否误按元填写。";
        }
        throw new IllegalArgumentException("no description for rule kind " + rule.getClass().getName()
                + " of catalog item " + item.id() + ": add one to " + RuleDescriptions.class.getSimpleName());
    }

    /** The sentence of a field's {@code required-if}, e.g. 【行政相对人类别】为“自然人”时，【证件号码】必须填写。 */
    public String requiredIf(FieldDefinition f) {
        if (f.requiredIf() == null) {
            throw new IllegalArgumentException("field " + f.key() + " has no required-if");
        }
        return condition(f.requiredIf()) + "时，" + title(f.key()) + "必须填写。";
    }

    /** The sentence of a field's {@code check-if}: when the type's check applies. */
    public String checkIf(FieldDefinition f) {
        if (f.checkIf() == null) {
            throw new IllegalArgumentException("field " + f.key() + " has no check-if");
        }
        return condition(f.checkIf()) + "时，" + title(f.key()) + "须为" + checkName(f.type())
                + "；为其他情形时照实填写。";
    }

    /** What the 是否必填 column says: 必填, 条件必填：【…】为“…”时必填, or 选填. */
    public String requiredText(FieldDefinition f) {
        if (f.required()) {
            return "必填";
        }
        if (f.requiredIf() != null) {
            return "条件必填：" + condition(f.requiredIf()) + "时必填";
        }
        return "选填";
    }

    /** 【title】为“a”或“b”. */
    public String condition(ConditionDefinition c) {
        if (c.filled()) {
            return "填写了" + title(c.field());
        }
        return title(c.field()) + "为" + c.in().stream().map(v -> "“" + v + "”").collect(Collectors.joining("或"));
    }

    /** 【title】 of a field key (the key itself when the item has no such field). */
    public String title(String key) {
        return "【" + item.field(key).map(FieldDefinition::title).orElse(key) + "】";
    }

    private String titles(List<String> keys) {
        return keys.stream().map(this::title).collect(Collectors.joining("、"));
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "“" + v + "”").collect(Collectors.joining("或"));
    }

    private static String plain(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }

    private static String checkName(FieldTypeName type) {
        return switch (type) {
            case ID_NUMBER -> "有效的居民身份证号码（18位或15位，按GB 11643校验）";
            case USCC -> "有效的统一社会信用代码（18位，按GB 32100校验）";
            case ORG_CODE -> "有效的组织机构代码（按GB 11714校验）";
            case REG_NUMBER -> "有效的15位工商注册号";
            case DATE -> "有效日期";
            case DECIMAL -> "不小于0的数字";
            case CODE -> "规定的代码值";
            case TEXT -> "文本";
        };
    }
}
