package org.creditexchange.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.code.UsccCheckDigit;
import org.creditexchange.config.ConfigurationLoader;
import org.junit.jupiter.api.Test;

class SyntheticPenaltiesTests {

    static final CatalogItemDefinition ITEM = new ConfigurationLoader(Path.of(".")).load().orThrow()
            .catalog().item("admin-penalty").orElseThrow();

    @Test
    void exactlyThePercentOfInvalidRowsIsSpreadOverTheFile() {
        SyntheticPenalties s = new SyntheticPenalties(ITEM, 10, 5);

        assertThat(LongStream.range(0, 1000).filter(s::invalid).count()).isEqualTo(50);
        assertThat(LongStream.range(0, 100).filter(s::invalid).count()).isEqualTo(5);
        assertThat(new SyntheticPenalties(ITEM, 10, 0).invalid(19)).isFalse();
    }

    @Test
    void validRowsCarryValidCodesAndUniqueDecisionNumbersUnderTheStandardTitles() {
        SyntheticPenalties s = new SyntheticPenalties(ITEM, 3, 0);
        List<String> titles = s.titles();
        int uscc = titles.indexOf("行政相对人代码_1(统一社会信用代码)");
        int number = titles.indexOf("行政处罚决定书文号");

        assertThat(titles).hasSize(ITEM.fields().size());
        assertThat(UsccCheckDigit.isValid(s.row(7).get(uscc))).isTrue();
        assertThat(s.row(7).get(uscc)).isEqualTo(s.row(1).get(uscc));
        assertThat(s.row(7).get(number)).isNotEqualTo(s.row(1).get(number));
    }

    @Test
    void theFirstKindOfInvalidRowHasAUsccWithAWrongCheckDigit() {
        SyntheticPenalties s = new SyntheticPenalties(ITEM, 3, 100);
        int uscc = s.titles().indexOf("行政相对人代码_1(统一社会信用代码)");

        assertThat(UsccCheckDigit.isValid(s.row(0).get(uscc))).isFalse();
        assertThat(UsccCheckDigit.isValid(s.row(1).get(uscc))).isTrue();
    }
}
