package org.creditexchange.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.creditexchange.config.ConfigurationLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProhibitedDataTests {

    static final ProhibitedData SHIPPED = new ConfigurationLoader(Path.of("")).load().orThrow().prohibitedData();

    @ParameterizedTest(name = "{0} (persons covered: {1})")
    @CsvSource(delimiter = '|', textBlock = """
            血型            | false | 血型
            宗教信仰        | false | 宗教信仰
            指纹信息        | false | 指纹
            既往病史        | false | 疾病和病史
            基因检测结果    | false | 基因
            民族            | false | 民族
            政治面貌        | false | 政治信仰
            个人年收入      | true  | 个人收入
            存款余额        | true  | 存款
            房产情况        | true  | 不动产
            营业收入        | false | ''
            注册资本（万元） | false | ''
            行政相对人名称  | true  | ''
            罚款金额（万元） | true  | ''
            社会保险欠缴金额 | false | ''
            """)
    void tellsProhibitedHeadersApart(String header, boolean coversPersons, String expected) {
        assertThat(SHIPPED.category(header, coversPersons).orElse("")).isEqualTo(expected);
    }
}
