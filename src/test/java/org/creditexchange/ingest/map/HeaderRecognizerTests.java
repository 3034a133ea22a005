package org.creditexchange.ingest.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.creditexchange.catalog.Catalog;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.config.ConfigurationLoader;
import org.creditexchange.ingest.read.RawRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link HeaderRecognizer} and {@link RowMapper} against the real catalog (mappings/ under the project root). */
class HeaderRecognizerTests {

    private static final Catalog CATALOG = new ConfigurationLoader(Path.of("")).load().orThrow().catalog();
    private static final CatalogItemDefinition PENALTY = CATALOG.item("admin-penalty").orElseThrow();
    private static final CatalogItemDefinition LICENSE = CATALOG.item("admin-license").orElseThrow();

    private static final BiFunction<String, String, Optional<SourceMappingDefinition>> NO_MAPPINGS =
            (unit, item) -> Optional.empty();

    // ------------------------------------------------------------------------------------------ where the header is

    @Test
    void headerInTheFirstRow() {
        List<String> header = titles(PENALTY);
        HeaderLayout layout = recognized(List.of(row(1, header), row(2, dataRow(header.size()))));

        assertThat(layout.itemId()).isEqualTo("admin-penalty");
        assertThat(layout.headerRowNumber()).isEqualTo(1);
        assertThat(layout.headers()).containsExactlyElementsOf(header);
        assertThat(layout.columnFields()).containsExactlyElementsOf(keys(PENALTY));
        assertThat(layout.constants()).isEmpty();
    }

    @Test
    void headerInRowFourUnderAMergedTitleANoteAndABlankRow() {
        List<String> header = titles(LICENSE);
        List<String> title = new ArrayList<>(Collections.nCopies(header.size(), ""));
        title.set(0, "示例区市场监督管理局行政许可信息报送表（2026年10月）");
        List<RawRow> rows = List.of(
                row(1, title),
                row(2, List.of("填报说明：带*的为必填项；日期格式为2026-03-05。")),
                row(3, Collections.nCopies(header.size(), "")),
                row(4, header),
                row(5, dataRow(header.size())));

        HeaderLayout layout = recognized(rows);

        assertThat(layout.itemId()).isEqualTo("admin-license");
        assertThat(layout.headerRowNumber()).isEqualTo(4);
        assertThat(layout.columnFields()).containsExactlyElementsOf(keys(LICENSE));
    }

    @Test
    void aHeaderBelowTheSearchWindowIsNotFound() {
        List<RawRow> rows = new ArrayList<>();
        for (int i = 1; i <= HeaderRecognizer.HEADER_SEARCH_ROWS; i++) {
            rows.add(row(i, List.of("说明第" + i + "行")));
        }
        rows.add(row(HeaderRecognizer.HEADER_SEARCH_ROWS + 1, titles(PENALTY)));

        assertThat(recognizer(NO_MAPPINGS).recognize(rows)).isInstanceOf(HeaderRecognizer.NoHeader.class);
    }

    @Test
    void theLastRowOfTheSearchWindowMayHoldTheHeader() {
        List<RawRow> rows = new ArrayList<>();
        for (int i = 1; i < HeaderRecognizer.HEADER_SEARCH_ROWS; i++) {
            rows.add(row(i, List.of("")));
        }
        rows.add(row(HeaderRecognizer.HEADER_SEARCH_ROWS, titles(PENALTY)));

        assertThat(recognized(rows).headerRowNumber()).isEqualTo(HeaderRecognizer.HEADER_SEARCH_ROWS);
    }

    // -------------------------------------------------------------------------------------- how titles are written

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "plain title                           | 罚款金额（万元）                          | fine-amount",
            "half-width brackets                   | 罚款金额(万元)                            | fine-amount",
            "full-width brackets in a code title   | 行政相对人代码_1（统一社会信用代码）       | uscc",
            "leading * marker                      | *行政相对人名称                           | subject-name",
            "trailing * marker                     | 行政相对人名称*                           | subject-name",
            "full-width ＊ marker                  | ＊处罚决定日期                            | decision-date",
            "(必填) suffix                         | 处罚依据(必填)                            | legal-basis",
            "（必填） suffix, full-width           | 处罚依据（必填）                          | legal-basis",
            "（选填） suffix                       | 备注（选填）                              | remarks",
            "spaces inside                         | 处 罚 机 关                               | authority",
            "ideographic spaces around             | '　处罚机关　'                            | authority",
            "alias                                 | 处罚决定书文号                            | decision-number",
            "alias with marker                     | *主要违法事实(必填)                       | violation-facts",
            "column code                           | CF_WSH                                    | decision-number",
            "column code, lower case               | cf_jdrq                                   | decision-date",
            "column code, full width               | ＣＦ＿ＣＦＪＧ                            | authority",
            "unknown title                         | 经办人                                    | ",
    })
    void decoratedTitlesAreRecognised(String description, String title, String field) {
        // The standard title of the field is replaced by the decorated one, moved to the end.
        List<String> header = new ArrayList<>(titles(PENALTY));
        if (field != null) {
            header.remove(PENALTY.field(field).orElseThrow().title());
        }
        header.add(title);

        HeaderLayout layout = recognized(List.of(row(1, header)));

        assertThat(layout.columnFields().get(header.size() - 1)).isEqualTo(field == null ? "" : field);
    }

    @Test
    void titlesWithLineBreaksAndMarkersAllOverTheHeader() {
        List<String> header = new ArrayList<>();
        for (FieldDefinition f : PENALTY.fields()) {
            String t = f.title();
            if (f.required()) {
                t = "*" + t + "\n(必填)";
            }
            if (t.length() > 6) {
                t = t.substring(0, 4) + "\r\n" + t.substring(4);
            }
            header.add(" " + t.replace('(', '（').replace(')', '）') + " ");
        }

        HeaderLayout layout = recognized(List.of(row(3, header)));

        assertThat(layout.itemId()).isEqualTo("admin-penalty");
        assertThat(layout.columnFields()).containsExactlyElementsOf(keys(PENALTY));
        assertThat(layout.headers()).containsExactlyElementsOf(header);
    }

    @Test
    void columnCodesAsHeaders() {
        List<String> header = PENALTY.fields().stream().map(FieldDefinition::column).toList();

        HeaderLayout layout = recognized(List.of(row(1, header)));

        assertThat(layout.itemId()).isEqualTo("admin-penalty");
        assertThat(layout.columnFields()).containsExactlyElementsOf(keys(PENALTY));
    }

    @Test
    void licenseColumnCodesAsHeaders() {
        List<String> header = LICENSE.fields().stream().map(FieldDefinition::column).toList();

        HeaderLayout layout = recognized(List.of(row(1, header)));

        assertThat(layout.itemId()).isEqualTo("admin-license");
        assertThat(layout.columnFields()).containsExactlyElementsOf(keys(LICENSE));
    }

    @Test
    void columnsInAnotherOrderAndMixedTitlesAndCodes() {
        List<String> header = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<FieldDefinition> fields = new ArrayList<>(PENALTY.fields());
        Collections.reverse(fields);
        for (int i = 0; i < fields.size(); i++) {
            header.add(i % 2 == 0 ? fields.get(i).title() : fields.get(i).column());
            expected.add(fields.get(i).key());
        }

        HeaderLayout layout = recognized(List.of(row(1, header)));

        assertThat(layout.columnFields()).containsExactlyElementsOf(expected);
    }

    // ---------------------------------------------------------------------------------------- which item it is

    @Test
    void aPenaltyHeaderAndALicenseHeaderAreToldApart() {
        assertThat(recognized(List.of(row(1, titles(PENALTY)))).itemId()).isEqualTo("admin-penalty");
        assertThat(recognized(List.of(row(1, titles(LICENSE)))).itemId()).isEqualTo("admin-license");
    }

    @Test
    void onlyTheRequiredColumnsAreEnoughToTellThemApart() {
        assertThat(recognized(List.of(row(1, requiredTitles(PENALTY)))).itemId()).isEqualTo("admin-penalty");
        assertThat(recognized(List.of(row(1, requiredTitles(LICENSE)))).itemId()).isEqualTo("admin-license");
    }

    @Test
    void ofTwoEqualHeaderRowsTheFirstIsTheHeader() {
        List<RawRow> rows = List.of(row(1, titles(LICENSE)), row(2, titles(LICENSE)));
        assertThat(recognized(rows).headerRowNumber()).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------ when it fails

    @Test
    void aHeaderMissingARequiredColumnNamesItsChineseTitle() {
        List<String> header = new ArrayList<>(titles(PENALTY));
        header.remove("处罚机关统一社会信用代码");
        header.remove("备注"); // optional: not reported

        HeaderRecognizer.Recognition r = recognizer(NO_MAPPINGS).recognize(List.of(row(1, header)));

        assertThat(r).isInstanceOfSatisfying(HeaderRecognizer.MissingColumns.class, m -> {
            assertThat(m.item().id()).isEqualTo("admin-penalty");
            assertThat(m.missingTitles()).containsExactly("处罚机关统一社会信用代码");
        });
    }

    @Test
    void aLicenseHeaderMissingSeveralRequiredColumnsListsThemInTemplateOrder() {
        List<String> header = new ArrayList<>(titles(LICENSE));
        header.remove("当前状态");
        header.remove("有效期自");
        header.remove("许可证书名称"); // optional

        HeaderRecognizer.Recognition r = recognizer(NO_MAPPINGS).recognize(List.of(row(1, header)));

        assertThat(r).isInstanceOfSatisfying(HeaderRecognizer.MissingColumns.class, m -> {
            assertThat(m.item().id()).isEqualTo("admin-license");
            assertThat(m.missingTitles()).containsExactly("有效期自", "当前状态");
        });
    }

    @Test
    void aSheetWithoutARecognisableHeaderIsNoHeader() {
        List<RawRow> rows = List.of(
                row(1, List.of("2026年10月工作台账")),
                row(2, List.of("序号", "事项", "经办人", "日期")),
                row(3, List.of("1", "年度检查", "李四", "2026-10-08")),
                row(4, List.of("", "", "", "")));

        assertThat(recognizer(NO_MAPPINGS).recognize(rows)).isInstanceOf(HeaderRecognizer.NoHeader.class);
    }

    @Test
    void anEmptySheetIsNoHeader() {
        assertThat(recognizer(NO_MAPPINGS).recognize(List.of())).isInstanceOf(HeaderRecognizer.NoHeader.class);
    }

    @Test
    void twoRecognisableTitlesAreNotYetAHeader() {
        List<RawRow> rows = List.of(row(1, List.of("行政相对人名称", "处罚机关", "说明")));
        assertThat(recognizer(NO_MAPPINGS).recognize(rows)).isInstanceOf(HeaderRecognizer.NoHeader.class);
    }

    // ------------------------------------------------------------------------------------------ extra columns

    @Test
    void extraUnknownColumnsAreIgnored() {
        List<String> header = new ArrayList<>();
        header.add("序号");
        header.addAll(titles(PENALTY));
        header.add("经办人");
        header.add("");

        HeaderLayout layout = recognized(List.of(row(1, header)));

        List<String> expected = new ArrayList<>();
        expected.add("");
        expected.addAll(keys(PENALTY));
        expected.add("");
        expected.add("");
        assertThat(layout.columnFields()).containsExactlyElementsOf(expected);
    }

    @Test
    void aRepeatedColumnIsMarkedAsARepeatOfItsField() {
        List<String> header = new ArrayList<>(titles(PENALTY));
        header.add("处罚机关");

        HeaderLayout layout = recognized(List.of(row(1, header)));

        int last = header.size() - 1;
        assertThat(layout.isRepeat(last)).isTrue();
        assertThat(layout.fieldOf(last)).isEqualTo("authority");
        assertThat(layout.columnFields().stream().filter("authority"::equals)).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------ source mappings

    private static final SourceMappingDefinition UNIT_X_PENALTY = new SourceMappingDefinition("unit-x", "admin-penalty",
            Map.of("decision-number", List.of("执法文书编号"), "authority-code", List.of("执法机关代码")),
            Map.of("source-unit", "示例区市场监督管理局", "source-unit-code", "11110000000013927Y"),
            null);

    private static final BiFunction<String, String, Optional<SourceMappingDefinition>> UNIT_X =
            (unit, item) -> unit.equals("unit-x") && item.equals("admin-penalty")
                    ? Optional.of(UNIT_X_PENALTY) : Optional.empty();

    /** The unit's own header: its own titles for two fields, no 数据来源单位 columns at all. */
    private static List<String> unitXHeader() {
        List<String> header = new ArrayList<>();
        for (FieldDefinition f : PENALTY.fields()) {
            switch (f.key()) {
                case "decision-number" -> header.add("*执法文书编号");
                case "authority-code" -> header.add("执法机关代码（必填）");
                case "source-unit", "source-unit-code" -> {
                }
                default -> header.add(f.title());
            }
        }
        return header;
    }

    @Test
    void aSourceMappingsHeaderAliasesAndConstantsAreHonoured() {
        List<String> header = unitXHeader();

        HeaderRecognizer.Recognition r = new HeaderRecognizer(CATALOG.items(), "unit-x", UNIT_X)
                .recognize(List.of(row(1, header)));

        assertThat(r).isInstanceOf(HeaderRecognizer.Recognized.class);
        HeaderLayout layout = ((HeaderRecognizer.Recognized) r).layout();
        assertThat(layout.itemId()).isEqualTo("admin-penalty");
        assertThat(layout.columnFields().get(header.indexOf("*执法文书编号"))).isEqualTo("decision-number");
        assertThat(layout.columnFields().get(header.indexOf("执法机关代码（必填）"))).isEqualTo("authority-code");
        assertThat(layout.constants()).containsOnly(
                Map.entry("source-unit", "示例区市场监督管理局"),
                Map.entry("source-unit-code", "11110000000013927Y"));
    }

    @Test
    void anotherUnitWithoutTheMappingMissesThoseColumns() {
        HeaderRecognizer.Recognition r = new HeaderRecognizer(CATALOG.items(), "unit-y", UNIT_X)
                .recognize(List.of(row(1, unitXHeader())));

        assertThat(r).isInstanceOfSatisfying(HeaderRecognizer.MissingColumns.class, m ->
                assertThat(m.missingTitles()).containsExactly("行政处罚决定书文号", "处罚机关统一社会信用代码",
                        "数据来源单位", "数据来源单位统一社会信用代码"));
    }

    @Test
    void theMappingOfOneItemDoesNotLeakIntoTheOther() {
        // unit-x maps only admin-penalty: its license header still needs every license column.
        List<String> header = new ArrayList<>(titles(LICENSE));
        header.remove("数据来源单位");

        HeaderRecognizer.Recognition r = new HeaderRecognizer(CATALOG.items(), "unit-x", UNIT_X)
                .recognize(List.of(row(1, header)));

        assertThat(r).isInstanceOfSatisfying(HeaderRecognizer.MissingColumns.class, m -> {
            assertThat(m.item().id()).isEqualTo("admin-license");
            assertThat(m.missingTitles()).containsExactly("数据来源单位");
        });
    }

    // ------------------------------------------------------------------------------------------------ RowMapper

    @Test
    void rowMapperPutsCellsIntoTheirFields() {
        List<String> header = List.of("序号", "行政相对人名称", "CF_WSH", "*处罚决定日期", "经办人", "罚款金额(万元)",
                "处罚类别", "违法行为类型", "违法事实", "处罚依据", "处罚内容", "处罚有效期", "处罚机关",
                "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "行政相对人类别");
        HeaderLayout layout = recognized(List.of(row(2, header)));
        RawRow data = new RawRow(3, List.of("1", "北京示例科技有限公司", "京示市监罚〔2026〕101号", "2026/3/5", "李四", "0.2"));

        MappedRow mapped = new RowMapper(PENALTY, layout).map(data);

        assertThat(mapped.rowNumber()).isEqualTo(3);
        assertThat(mapped.cells()).isEqualTo(data.cells());
        assertThat(mapped.rawByField().keySet()).containsExactlyElementsOf(keys(PENALTY));
        assertThat(mapped.raw("subject-name")).isEqualTo("北京示例科技有限公司");
        assertThat(mapped.raw("decision-number")).isEqualTo("京示市监罚〔2026〕101号");
        assertThat(mapped.raw("decision-date")).isEqualTo("2026/3/5");
        assertThat(mapped.raw("fine-amount")).isEqualTo("0.2");
        // a short row: columns beyond its end are ""
        assertThat(mapped.raw("penalty-category")).isEmpty();
        // fields without a column are ""
        assertThat(mapped.raw("remarks")).isEmpty();
        assertThat(mapped.raw("uscc")).isEmpty();
        // the unknown columns feed nothing
        assertThat(mapped.rawByField()).doesNotContainValue("李四").doesNotContainValue("1");
    }

    @Test
    void rowMapperFillsAbsentFieldsFromTheConstants() {
        HeaderLayout layout = ((HeaderRecognizer.Recognized) new HeaderRecognizer(CATALOG.items(), "unit-x", UNIT_X)
                .recognize(List.of(row(1, unitXHeader())))).layout();
        List<String> header = unitXHeader();
        List<String> cells = new ArrayList<>(Collections.nCopies(header.size(), "x"));
        cells.set(header.indexOf("*执法文书编号"), "京示市监罚〔2026〕7号");

        MappedRow mapped = new RowMapper(PENALTY, layout).map(new RawRow(2, cells));

        assertThat(mapped.raw("decision-number")).isEqualTo("京示市监罚〔2026〕7号");
        assertThat(mapped.raw("source-unit")).isEqualTo("示例区市场监督管理局");
        assertThat(mapped.raw("source-unit-code")).isEqualTo("11110000000013927Y");
    }

    @Test
    void rowMapperConstantsFillBlankCellsButNeverOverrideAValue() {
        List<String> header = titles(PENALTY);
        HeaderLayout layout = new HeaderLayout("admin-penalty", 1, header, keys(PENALTY),
                Map.of("source-unit", "常量单位", "remarks", "常量备注"));
        List<String> cells = new ArrayList<>(Collections.nCopies(header.size(), ""));
        cells.set(header.indexOf("数据来源单位"), "本行单位");
        cells.set(header.indexOf("备注"), "   ");

        MappedRow mapped = new RowMapper(PENALTY, layout).map(new RawRow(9, cells));

        assertThat(mapped.raw("source-unit")).isEqualTo("本行单位");
        assertThat(mapped.raw("remarks")).isEqualTo("常量备注");
    }

    @Test
    void recognisedThenMappedThenValidatedEndToEnd() {
        List<String> header = new ArrayList<>(titles(LICENSE));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("subject-name", "北京示例科技有限公司");
        values.put("subject-category", "2");
        values.put("uscc", "91110000600037341l");
        values.put("legal-representative", "王五");
        values.put("decision-document-name", "准予行政许可决定书");
        values.put("decision-number", "京示市监许〔2026〕8号");
        values.put("license-category", "普通");
        values.put("license-content", "食品销售");
        values.put("decision-date", "2026年3月5日");
        values.put("valid-from", "2026/3/5");
        values.put("valid-to", "2099-12-31");
        values.put("authority", "北京市示例区市场监督管理局");
        values.put("authority-code", "11110000000013927Y");
        values.put("status", "1");
        values.put("source-unit", "北京市示例区市场监督管理局");
        values.put("source-unit-code", "11110000000013927Y");
        List<String> cells = LICENSE.fields().stream().map(f -> values.getOrDefault(f.key(), "")).toList();

        HeaderLayout layout = recognized(List.of(row(1, header), new RawRow(2, cells)));
        MappedRow mapped = new RowMapper(LICENSE, layout).map(new RawRow(2, cells));
        var validated = new org.creditexchange.ingest.validate.RowValidator(CATALOG, LICENSE, Map.of())
                .validate(mapped, java.time.LocalDate.of(2026, 11, 24));

        assertThat(validated.reasons()).isEmpty();
        assertThat(validated.record().text("uscc")).isEqualTo("91110000600037341L");
        assertThat(validated.record().text("subject-category")).isEqualTo("法人及非法人组织");
        assertThat(validated.record().text("decision-date")).isEqualTo("2026-03-05");
        assertThat(validated.record().text("status")).isEqualTo("有效");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static HeaderRecognizer recognizer(BiFunction<String, String, Optional<SourceMappingDefinition>> m) {
        return new HeaderRecognizer(CATALOG.items(), "sample-market", m);
    }

    private static HeaderLayout recognized(List<RawRow> rows) {
        HeaderRecognizer.Recognition r = recognizer(NO_MAPPINGS).recognize(rows);
        assertThat(r).isInstanceOf(HeaderRecognizer.Recognized.class);
        return ((HeaderRecognizer.Recognized) r).layout();
    }

    private static RawRow row(int number, List<String> cells) {
        return new RawRow(number, cells);
    }

    private static List<String> titles(CatalogItemDefinition item) {
        return item.fields().stream().map(FieldDefinition::title).toList();
    }

    private static List<String> requiredTitles(CatalogItemDefinition item) {
        return item.fields().stream().filter(FieldDefinition::required).map(FieldDefinition::title).toList();
    }

    private static List<String> keys(CatalogItemDefinition item) {
        return item.fields().stream().map(FieldDefinition::key).toList();
    }

    private static List<String> dataRow(int size) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            cells.add("值" + i);
        }
        return cells;
    }
}
