package org.creditexchange.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.config.ConfigurationLoader;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.map.MappedRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** required-if with {@code filled: true}, and field patterns, on the shipped catalog items that use them. */
class ConditionAndPatternTests {

    static final PlatformConfiguration CONFIG = new ConfigurationLoader(Path.of("")).load().orThrow();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void aRemovalDateRequiresTheRemovalReasonAndAuthority() {
        CatalogItemDefinition item = CONFIG.catalog().item("abnormal-operation").orElseThrow();
        Map<String, String> values = new LinkedHashMap<>(Map.of("subject-name", "某公司", "uscc", "91330106MA2B3C4D11",
                "legal-representative", "王明", "listing-reason", "通过登记的住所无法联系", "listing-date", "2025-01-02",
                "listing-authority", "测试区市场监督管理局", "source-unit", "测试区市场监督管理局",
                "source-unit-code", "113301060025000178"));
        RowValidator validator = new RowValidator(CONFIG.catalog(), item, Map.of());

        ValidatedRow listed = validator.validate(row(item, values), TODAY);
        values.put("removal-date", "2026-03-01");
        ValidatedRow removed = validator.validate(row(item, values), TODAY);

        assertThat(listed.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(removed.reasons()).extracting(r -> r.code() + "@" + r.field())
                .containsExactly("REQUIRED_IF_FILLED_MISSING@removal-reason", "REQUIRED_IF_FILLED_MISSING@removal-authority");
        assertThat(removed.reasons().get(0).message()).isEqualTo("填写了【移出经营异常名录日期】时，【移出经营异常名录原因】为必填项，但未填写。");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2025, ", "2025年度, PATTERN_MISMATCH", "abcd, PATTERN_MISMATCH", "1899, PATTERN_MISMATCH"})
    void theRatingYearMustBeAFourDigitYear(String year, String expected) {
        CatalogItemDefinition item = CONFIG.catalog().item("credit-rating").orElseThrow();
        Map<String, String> values = new LinkedHashMap<>(Map.of("subject-name", "某公司", "subject-category", "法人及非法人组织",
                "uscc", "91330106MA2B3C4D11", "rating-category", "纳税信用", "rating-grade", "A", "rating-year", year,
                "authority", "国家税务总局测试区税务局", "authority-code", "113301060025000178", "rating-date", "2026-04-01",
                "source-unit", "国家税务总局测试区税务局"));
        values.put("source-unit-code", "113301060025000178");

        ValidatedRow v = new RowValidator(CONFIG.catalog(), item, Map.of()).validate(row(item, values), TODAY);

        List<String> codes = v.reasons().stream().filter(r -> r.field().equals("rating-year")).map(Reason::code).toList();
        assertThat(codes).isEqualTo(expected == null ? List.of() : List.of(expected));
        if (expected != null) {
            assertThat(v.reasons().get(0).hint()).isEqualTo("【评价年度】应为：4位年份，如2025。");
        }
    }

    private static MappedRow row(CatalogItemDefinition item, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>();
        item.fields().forEach(f -> all.put(f.key(), values.getOrDefault(f.key(), "")));
        return new MappedRow(2, List.of(), all);
    }
}
