package org.creditexchange.catalog.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.creditexchange.catalog.Catalog;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.ConditionDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.catalog.RuleDefinition;
import org.creditexchange.config.ConfigurationLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleDescriptionsTests {

    static final Catalog CATALOG = new ConfigurationLoader(Path.of("")).load().orThrow().catalog();

    static CatalogItemDefinition item(String id) {
        return CATALOG.item(id).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin-penalty", "admin-license"})
    void everyRuleOfTheShippedItemsGivesASentenceNamingTheChineseTitles(String id) {
        CatalogItemDefinition item = item(id);
        RuleDescriptions d = new RuleDescriptions(item);
        assertThat(item.rules()).isNotEmpty();
        for (RuleDefinition rule : item.rules()) {
            String sentence = d.describe(rule);
            assertThat(sentence).as(rule.toString()).isNotBlank().doesNotContain("null");
            for (String key : rule.fields()) {
                String title = item.field(key).orElseThrow().title();
                assertThat(sentence).as(rule.toString()).contains("【" + title + "】").doesNotContain(key);
            }
        }
        assertThat(d.all()).hasSize(item.rules().size()
                + (int) item.fields().stream().filter(f -> f.requiredIf() != null && !f.required()).count()
                + (int) item.fields().stream().filter(f -> f.checkIf() != null).count());
    }

    @Test
    void penaltySentencesReadAsTheClerkExpects() {
        List<String> all = new RuleDescriptions(item("admin-penalty")).all();
        assertThat(all).contains(
                "【处罚有效期】不得早于【处罚决定日期】（两者均填写时检查）。",
                "【处罚决定日期】不得晚于报送当天。",
                "【处罚类别】含“罚款”时，【罚款金额（万元）】必须填写且大于0。",
                "【处罚类别】含“没收”时，【没收违法所得、没收非法财物的金额（万元）】必须填写且大于0。",
                "【处罚类别】含“暂扣”或“吊销”时，【暂扣或吊销证照名称及编号】必须填写。",
                "【行政相对人类别】为“个体工商户”时，【行政相对人代码_1(统一社会信用代码)】须以“92”开头，否则该行不予入库。",
                "【行政相对人类别】为“法人及非法人组织”时，【行政相对人代码_1(统一社会信用代码)】不应以“92”开头"
                        + "（不符时数据仍可入库，但会给出警告，请核对）。",
                "【行政相对人类别】为“法人及非法人组织”或“个体工商户”时，【行政相对人代码_1(统一社会信用代码)】必须填写。",
                "【行政相对人类别】为“自然人”时，【证件号码】必须填写。");
        assertThat(all).anySatisfy(s -> assertThat(s)
                .startsWith("【罚款金额（万元）】、【没收违法所得、没收非法财物的金额（万元）】的金额单位为万元")
                .contains("1000"));
        assertThat(all).anySatisfy(s -> assertThat(s)
                .startsWith("【证件类型】为“身份证”时，【证件号码】须为有效的居民身份证号码"));
    }

    @Test
    void requiredColumnTextSaysRequiredConditionalOrOptional() {
        CatalogItemDefinition item = item("admin-penalty");
        RuleDescriptions d = new RuleDescriptions(item);
        assertThat(d.requiredText(item.field("subject-name").orElseThrow())).isEqualTo("必填");
        assertThat(d.requiredText(item.field("id-number").orElseThrow()))
                .isEqualTo("条件必填：【行政相对人类别】为“自然人”时必填");
        assertThat(d.requiredText(item.field("remarks").orElseThrow())).isEqualTo("选填");
    }

    /**
     * Every rule kind the catalog can declare (the permitted subtypes of the sealed RuleDefinition) has a sentence:
     * a new kind without one fails here instead of vanishing from the 填表说明 sheet.
     */
    @Test
    void everyRuleKindHasASentence() throws Exception {
        CatalogItemDefinition item = item("admin-penalty");
        RuleDescriptions d = new RuleDescriptions(item);
        Class<?>[] kinds = RuleDefinition.class.getPermittedSubclasses();
        assertThat(kinds).isNotEmpty();
        for (Class<?> kind : kinds) {
            RuleDefinition rule = sample(kind);
            String sentence = d.describe(rule);
            assertThat(sentence).as(kind.getSimpleName()).contains("【").doesNotContain("null");
        }
    }

    @Test
    void conditionsWithoutAFieldAreRefused() {
        FieldDefinition plain = item("admin-penalty").field("remarks").orElseThrow();
        RuleDescriptions d = new RuleDescriptions(item("admin-penalty"));
        assertThatThrownBy(() -> d.requiredIf(plain)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.checkIf(plain)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A rule of this kind whose fields are real penalty fields, built from the record's components. */
    private static RuleDefinition sample(Class<?> kind) throws Exception {
        RecordComponent[] components = kind.getRecordComponents();
        assertThat(components).as(kind + " is a record").isNotNull();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = sampleValue(components[i].getType(), components[i].getGenericType());
        }
        Constructor<?> c = kind.getDeclaredConstructor(types);
        return (RuleDefinition) c.newInstance(args);
    }

    private static Object sampleValue(Class<?> type, Type generic) {
        if (type == String.class) {
            return "decision-date";
        }
        if (type == List.class && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == String.class) {
            return List.of("decision-date");
        }
        if (type == ConditionDefinition.class) {
            return new ConditionDefinition("subject-category", List.of("个体工商户"));
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.valueOf(1000);
        }
        if (type == int.class) {
            return 1;
        }
        throw new AssertionError("no sample for a rule component of type " + generic);
    }
}
