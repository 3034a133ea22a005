package org.creditexchange.intake.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptLinesTests {

    @TempDir
    Path dir;

    @Test
    void aProcessedFileGivesEachRowItsStatusAndAllItsReasons() throws IOException {
        ReceiptLines lines = read("""
                row,status,field,code,message
                0,WARNED,,FORMAT_LEGACY,文件为旧格式。
                2,ACCEPTED,,,
                3,REJECTED,uscc,USCC_CHECK_DIGIT,【统一社会信用代码】校验位不正确。
                3,REJECTED,decision-date,REQUIRED,"【处罚决定日期】为空, 请填写。"
                4,WARNED,uscc,USCC_PREFIX,提示。
                """);

        assertThat(lines.file()).isNull();
        assertThat(lines.row(2)).isEqualTo(new ReceiptLines.Verdict("ACCEPTED", List.of(), List.of(), List.of()));
        assertThat(lines.row(3)).isEqualTo(new ReceiptLines.Verdict("REJECTED", List.of("uscc", "decision-date"),
                List.of("USCC_CHECK_DIGIT", "REQUIRED"), List.of("【统一社会信用代码】校验位不正确。", "【处罚决定日期】为空, 请填写。")));
        assertThat(lines.row(4).status()).isEqualTo("WARNED");
        assertThat(lines.row(5)).isNull();
    }

    @Test
    void aRefusedFileStandsForEveryRow() throws IOException {
        ReceiptLines lines = read("""
                row,status,field,code,message
                0,REJECTED,,NO_HEADER,未找到表头。
                """);

        assertThat(lines.row(2)).isEqualTo(lines.row(99)).isEqualTo(lines.file());
        assertThat(lines.file().codes()).containsExactly("NO_HEADER");
    }

    private ReceiptLines read(String text) throws IOException {
        Path p = dir.resolve("receipt.csv");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return ReceiptLines.read(p);
    }
}
