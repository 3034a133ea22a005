package org.creditexchange.ingest.cleanse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizationTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | ''",
            "'' | ''",
            "'   ' | ''",
            "统一社会信用代码 | 统一社会信用代码",
            "' 统一社会 信用代码 ' | 统一社会信用代码",
            "'统一社会\u3000信用代码' | 统一社会信用代码",
            "'统一社会\u00A0信用代码' | 统一社会信用代码",
            "'统一社会\u200B信用代码' | 统一社会信用代码",
            "'\uFEFF统一社会信用代码' | 统一社会信用代码",
            "'统一社会\t信用\r\n代码' | 统一社会信用代码",
            "注册资本（万元） | 注册资本(万元)",
            "注册资本(万元) | 注册资本(万元)",
            "【必填】名称 | [必填]名称",
            "〔必填〕名称 | [必填]名称",
            "［必填］名称 | [必填]名称",
            "uscc | USCC",
            "ｕｓｃｃ | USCC",
            "Usc_Code-1 | USC_CODE-1",
            "法定代表人（负责人）姓名 | 法定代表人(负责人)姓名",
    })
    void reducesTitleToComparisonForm(String input, String expected) {
        assertThat(TextNormalization.forMatching(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "注册资本（万元） | ' 注册资本 (万元)'",
            "【必填】统一社会信用代码 | '[必填] 统一社会信用代码'",
            "Email | ＥＭＡＩＬ",
    })
    void matchesVariantsOfTheSameTitle(String a, String b) {
        assertThat(TextNormalization.forMatching(a)).isEqualTo(TextNormalization.forMatching(b));
    }
}
