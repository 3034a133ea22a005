package org.creditexchange.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creditexchange.catalog.Catalog;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.catalog.code.IdNumberCheckDigit;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.config.ConfigurationLoader;
import org.creditexchange.ingest.cleanse.DateCleansing;
import org.creditexchange.ingest.cleanse.HalfWidth;
import org.creditexchange.ingest.map.MappedRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RowValidator} against the real catalog (mappings/ under the project root): every field type and every
 * cross-field rule of DOMAIN.md §2 for 行政处罚 and 行政许可.
 *
 * <p>Case tables: {@code description | item | overrides | status | reasons | expected record values}.
 * <ul>
 *   <li>item: {@code CF} (a complete valid 行政处罚 of a 法人), {@code CF-P} (the same for a 自然人),
 *       {@code CF-G} (个体工商户), {@code XK}, {@code XK-P}, {@code XK-G} likewise for 行政许可;</li>
 *   <li>overrides: {@code field=raw} pairs separated by {@code #}; {@code field=} blanks the field;
 *       a value {@code c*n} stands for the character c repeated n times;</li>
 *   <li>reasons: {@code CODE@field} separated by spaces, compared in any order; a leading {@code ~} marks a
 *       warning (every other reason must be an error);</li>
 *   <li>expected: {@code field=canonical} pairs separated by {@code #}, checked in the cleansed record.</li>
 * </ul>
 * Test names show only the description, never a value: identity numbers must not reach test reports.
 */
class RowValidatorTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    /** Valid 18-character identity numbers (GB 11643), and the masked form of the first. */
    private static final String ID = "11010519491231002X";
    private static final String ID_MASKED = "110105********002X";

    private static final Catalog CATALOG = new ConfigurationLoader(Path.of("")).load().orThrow().catalog();
    private static final Pattern REPEAT = Pattern.compile("(.)\\*(\\d+)");
    /** An 18- or 15-character identity number standing alone (not inside a longer code). */
    private static final Pattern ID_LIKE =
            Pattern.compile("(?<![0-9A-Za-z])(?:[0-9]{6}((?:19|20)[0-9]{6})[0-9]{3}[0-9Xx]|[0-9]{6}([0-9]{6})[0-9]{3})(?![0-9A-Za-z])");

    // ---------------------------------------------------------------------------------------------- field types

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // description                              | item | overrides                                    | status   | reasons                    | expected
            "base 法人 penalty is accepted               | CF   |                                              | ACCEPTED |                            | subject-category=法人及非法人组织 # penalty-category=警告;罚款 # fine-amount=0.2",
            "base 自然人 penalty is accepted             | CF-P |                                              | ACCEPTED |                            | id-number=" + ID,
            "base 个体工商户 penalty is accepted         | CF-G |                                              | ACCEPTED |                            | uscc=92110105MA0000001Y",
            "base 法人 license is accepted               | XK   |                                              | ACCEPTED |                            | status=有效",
            "base 自然人 license is accepted             | XK-P |                                              | ACCEPTED |                            | ",
            "base 个体工商户 license is accepted         | XK-G |                                              | ACCEPTED |                            | ",
            // text
            "text at max-length (64) is accepted         | CF   | decision-number=号*64                        | ACCEPTED |                            | ",
            "text over max-length (65) is TOO_LONG       | CF   | decision-number=号*65                        | REJECTED | TOO_LONG@decision-number   | ",
            "subject name over 200 is TOO_LONG           | XK   | subject-name=名*201                          | REJECTED | TOO_LONG@subject-name      | ",
            "text is trimmed                             | CF   | subject-name='  北京示例科技有限公司  '       | ACCEPTED |                            | subject-name=北京示例科技有限公司",
            // dates
            "date 2026-03-05                             | CF   | decision-date=2026-03-05                     | ACCEPTED |                            | decision-date=2026-03-05",
            "date 2026/3/5                               | CF   | decision-date=2026/3/5                       | ACCEPTED |                            | decision-date=2026-03-05",
            "date 2026年3月5日                           | CF   | decision-date=2026年3月5日                   | ACCEPTED |                            | decision-date=2026-03-05",
            "date 20260305                               | CF   | decision-date=20260305                       | ACCEPTED |                            | decision-date=2026-03-05",
            "date 2026.3.5                               | CF   | decision-date=2026.3.5                       | ACCEPTED |                            | decision-date=2026-03-05",
            "date 2026-03-05 00:00:00                    | XK   | valid-from=2026-03-05 00:00:00               | ACCEPTED |                            | valid-from=2026-03-05",
            "date 2026-02-30 is DATE_INVALID             | CF   | decision-date=2026-02-30                     | REJECTED | DATE_INVALID@decision-date | ",
            "date text 不详 is DATE_INVALID              | XK   | valid-from=不详                              | REJECTED | DATE_INVALID@valid-from    | ",
            // decimals
            "decimal 0.2                                 | CF   | fine-amount=0.2                              | ACCEPTED |                            | fine-amount=0.2",
            "decimal 0.20 is canonical 0.2               | CF   | fine-amount=0.20                             | ACCEPTED |                            | fine-amount=0.2",
            "decimal 0.2万元                             | CF   | fine-amount=0.2万元                          | ACCEPTED |                            | fine-amount=0.2",
            "decimal 1,234.5 (warned: unit)              | CF   | fine-amount='1,234.5'                        | WARNED   | ~AMOUNT_UNIT@fine-amount   | fine-amount=1234.5",
            "decimal 2000元 is DECIMAL_INVALID           | CF   | fine-amount=2000元                           | REJECTED | DECIMAL_INVALID@fine-amount | ",
            "decimal -1 is DECIMAL_NEGATIVE              | CF   | fine-amount=-1                               | REJECTED | DECIMAL_NEGATIVE@fine-amount | ",
            "decimal confiscation 1,5 is DECIMAL_INVALID | CF   | penalty-category=没收违法所得 # confiscation-amount='1,5' | REJECTED | DECIMAL_INVALID@confiscation-amount | ",
            // codes
            "category 01 is 自然人                       | CF-P | subject-category=01                          | ACCEPTED |                            | subject-category=自然人",
            "category 1 is 自然人                        | XK-P | subject-category=1                           | ACCEPTED |                            | subject-category=自然人",
            "category 02 is 法人及非法人组织             | CF   | subject-category=02                          | ACCEPTED |                            | subject-category=法人及非法人组织",
            "category 2 is 法人及非法人组织              | CF   | subject-category=2                           | ACCEPTED |                            | subject-category=法人及非法人组织",
            "category 法人 is 法人及非法人组织           | XK   | subject-category=法人                        | ACCEPTED |                            | subject-category=法人及非法人组织",
            "category 4 is 个体工商户                    | CF-G | subject-category=4                           | ACCEPTED |                            | subject-category=个体工商户",
            "category 04 is 个体工商户                   | XK-G | subject-category=04                          | ACCEPTED |                            | subject-category=个体工商户",
            "category 企业 is CODE_UNKNOWN               | CF   | subject-category=企业                        | REJECTED | CODE_UNKNOWN@subject-category | ",
            "status 1 is 有效                            | XK   | status=1                                     | ACCEPTED |                            | status=有效",
            "status 2 is 无效                            | XK   | status=2                                     | ACCEPTED |                            | status=无效",
            "status 9 is CODE_UNKNOWN                    | XK   | status=9                                     | REJECTED | CODE_UNKNOWN@status        | ",
            "license category 特许                       | XK   | license-category=特许                        | ACCEPTED |                            | license-category=特许",
            "license category 暂定 is CODE_UNKNOWN       | XK   | license-category=暂定                        | REJECTED | CODE_UNKNOWN@license-category | ",
            "multi-value 警告;罚款                       | CF   | penalty-category=警告;罚款                   | ACCEPTED |                            | penalty-category=警告;罚款",
            "multi-value 警告；罚款 (full-width ；)      | CF   | penalty-category=警告；罚款                  | ACCEPTED |                            | penalty-category=警告;罚款",
            "multi-value with spaces 警告 ; 罚款         | CF   | penalty-category=警告 ; 罚款                 | ACCEPTED |                            | penalty-category=警告;罚款",
            "multi-value with an unknown part            | CF   | penalty-category=警告;罚金                   | REJECTED | CODE_UNKNOWN@penalty-category | ",
            "pre-2021 category alias                     | CF   | penalty-category=暂扣或者吊销许可证、执照 # license-revoked=食品经营许可证JY001 | ACCEPTED | | penalty-category=暂扣或者吊销许可证、暂扣或者吊销执照",
            "id type alias 居民身份证 is 身份证          | CF-P | id-type=居民身份证                           | ACCEPTED |                            | id-type=身份证",
            "id type 其他-军官证 is accepted as written  | CF-P | id-type=其他-军官证 # id-number=军字第123456号 | ACCEPTED |                          | id-type=其他-军官证",
            "id type 驾驶证 is CODE_UNKNOWN              | CF-P | id-type=驾驶证                               | REJECTED | CODE_UNKNOWN@id-type       | ",
            // USCC
            "uscc valid                                  | CF   | uscc=91110000600037341L                      | ACCEPTED |                            | uscc=91110000600037341L",
            "uscc bad check digit                        | CF   | uscc=91110000600037341A                      | REJECTED | USCC_CHECK_DIGIT@uscc      | ",
            "uscc 17 characters                          | CF   | uscc=91110000600037341                       | REJECTED | USCC_LENGTH@uscc           | ",
            "uscc with I                                 | CF   | uscc=9111000060003734IL                      | REJECTED | USCC_CHARACTER@uscc        | ",
            "uscc with O                                 | XK   | uscc=91110000600O37341L                      | REJECTED | USCC_CHARACTER@uscc        | ",
            "uscc lower case                             | CF   | uscc=91110000600037341l                      | ACCEPTED |                            | uscc=91110000600037341L",
            "uscc full width                             | CF   | uscc=９１１１００００６０００３７３４１Ｌ       | ACCEPTED |                            | uscc=91110000600037341L",
            "uscc full width lower case                  | XK   | uscc=９１１１００００６０００３７３４１ｌ       | ACCEPTED |                            | uscc=91110000600037341L",
            "uscc with inner spaces                      | CF   | uscc=9111 0000 6000 3734 1L                  | ACCEPTED |                            | uscc=91110000600037341L",
            "authority code bad check digit              | CF   | authority-code=11110000000013927A            | REJECTED | USCC_CHECK_DIGIT@authority-code | ",
            "source unit code 17 characters              | XK   | source-unit-code=11110000000013927           | REJECTED | USCC_LENGTH@source-unit-code | ",
            "ID number in the USCC column (法人)         | CF   | uscc=" + ID + "                              | REJECTED | ID_NUMBER_IN_CODE_COLUMN@uscc | ",
            "ID number in the USCC column (自然人)       | CF-P | uscc=" + ID + "                              | REJECTED | ID_NUMBER_IN_CODE_COLUMN@uscc | ",
            "ID number lower x in the USCC column        | XK-P | uscc=11010519491231002x                      | REJECTED | ID_NUMBER_IN_CODE_COLUMN@uscc | ",
            // identity numbers (自然人, 身份证)
            "id number valid                             | CF-P | id-number=" + ID + "                         | ACCEPTED |                            | id-number=" + ID,
            "id number valid (second)                    | XK-P | id-number=110105199003078035                 | ACCEPTED |                            | id-number=110105199003078035",
            "id number bad check digit                   | CF-P | id-number=110105194912310021                 | REJECTED | ID_NUMBER_CHECK_DIGIT@id-number | ",
            "id number bad birth date (month 13)         | CF-P | id-number=110105194913310025                 | REJECTED | ID_NUMBER_BIRTH_DATE@id-number | ",
            "id number birth date after today            | XK-P | id-number=110105202612010012                 | REJECTED | ID_NUMBER_BIRTH_DATE@id-number | ",
            "id number 17 digits                         | CF-P | id-number=11010519491231002                  | REJECTED | ID_NUMBER_LENGTH@id-number | ",
            "id number with a letter                     | CF-P | id-number=11010519491231A02X                 | REJECTED | ID_NUMBER_CHARACTER@id-number | ",
            "id number lower-case x                      | CF-P | id-number=11010519491231002x                 | ACCEPTED |                            | id-number=" + ID,
            "id number full width                        | XK-P | id-number=１１０１０５１９４９１２３１００２Ｘ | ACCEPTED |                           | id-number=" + ID,
            "id number with spaces inside                | CF-P | id-number=110105 19491231 002X               | ACCEPTED |                            | id-number=" + ID,
            "id number 15 digits is upgraded             | CF-P | id-number=110105491231002                    | ACCEPTED |                            | id-number=" + ID,
            "id number with alias type is checked        | CF-P | id-type=居民身份证 # id-number=110105194912310021 | REJECTED | ID_NUMBER_CHECK_DIGIT@id-number | ",
            "passport number is not checked by GB 11643  | CF-P | id-type=护照号 # id-number=E12345678          | ACCEPTED |                            | id-number=E12345678",
            "passport: ID-like number not checked        | XK-P | id-type=护照 # id-number=110105194912310021   | ACCEPTED |                            | id-type=护照号",
            "legal rep ID with 身份证 type is checked    | CF   | legal-rep-id-type=身份证 # legal-rep-id-number=110105194912310021 | REJECTED | ID_NUMBER_CHECK_DIGIT@legal-rep-id-number | ",
            "legal rep ID valid                          | XK   | legal-rep-id-type=身份证 # legal-rep-id-number=11010519491231002x | ACCEPTED | | legal-rep-id-number=" + ID,
            "legal rep ID without type is not checked    | CF   | legal-rep-id-number=A123456                  | ACCEPTED |                            | legal-rep-id-number=A123456",
            // organisation code, registration number
            "org code with hyphen                        | CF   | org-code=60003734-1                          | ACCEPTED |                            | ",
            "org code without hyphen                     | XK   | org-code=600037341                           | ACCEPTED |                            | ",
            "org code invalid                            | CF   | org-code=60003734-2                          | REJECTED | ORG_CODE_INVALID@org-code  | ",
            "org code 8 characters                       | XK   | org-code=60003734                            | REJECTED | ORG_CODE_INVALID@org-code  | ",
            "registration number valid                   | CF   | registration-number=110105000000012          | ACCEPTED |                            | registration-number=110105000000012",
            "registration number invalid                 | CF   | registration-number=110105000000013          | REJECTED | REG_NUMBER_INVALID@registration-number | ",
            "registration number 14 digits               | XK   | registration-number=11010500000001           | REJECTED | REG_NUMBER_INVALID@registration-number | ",
    })
    void fieldTypes(String description, String item, String overrides, RowStatus status, String reasons,
                    String expected) {
        check(item, overrides, status, reasons, expected);
    }

    // ------------------------------------------------------------------------------------------ cross-field rules

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // description                                 | item | overrides                                   | status   | reasons | expected
            // rule 1
            "法人 without USCC                              | CF   | uscc=                                       | REJECTED | REQUIRED_IF_MISSING@uscc | ",
            "个体工商户 without USCC                        | CF-G | uscc=                                       | REJECTED | REQUIRED_IF_MISSING@uscc | ",
            "法人 (code 02) without USCC                    | XK   | subject-category=02 # uscc=                  | REJECTED | REQUIRED_IF_MISSING@uscc | ",
            "个体工商户 license without USCC                | XK-G | uscc=                                       | REJECTED | REQUIRED_IF_MISSING@uscc | ",
            "法人 without 法定代表人                        | CF   | legal-representative=                       | REJECTED | REQUIRED_IF_MISSING@legal-representative | ",
            "个体工商户 without 法定代表人                  | XK-G | legal-representative=                       | REJECTED | REQUIRED_IF_MISSING@legal-representative | ",
            "法人 without USCC nor 法定代表人               | CF   | uscc= # legal-representative=                | REJECTED | REQUIRED_IF_MISSING@uscc REQUIRED_IF_MISSING@legal-representative | ",
            "法人 with an invalid USCC                      | CF   | uscc=91110000600037341A                     | REJECTED | USCC_CHECK_DIGIT@uscc | ",
            // rule 2
            "自然人 needs neither USCC nor 法定代表人       | CF-P | uscc= # legal-representative=                | ACCEPTED |          | ",
            "自然人 without 证件类型                        | CF-P | id-type=                                    | REJECTED | REQUIRED_IF_MISSING@id-type | ",
            "自然人 without 证件号码                        | CF-P | id-number=                                  | REJECTED | REQUIRED_IF_MISSING@id-number | ",
            "自然人 (code 01) without 证件号码              | XK-P | subject-category=01 # id-number=             | REJECTED | REQUIRED_IF_MISSING@id-number | ",
            "自然人 without 证件类型 and 证件号码           | XK-P | id-type= # id-number=                        | REJECTED | REQUIRED_IF_MISSING@id-type REQUIRED_IF_MISSING@id-number | ",
            "法人 needs no 证件类型/证件号码                | XK   | id-type= # id-number=                        | ACCEPTED |          | ",
            "unknown category: required-if is silent        | CF   | subject-category=企业 # uscc= # legal-representative= | REJECTED | CODE_UNKNOWN@subject-category | ",
            // rule 3
            "个体工商户 with a 91 code                      | CF-G | uscc=91110000600037341L                     | REJECTED | CODE_PREFIX_REQUIRED@uscc | ",
            "个体工商户 (code 4) with a 91 code             | XK-G | subject-category=4 # uscc=91110000600037341L | REJECTED | CODE_PREFIX_REQUIRED@uscc | ",
            "法人 with a 92 code is warned                  | CF   | uscc=92110105MA0000001Y                     | WARNED   | ~CODE_PREFIX_UNEXPECTED@uscc | uscc=92110105MA0000001Y",
            "法人 license with a 92 code is warned          | XK   | uscc=92110105MA0000001Y                     | WARNED   | ~CODE_PREFIX_UNEXPECTED@uscc | ",
            "个体工商户 with a bad 91 code: prefix silent   | CF-G | uscc=91110000600037341A                     | REJECTED | USCC_CHECK_DIGIT@uscc | ",
            "自然人 with a 92 code: no prefix rule          | CF-P | uscc=92110105MA0000001Y                     | ACCEPTED |          | ",
            // rule 4
            "decision date today is accepted                | CF   | decision-date=2026-11-24                    | ACCEPTED |          | ",
            "decision date tomorrow is DATE_IN_FUTURE       | CF   | decision-date=2026-11-25                    | REJECTED | DATE_IN_FUTURE@decision-date | ",
            "license decision date in future                | XK   | decision-date=2027-01-01                    | REJECTED | DATE_IN_FUTURE@decision-date | ",
            "处罚有效期 before 处罚决定日期                 | CF   | valid-until=2026-03-04                      | REJECTED | DATE_ORDER@valid-until | ",
            "处罚有效期 equal to 处罚决定日期               | CF   | valid-until=2026-03-05                      | ACCEPTED |          | ",
            "公示截止期 before 处罚决定日期                 | CF   | publicity-deadline=2026/3/4                 | REJECTED | DATE_ORDER@publicity-deadline | ",
            "公示截止期 absent                              | CF   | publicity-deadline=                         | ACCEPTED |          | ",
            "有效期至 before 有效期自                       | XK   | valid-to=2026-03-04                         | REJECTED | DATE_ORDER@valid-to | ",
            "有效期至 equal to 有效期自                     | XK   | valid-to=2026-03-05                         | ACCEPTED |          | ",
            "有效期至 2099-12-31 (long term)                | XK   | valid-to=2099-12-31                         | ACCEPTED |          | valid-to=2099-12-31",
            "有效期至 2099年12月31日                        | XK-P | valid-to=2099年12月31日                     | ACCEPTED |          | valid-to=2099-12-31",
            "license: 有效期自 after decision is fine       | XK   | valid-from=2026-04-01 # valid-to=2027-03-31  | ACCEPTED |          | ",
            // rule 4, silent when a date already failed
            "invalid decision date: no DATE_ORDER           | CF   | decision-date=2026-02-30 # valid-until=2026-01-01 | REJECTED | DATE_INVALID@decision-date | ",
            "invalid 处罚有效期: no DATE_ORDER              | CF   | valid-until=2026-13-01                      | REJECTED | DATE_INVALID@valid-until | ",
            "invalid 有效期自: no DATE_ORDER                | XK   | valid-from=2026-02-30 # valid-to=2020-01-01  | REJECTED | DATE_INVALID@valid-from | ",
            "missing 有效期自: no DATE_ORDER                | XK   | valid-from= # valid-to=2020-01-01            | REJECTED | REQUIRED_MISSING@valid-from | ",
            "future and order both reported                 | CF   | decision-date=2026-12-01 # valid-until=2026-11-30 | REJECTED | DATE_IN_FUTURE@decision-date DATE_ORDER@valid-until | ",
            // rule 5
            "罚款 without amount                            | CF   | fine-amount=                                | REJECTED | AMOUNT_REQUIRED@fine-amount | ",
            "罚款 with amount 0                             | CF   | fine-amount=0                               | REJECTED | AMOUNT_REQUIRED@fine-amount | ",
            "罚款 with amount 0.00万元 (penalty)            | CF   | fine-amount=0.00万元                        | REJECTED | AMOUNT_REQUIRED@fine-amount | ",
            "罚款 with an invalid amount: rule silent       | CF   | fine-amount=两千元                          | REJECTED | DECIMAL_INVALID@fine-amount | ",
            "警告 only needs no amount                      | CF   | penalty-category=警告 # fine-amount=         | ACCEPTED |          | ",
            "没收违法所得 without 没收金额                  | CF   | penalty-category=没收违法所得 # fine-amount= | REJECTED | AMOUNT_REQUIRED@confiscation-amount | ",
            "没收违法所得 with 没收金额                     | CF   | penalty-category=没收违法所得 # confiscation-amount=1.5 | ACCEPTED | | confiscation-amount=1.5",
            "罚款;没收非法财物 without both amounts         | CF   | penalty-category=罚款;没收非法财物 # fine-amount= | REJECTED | AMOUNT_REQUIRED@fine-amount AMOUNT_REQUIRED@confiscation-amount | ",
            "吊销许可证件 without 证照名称及编号            | CF   | penalty-category=吊销许可证件               | REJECTED | PRESENT_REQUIRED@license-revoked | ",
            "暂扣许可证件 without 证照名称及编号            | CF   | penalty-category=暂扣许可证件               | REJECTED | PRESENT_REQUIRED@license-revoked | ",
            "pre-2021 暂扣或者吊销 without 证照             | CF   | penalty-category=暂扣或者吊销许可证、暂扣或者吊销执照 | REJECTED | PRESENT_REQUIRED@license-revoked | ",
            "吊销许可证件 with 证照名称及编号               | CF   | penalty-category=吊销许可证件 # license-revoked=食品经营许可证JY11101050000001 | ACCEPTED | | ",
            "unknown category part: rules silent            | CF   | penalty-category=罚款;吊销执照 # fine-amount= | REJECTED | CODE_UNKNOWN@penalty-category | ",
            // rule 6
            "fine 999.99 is no warning                      | CF   | fine-amount=999.99                          | ACCEPTED |          | ",
            "fine 1000 is AMOUNT_UNIT warning               | CF   | fine-amount=1000                            | WARNED   | ~AMOUNT_UNIT@fine-amount | fine-amount=1000",
            "fine 2000 (yuan) is AMOUNT_UNIT warning        | CF-P | fine-amount=2000                            | WARNED   | ~AMOUNT_UNIT@fine-amount | ",
            "confiscation 5000 is AMOUNT_UNIT warning       | CF   | penalty-category=没收违法所得 # fine-amount= # confiscation-amount=5000 | WARNED | ~AMOUNT_UNIT@confiscation-amount | ",
            "warning with an error gives REJECTED           | CF   | fine-amount=1000 # authority-code=11110000000013927A | REJECTED | ~AMOUNT_UNIT@fine-amount USCC_CHECK_DIGIT@authority-code | ",
    })
    void crossFieldRules(String description, String item, String overrides, RowStatus status, String reasons,
                         String expected) {
        check(item, overrides, status, reasons, expected);
    }

    // -------------------------------------------------------------------------------------------- required fields

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', value = {
            "CF | 行政相对人名称                     | subject-name",
            "CF | 行政相对人类别                     | subject-category",
            "CF | 行政处罚决定书文号                 | decision-number",
            "CF | 违法行为类型                       | violation-type",
            "CF | 违法事实                           | violation-facts",
            "CF | 处罚依据                           | legal-basis",
            "CF | 处罚类别                           | penalty-category",
            "CF | 处罚内容                           | penalty-content",
            "CF | 处罚决定日期                       | decision-date",
            "CF | 处罚有效期                         | valid-until",
            "CF | 处罚机关                           | authority",
            "CF | 处罚机关统一社会信用代码           | authority-code",
            "CF | 数据来源单位                       | source-unit",
            "CF | 数据来源单位统一社会信用代码       | source-unit-code",
            "XK | 行政相对人名称                     | subject-name",
            "XK | 行政相对人类别                     | subject-category",
            "XK | 行政许可决定文书名称               | decision-document-name",
            "XK | 行政许可决定文书号                 | decision-number",
            "XK | 许可类别                           | license-category",
            "XK | 许可内容                           | license-content",
            "XK | 许可决定日期                       | decision-date",
            "XK | 有效期自                           | valid-from",
            "XK | 有效期至                           | valid-to",
            "XK | 许可机关                           | authority",
            "XK | 许可机关统一社会信用代码           | authority-code",
            "XK | 当前状态                           | status",
            "XK | 数据来源单位                       | source-unit",
            "XK | 数据来源单位统一社会信用代码       | source-unit-code",
    })
    void everyRequiredFieldMissingGivesRequiredMissingOnThatField(String item, String title, String field) {
        for (String blank : List.of("", "   ", "\u3000")) {
            Map<String, String> values = base(item);
            values.put(field, blank);
            ValidatedRow row = validate(item, values);

            assertThat(row.status()).isEqualTo(RowStatus.REJECTED);
            assertThat(codes(row)).containsExactly("REQUIRED_MISSING@" + field);
            Reason r = row.reasons().get(0);
            assertThat(r.title()).isEqualTo(title);
            assertThat(r.severity()).isEqualTo(Severity.ERROR);
            assertThat(r.message()).isEqualTo("【" + title + "】为必填项，但未填写。");
            assertThat(r.hint()).contains("【" + title + "】");
            assertThat(row.record().text(field)).isEmpty();
        }
    }

    @Test
    void theRequiredFieldTablesAboveCoverEveryRequiredFieldOfTheCatalog() {
        assertThat(requiredKeys("admin-penalty")).containsExactlyInAnyOrder("subject-name", "subject-category",
                "decision-number", "violation-type", "violation-facts", "legal-basis", "penalty-category",
                "penalty-content", "decision-date", "valid-until", "authority", "authority-code", "source-unit",
                "source-unit-code");
        assertThat(requiredKeys("admin-license")).containsExactlyInAnyOrder("subject-name", "subject-category",
                "decision-document-name", "decision-number", "license-category", "license-content",
                "decision-date", "valid-from", "valid-to", "authority", "authority-code", "status", "source-unit",
                "source-unit-code");
    }

    @Test
    void anEmptyRowGivesOneRequiredMissingPerRequiredFieldAndNothingElse() {
        for (String item : List.of("CF", "XK")) {
            ValidatedRow row = validate(item, new LinkedHashMap<>());
            List<String> expected = requiredKeys(itemId(item)).stream().map(k -> "REQUIRED_MISSING@" + k).toList();
            assertThat(codes(row)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    // ------------------------------------------------------------------------------------------------ messages

    @Test
    void messagesAreChineseAndNameTheField() {
        ValidatedRow row = validate("CF", with(base("CF"), "uscc=92110105MA0000001Y # fine-amount=1000 "
                + "# valid-until=2026-03-01 # decision-number=号*65 # org-code=60003734-2"));
        assertThat(row.reasons()).hasSize(5).allSatisfy(r -> {
            assertThat(r.message()).contains("【" + r.title() + "】").containsPattern("\\p{IsHan}");
            assertThat(r.hint()).isNotBlank().containsPattern("\\p{IsHan}");
        });
        Reason order = reason(row, "DATE_ORDER");
        assertThat(order.message()).isEqualTo("【处罚有效期】（2026-03-01）早于【处罚决定日期】（2026-03-05）。");
        Reason prefix = reason(row, "CODE_PREFIX_UNEXPECTED");
        assertThat(prefix.severity()).isEqualTo(Severity.WARNING);
        assertThat(prefix.message())
                .isEqualTo("【行政相对人类别】为“法人及非法人组织”，但【行政相对人代码_1(统一社会信用代码)】“92110105MA0000001Y”以“92”开头。");
        assertThat(reason(row, "AMOUNT_UNIT").message()).isEqualTo("【罚款金额（万元）】为1000，数额较大。");
        assertThat(reason(row, "TOO_LONG").message()).isEqualTo("【行政处罚决定书文号】长度为65个字符，超过上限64个字符。");
    }

    @Test
    void requiredIfMessageNamesTheConditionAndItsCanonicalValue() {
        ValidatedRow row = validate("CF-P", with(base("CF-P"), "subject-category=01 # id-number="));
        assertThat(reason(row, "REQUIRED_IF_MISSING").message())
                .isEqualTo("【行政相对人类别】为“自然人”时，【证件号码】为必填项，但未填写。");
    }

    @Test
    void codeUnknownHintListsTheCanonicalValues() {
        ValidatedRow row = validate("XK", with(base("XK"), "license-category=暂定"));
        Reason r = reason(row, "CODE_UNKNOWN");
        assertThat(r.message()).isEqualTo("【许可类别】“暂定”不是规定的代码值。");
        assertThat(r.hint()).contains("普通、特许、认可、核准、登记、其他");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "ID number in the USCC column          | CF   | uscc=" + ID + "                                  | ID_NUMBER_IN_CODE_COLUMN | " + ID_MASKED,
            "ID number lower x in the USCC column  | CF-P | uscc=11010519491231002x                          | ID_NUMBER_IN_CODE_COLUMN | " + ID_MASKED,
            "ID number with a bad check digit      | CF-P | id-number=110105194912310021                     | ID_NUMBER_CHECK_DIGIT    | 110105********0021",
            "ID number with a bad birth date       | XK-P | id-number=110105194913310025                     | ID_NUMBER_BIRTH_DATE     | 110105********0025",
            "ID number of 17 digits                | CF-P | id-number=11010519491231002                      | ID_NUMBER_LENGTH         | 110105*******1002",
            "legal rep ID with a bad check digit   | XK   | legal-rep-id-type=身份证 # legal-rep-id-number=110105194912310021 | ID_NUMBER_CHECK_DIGIT | 110105********0021",
    })
    void identityNumbersInMessagesAreMasked(String description, String item, String overrides, String code,
                                            String masked) {
        ValidatedRow row = validate(item, with(base(item), overrides));
        Reason r = reason(row, code);
        assertThat(r.message()).contains(masked);
        assertNoClearIdNumber(row, with(base(item), overrides));
    }

    /**
     * A clerk who types an identity number into the wrong column must not see it echoed in clear text in the
     * feedback workbook: whatever reason that column gives, its message and hint carry the masked form only.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "ID number in the 证件类型 column                 | CF-P | id-type=" + ID,
            "15-digit ID number in the USCC column            | CF-P | uscc=110105491231002",
            "ID number in the 组织机构代码 column             | CF   | org-code=" + ID,
            "15-digit ID number in the 工商注册号 column      | CF   | registration-number=440106851231002",
            "ID number in a date column                       | XK   | valid-from=" + ID,
            "ID number in the 罚款金额 column                 | CF   | fine-amount=110105199003078035",
            "ID number in the 处罚类别 column                 | CF   | penalty-category=警告;" + ID,
            "ID number in the 当前状态 column                 | XK   | status=" + ID,
    })
    void anIdentityNumberInTheWrongColumnIsNeverEchoedInClear(String description, String item, String overrides) {
        Map<String, String> values = with(base(item), overrides);
        ValidatedRow row = validate(item, values);
        assertThat(row.reasons()).isNotEmpty();
        assertNoClearIdNumber(row, values);
    }

    // ---------------------------------------------------------------------------------------------- the record

    @Test
    void theRecordHoldsCanonicalValuesInCatalogOrderAndEmptyForAbsentFields() {
        ValidatedRow row = validate("CF", with(base("CF"), "subject-category=02 # uscc=９１１１００００６０００３７３４１ｌ "
                + "# penalty-category=警告；罚款 # fine-amount=0.2万元 # decision-date=2026年3月5日 # org-code=60003734-1"));
        CatalogItemDefinition item = CATALOG.item("admin-penalty").orElseThrow();
        assertThat(row.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(row.record().itemId()).isEqualTo("admin-penalty");
        assertThat(row.record().values().keySet())
                .containsExactlyElementsOf(item.fields().stream().map(FieldDefinition::key).toList());
        assertThat(row.record().text("subject-category")).isEqualTo("法人及非法人组织");
        assertThat(row.record().text("uscc")).isEqualTo("91110000600037341L");
        assertThat(row.record().codes("penalty-category")).containsExactly("警告", "罚款");
        assertThat(row.record().decimal("fine-amount")).hasValueSatisfying(d -> assertThat(d).isEqualByComparingTo("0.2"));
        assertThat(row.record().date("decision-date")).contains(LocalDate.of(2026, 3, 5));
        assertThat(row.record().text("org-code")).isEqualTo("600037341");
        assertThat(row.record().text("remarks")).isEmpty();
        assertThat(row.record().has("confiscation-amount")).isFalse();
    }

    @Test
    void theRowKeepsItsNumberAndCellsAndMarksPersonalFields() {
        Map<String, String> values = base("CF-P");
        MappedRow mapped = new MappedRow(7, List.copyOf(values.values()), values);
        ValidatedRow row = validator("CF-P", Map.of()).validate(mapped, TODAY);
        assertThat(row.rowNumber()).isEqualTo(7);
        assertThat(row.cells()).containsExactlyElementsOf(values.values());
        assertThat(row.personalFields()).contains("id-number", "legal-rep-id-number");
    }

    @Test
    void aFailedValueKeepsItsTrimmedRawTextInTheRecord() {
        ValidatedRow row = validate("CF", with(base("CF"), "decision-date=' 2026-02-30 ' # fine-amount=2000元"));
        assertThat(row.record().text("decision-date")).isEqualTo("2026-02-30");
        assertThat(row.record().text("fine-amount")).isEqualTo("2000元");
    }

    @Test
    void sourceCodeTranslationsApplyBeforeTheCodeCheck() {
        Map<String, Map<String, String>> translations = Map.of("status", Map.of("1", "无效", "0", "有效"));
        Map<String, String> values = with(base("XK"), "status=1");
        ValidatedRow row = validator("XK", translations).validate(new MappedRow(2, List.copyOf(values.values()), values), TODAY);
        assertThat(row.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(row.record().text("status")).isEqualTo("无效");
    }

    @Test
    void theProcessingDayDecidesWhatIsInTheFuture() {
        Map<String, String> values = with(base("CF"), "decision-date=2026-11-25");
        MappedRow mapped = new MappedRow(2, List.copyOf(values.values()), values);
        RowValidator v = validator("CF", Map.of());
        assertThat(codes(v.validate(mapped, TODAY))).containsExactly("DATE_IN_FUTURE@decision-date");
        assertThat(codes(v.validate(mapped, TODAY.plusDays(1)))).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static void check(String item, String overrides, RowStatus status, String reasons, String expected) {
        Map<String, String> values = with(base(item), overrides);
        ValidatedRow row = validate(item, values);

        List<String> want = new ArrayList<>();
        List<String> wantWarnings = new ArrayList<>();
        for (String r : split(reasons, "\\s+")) {
            if (r.startsWith("~")) {
                want.add(r.substring(1));
                wantWarnings.add(r.substring(1));
            } else {
                want.add(r);
            }
        }
        assertThat(codes(row)).as("reasons").containsExactlyInAnyOrderElementsOf(want);
        assertThat(row.reasons().stream().filter(r -> r.severity() == Severity.WARNING)
                .map(r -> r.code() + "@" + r.field()).toList()).as("warnings").containsExactlyInAnyOrderElementsOf(wantWarnings);
        assertThat(row.status()).as("status").isEqualTo(status);
        for (String pair : split(expected, "\\s*#\\s*")) {
            int eq = pair.indexOf('=');
            String key = pair.substring(0, eq).strip();
            String want2 = expand(pair.substring(eq + 1).strip());
            String actual = row.record().text(key);
            // compared as a boolean so that a failure shows identity numbers masked
            assertThat(actual.equals(want2)).as("record %s is %s, expected %s", key, IdNumberMasking.mask(actual),
                    IdNumberMasking.mask(want2)).isTrue();
        }
        CatalogItemDefinition def = CATALOG.item(itemId(item)).orElseThrow();
        for (Reason r : row.reasons()) {
            FieldDefinition f = def.field(r.field()).orElseThrow();
            assertThat(r.title()).isEqualTo(f.title());
            assertThat(r.message()).contains("【" + f.title() + "】").containsPattern("\\p{IsHan}");
            assertThat(r.hint()).isNotBlank();
        }
        assertNoClearIdNumber(row, values);
    }

    /** No message or hint contains an identity number from the row in clear text, in any of its forms. */
    private static void assertNoClearIdNumber(ValidatedRow row, Map<String, String> values) {
        Set<String> clear = new LinkedHashSet<>();
        for (String v : values.values()) {
            Matcher m = ID_LIKE.matcher(HalfWidth.of(v));
            while (m.find()) {
                String birth = m.group(1) != null ? m.group(1) : "19" + m.group(2);
                if (DateCleansing.parse(birth).isEmpty()) {
                    continue; // not a birth date: a registration number or another code, not an identity number
                }
                String n = IdNumberCheckDigit.normalize(m.group());
                clear.add(m.group());
                clear.add(m.group().toUpperCase(Locale.ROOT));
                clear.add(n);
            }
        }
        for (Reason r : row.reasons()) {
            for (String text : List.of(r.message(), r.hint())) {
                // Failure messages show the masked text only: identity numbers must not reach test reports.
                String shown = IdNumberMasking.maskEmbedded(text);
                assertThat(shown.equals(text)).as("%s of %s echoes an identity number: %s", r.code(), r.field(), shown)
                        .isTrue();
                for (String c : clear) {
                    assertThat(text.toUpperCase(Locale.ROOT).contains(c.toUpperCase(Locale.ROOT)))
                            .as("%s of %s holds %s in clear", r.code(), r.field(), IdNumberMasking.mask(c)).isFalse();
                }
            }
        }
    }

    private static ValidatedRow validate(String item, Map<String, String> values) {
        MappedRow row = new MappedRow(2, List.copyOf(values.values()), values);
        return validator(item, Map.of()).validate(row, TODAY);
    }

    private static RowValidator validator(String item, Map<String, Map<String, String>> translations) {
        return new RowValidator(CATALOG, CATALOG.item(itemId(item)).orElseThrow(), translations);
    }

    private static String itemId(String item) {
        return item.startsWith("CF") ? "admin-penalty" : "admin-license";
    }

    private static List<String> requiredKeys(String itemId) {
        return CATALOG.item(itemId).orElseThrow().fields().stream().filter(FieldDefinition::required)
                .map(FieldDefinition::key).toList();
    }

    private static List<String> codes(ValidatedRow row) {
        return row.reasons().stream().map(r -> r.code() + "@" + r.field()).toList();
    }

    private static Reason reason(ValidatedRow row, String code) {
        return row.reasons().stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " among " + codes(row)));
    }

    /** A complete valid row: {@code CF}/{@code XK} of a 法人, {@code -P} a 自然人, {@code -G} a 个体工商户. */
    private static Map<String, String> base(String item) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("subject-name", "北京示例科技有限公司");
        v.put("subject-category", "法人及非法人组织");
        v.put("uscc", "91110000600037341L");
        v.put("legal-representative", "王五");
        if (item.startsWith("CF")) {
            v.put("decision-number", "京示市监罚〔2026〕101号");
            v.put("violation-type", "发布虚假广告");
            v.put("violation-facts", "当事人在其网站发布含有虚假内容的广告。");
            v.put("legal-basis", "《中华人民共和国广告法》第五十五条第一款");
            v.put("penalty-category", "警告;罚款");
            v.put("penalty-content", "警告，并处罚款2000元。");
            v.put("fine-amount", "0.2");
            v.put("decision-date", "2026-03-05");
            v.put("valid-until", "2027-03-05");
            v.put("publicity-deadline", "2027-03-05");
            v.put("authority", "北京市示例区市场监督管理局");
            v.put("authority-code", "11110000000013927Y");
            v.put("source-unit", "北京市示例区市场监督管理局");
            v.put("source-unit-code", "11110000000013927Y");
        } else {
            v.put("decision-document-name", "准予行政许可决定书");
            v.put("decision-number", "京示市监许〔2026〕8号");
            v.put("license-category", "普通");
            v.put("certificate-name", "食品经营许可证");
            v.put("license-number", "JY11101050000001");
            v.put("license-content", "食品销售经营者（预包装食品销售）");
            v.put("decision-date", "2026-03-05");
            v.put("valid-from", "2026-03-05");
            v.put("valid-to", "2031-03-04");
            v.put("authority", "北京市示例区市场监督管理局");
            v.put("authority-code", "11110000000013927Y");
            v.put("status", "有效");
            v.put("source-unit", "北京市示例区市场监督管理局");
            v.put("source-unit-code", "11110000000013927Y");
        }
        if (item.endsWith("-P")) {
            v.put("subject-name", "张三");
            v.put("subject-category", "自然人");
            v.put("uscc", "");
            v.put("legal-representative", "");
            v.put("id-type", "身份证");
            v.put("id-number", ID);
        } else if (item.endsWith("-G")) {
            v.put("subject-name", "北京市示例区张三便利店");
            v.put("subject-category", "个体工商户");
            v.put("uscc", "92110105MA0000001Y");
            v.put("legal-representative", "张三");
        }
        return v;
    }

    private static Map<String, String> with(Map<String, String> values, String overrides) {
        for (String pair : split(overrides, "\\s*#\\s*")) {
            int eq = pair.indexOf('=');
            String value = pair.substring(eq + 1);
            if (value.startsWith("'") && value.endsWith("'") && value.length() >= 2) {
                value = value.substring(1, value.length() - 1);
            } else {
                value = value.strip();
            }
            values.put(pair.substring(0, eq).strip(), expand(value));
        }
        return values;
    }

    private static String expand(String value) {
        Matcher m = REPEAT.matcher(value);
        return m.matches() ? m.group(1).repeat(Integer.parseInt(m.group(2))) : value;
    }

    private static List<String> split(String s, String separator) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : s.strip().split(separator)) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
