package org.creditexchange.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedbackFileNamesTests {

    @Test
    void replacesExtensionWithFeedbackSuffix() {
        assertThat(FeedbackFileNames.workbookName(42, "2025年3月行政处罚.xlsx")).isEqualTo("2025年3月行政处罚.反馈-42.xlsx");
        assertThat(FeedbackFileNames.receiptName(42, "2025年3月行政处罚.xlsx")).isEqualTo("2025年3月行政处罚.回执-42.csv");
    }

    @Test
    void keepsInnerDotsAndNamesWithoutExtension() {
        assertThat(FeedbackFileNames.workbookName(1, "处罚.v2.csv")).isEqualTo("处罚.v2.反馈-1.xlsx");
        assertThat(FeedbackFileNames.receiptName(1, "处罚")).isEqualTo("处罚.回执-1.csv");
    }

    @Test
    void replacesPathSeparatorsAndControlCharacters() {
        assertThat(FeedbackFileNames.workbookName(7, "../etc/pass\nwd.xlsx")).isEqualTo(".._etc_pass_wd.反馈-7.xlsx");
        assertThat(FeedbackFileNames.receiptName(7, "C:\\上报\\处罚.csv")).isEqualTo("C__上报_处罚.回执-7.csv");
    }

    @Test
    void fallsBackWhenNothingIsLeftOfTheName() {
        assertThat(FeedbackFileNames.workbookName(3, "  ")).isEqualTo("报送文件.反馈-3.xlsx");
    }

    @Test
    void cutsVeryLongNames() {
        String name = "很".repeat(300) + ".xlsx";
        assertThat(FeedbackFileNames.workbookName(3, name)).isEqualTo("很".repeat(60) + ".反馈-3.xlsx");
    }
}
