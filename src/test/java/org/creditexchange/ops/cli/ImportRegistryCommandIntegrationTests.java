package org.creditexchange.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.creditexchange.support.CommandRun;

/** {@code import-registry} on H2: a small enterprise list mixing every kind of code, as the real lists do. */
class ImportRegistryCommandIntegrationTests {

    static final TestHome HOME = TestHome.create();
    static final String URL = HOME.commandDatabaseUrl("registry");

    static final String VALID_USCC = "91330106MA2B3C4D11";
    static final String BAD_USCC = "91330106MA2B3C4D12";
    static final String VALID_REG = "33010600001234"
            + org.creditexchange.catalog.code.RegistrationNumberCheckDigit.checkChar("33010600001234");
    /** The same 14 digits with the next check digit: wrong. */
    static final String BAD_REG = "33010600001234" + (char) ('0' + (VALID_REG.charAt(14) - '0' + 1) % 10);

    @TempDir
    Path work;

    @BeforeAll
    static void engineProperties() {
        HOME.useForCommands("registry");
    }

    @AfterAll
    static void clear() {
        TestHome.clearCommandProperties();
    }

    @Test
    void aMixedListIsClassifiedStoredCountedAndReImportedAsUpdatesWithFormerNames() throws Exception {
        assertThat(org.creditexchange.catalog.code.RegistrationNumberCheckDigit.isValid(VALID_REG)).isTrue();
        assertThat(org.creditexchange.catalog.code.RegistrationNumberCheckDigit.isValid(BAD_REG)).isFalse();
        Path list = xlsx(work.resolve("企业名单.xlsx"), List.of(
                List.of("企业名称", "注册号/统一社会信用代码", "登记机关", "管辖单位"),
                List.of("杭州甲（集团）有限公司", VALID_USCC, "杭州市西湖区市场监督管理局", "文新所"),
                List.of("杭州乙有限公司", BAD_USCC, "杭州市西湖区市场监督管理局", "文新所"),
                List.of("杭州丙商行", VALID_REG, "杭州市西湖区市场监督管理局", ""),
                List.of("杭州丁商行", BAD_REG, "", ""),
                List.of("杭州戊厂", "3301002001234", "", ""),
                List.of("杭州己店", "杭工商字第0123号", "", ""),
                List.of("杭州庚\u3000ＡＢＣ有限公司", "91330106704123455b", "", ""),
                List.of("", "91330106MA2H00022K", "", ""),
                List.of("杭州辛有限公司", "", "", ""),
                List.of("", "", "", "")));

        CommandRun first = CommandRun.of("import-registry", "--source", "test-market", list.toString());

        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("文件 企业名单.xlsx：读取 9 行，新增 7，更新 0，未变 0。",
                "代码：统一社会信用代码 3，15位注册号 1，其他旧注册号 2，校验未通过 2，缺失 1。",
                "校验未通过的代码 2 个（已按原样登记为旧注册号，请核对）：第3、5行",
                "缺少企业名称或代码、未导入 2 行：第9、10行");
        Map<String, Map<String, Object>> byName = subjects();
        assertThat(byName.get("杭州甲（集团）有限公司")).containsEntry("UNAME", "杭州甲(集团)有限公司")
                .containsEntry("USCC", VALID_USCC).containsEntry("ORG_CODE", "MA2B3C4D1").containsEntry("REG_NUMBER", null)
                .containsEntry("KIND", "企业").containsEntry("REGISTRATION_AUTHORITY", "杭州市西湖区市场监督管理局")
                .containsEntry("JURISDICTION", "文新所").containsEntry("SOURCE", "import:test-market");
        assertThat(byName.get("杭州乙有限公司")).containsEntry("USCC", null).containsEntry("REG_NUMBER", BAD_USCC);
        assertThat(byName.get("杭州丙商行")).containsEntry("USCC", null).containsEntry("REG_NUMBER", VALID_REG);
        assertThat(byName.get("杭州丁商行")).containsEntry("REG_NUMBER", BAD_REG);
        assertThat(byName.get("杭州戊厂")).containsEntry("REG_NUMBER", "3301002001234");
        assertThat(byName.get("杭州己店")).containsEntry("REG_NUMBER", "杭工商字第0123号");
        assertThat(byName.get("杭州庚\u3000ＡＢＣ有限公司")).containsEntry("UNAME", "杭州庚ABC有限公司")
                .containsEntry("USCC", "91330106704123455B").containsEntry("ORG_CODE", "704123455");

        Path renamed = xlsx(work.resolve("企业名单-更新.xlsx"), List.of(
                List.of("统一社会信用代码", "企业名称", "法定代表人", "登记状态"),
                List.of(VALID_USCC, "杭州甲控股（集团）有限公司", "张三", "存续"),
                List.of("杭工商字第0123号", "杭州己店", "", ""),
                List.of(VALID_REG, "杭州丙商行", "", "")));
        CommandRun second = CommandRun.of("import-registry", "--source", "test-market", renamed.toString());

        assertThat(second.out()).contains("读取 3 行，新增 0，更新 1，未变 2。");
        Map<String, Object> group = subjects().get("杭州甲控股（集团）有限公司");
        assertThat(group).containsEntry("LEGAL_REPRESENTATIVE", "张三").containsEntry("STATUS", "存续")
                .containsEntry("JURISDICTION", "文新所");
        assertThat(query("SELECT n.name, n.name_norm FROM cx_org_subject_name n JOIN cx_org_subject o ON o.id = n.subject_id"
                + " WHERE o.uscc = '" + VALID_USCC + "'")).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("NAME", "杭州甲（集团）有限公司").containsEntry("NAME_NORM", "杭州甲(集团)有限公司"));
    }

    @Test
    void aFileWithoutTheNeededColumnsIsRefusedWithExitTwo() throws Exception {
        Path list = xlsx(work.resolve("其他.xlsx"), List.of(List.of("序号", "备注"), List.of("1", "无")));

        CommandRun run = CommandRun.of("import-registry", "--source", "test-market", list.toString());

        assertThat(run.exit()).isEqualTo(CreditExchangeCommand.EXIT_CONFIG);
        assertThat(run.out()).contains("文件 其他.xlsx：未导入。", "需要“企业名称”和“注册号/统一社会信用代码”两列");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    static Path xlsx(Path file, List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("名单");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }

    static Map<String, Map<String, Object>> subjects() throws Exception {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Map<String, Object> r : query("SELECT name, name_norm AS uname, uscc, org_code, reg_number, kind,"
                + " legal_representative, status, registration_authority, jurisdiction, source FROM cx_org_subject")) {
            byName.put((String) r.get("NAME"), r);
        }
        return byName;
    }

    static List<Map<String, Object>> query(String sql) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
