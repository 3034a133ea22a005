package org.creditexchange.ingest.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.config.ConfigurationLoader;
import org.creditexchange.config.PlatformConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldDerivationsTests {

    static final PlatformConfiguration CONFIG = new ConfigurationLoader(Path.of("")).load().orThrow();
    static final CatalogItemDefinition PENALTY = CONFIG.catalog().item("admin-penalty").orElseThrow();
    static final FormatDefinition LEGACY = CONFIG.formats().get("legacy-2016-penalty");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            USCC of an organisation      | 91330106MA2B3C4D11 | '' | ''                 | 法人及非法人组织
            USCC starting 92             | 92330106MA2J00016E | '' | ''                 | 个体工商户
            organisation code only       | ''                 | MA2B3C4D1 | ''          | 法人及非法人组织
            ID number only               | ''                 | '' | 11010519491231002X | 自然人
            nothing to tell from         | ''                 | '' | ''                 | ''
            """)
    void derivesTheSubjectCategoryFromTheCodesTheRowHolds(String description, String uscc, String orgCode, String id,
                                                          String expected) {
        MappedRow row = row(Map.of("uscc", uscc, "org-code", orgCode, "id-number", id));

        MappedRow derived = new FieldDerivations(PENALTY, LEGACY.derive(), "测试局", "").apply(row);

        assertThat(derived.raw("subject-category")).isEqualTo(expected);
        assertThat(derived.raw("id-type")).isEqualTo(id.isEmpty() ? "" : "身份证");
        assertThat(derived.raw("source-unit")).isEqualTo("测试局");
    }

    @org.junit.jupiter.api.Test
    void neverOverwritesWhatTheRowHolds() {
        MappedRow row = row(Map.of("subject-category", "自然人", "uscc", "91330106MA2B3C4D11", "source-unit", "原单位"));

        MappedRow derived = new FieldDerivations(PENALTY, LEGACY.derive(), "测试局", "").apply(row);

        assertThat(derived.raw("subject-category")).isEqualTo("自然人");
        assertThat(derived.raw("source-unit")).isEqualTo("原单位");
    }

    private static MappedRow row(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>();
        PENALTY.fields().forEach(f -> all.put(f.key(), ""));
        all.putAll(values);
        return new MappedRow(2, List.of(), all);
    }
}
