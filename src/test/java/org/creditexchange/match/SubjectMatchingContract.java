package org.creditexchange.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The match step and re-matching against a registry of 100,000 synthetic subjects (plus a few special ones), through
 * the whole ingest path: files in, staged rows' match outcome, warnings and status out. Subclasses run it on H2 and
 * on PostgreSQL.
 */
@SpringBootTest(classes = CreditExchangeApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SubjectMatchingContract {

    static final int REGISTRY_SIZE = 100_000;
    static final String USCC = "行政相对人代码_1(统一社会信用代码)";
    static final String NAME = "行政相对人名称";

    static final String GROUP_NAME = "杭州示例（集团）有限公司";
    static final String OLD_NAME = "老名称示例有限公司";
    static final String NEW_NAME = "新名称示例有限公司";
    static final String SHARED_NAME = "同名示例商行";
    static final String UNIQUE_LEGACY_NAME = "独名示例商店";

    @Autowired
    IntakeService intake;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SubjectRegistry registry;
    @Autowired
    Rematch rematch;

    @TempDir
    Path work;

    /** A USCC of region 330300 for special subject {@code i}: neither synthetic nor {@code foreignUscc}. */
    static String special(int i) {
        String first17 = "91330300" + SyntheticRegistry.orgCode(900_000 + i);
        return first17 + org.creditexchange.catalog.code.UsccCheckDigit.checkChar(first17);
    }

    @BeforeAll
    void registry() {
        long started = System.nanoTime();
        SyntheticRegistry.insert(jdbc, REGISTRY_SIZE);
        LocalDate renamed = LocalDate.of(2024, 3, 1);
        registry.upsert(List.of(
                subject(special(1), null, GROUP_NAME),
                subject(special(2), null, OLD_NAME),
                subject(null, "杭工商字第0001号", SHARED_NAME),
                subject(null, "杭工商字第0002号", SHARED_NAME),
                subject(null, "3301001000123", UNIQUE_LEGACY_NAME)), "import:special", LocalDate.of(2020, 1, 1));
        registry.upsert(List.of(subject(special(2), null, NEW_NAME)), "import:special", renamed);
        System.out.printf("registry of %d subjects written in %d ms%n", REGISTRY_SIZE + 5, (System.nanoTime() - started) / 1_000_000);
    }

    static OrgSubject subject(String uscc, String regNumber, String name) {
        return new OrgSubject(uscc, uscc == null ? null : uscc.substring(8, 17), regNumber, name, null, null, null,
                null, null, null);
    }

    @Test
    void rowsAreMatchedByUsccAndTheirNamesCompareAfterNormalisation() throws Exception {
        Batch batch = penalties("uscc.xlsx",
                PenaltyRows.org(0, "匹配〔2026〕1号").with(USCC, special(1)).with(NAME, "杭州示例(集团)\u3000有限公司 "),
                PenaltyRows.org(0, "匹配〔2026〕2号").with(USCC, SyntheticRegistry.uscc(4242))
                        .with(NAME, SyntheticRegistry.name(4242)));

        assertThat(row(batch, 4)).containsEntry("status", "ACCEPTED").containsEntry("match_status", "MATCHED")
                .containsEntry("match_method", "USCC").containsEntry("subject_id", subjectId(special(1)));
        assertThat(row(batch, 5)).containsEntry("status", "ACCEPTED").containsEntry("match_status", "MATCHED")
                .containsEntry("subject_id", subjectId(SyntheticRegistry.uscc(4242)));
        assertThat(reasons(batch, 4)).isEmpty();
        assertThat(Files.readAllLines(batch.receiptPath())).containsExactly("row,status,field,code,message",
                "4,ACCEPTED,,,", "5,ACCEPTED,,,");
    }

    @Test
    void aCodeWhoseNameIsNeitherCurrentNorFormerIsANameMismatchWarnedButLoaded() throws Exception {
        Batch batch = penalties("mismatch.xlsx",
                PenaltyRows.org(0, "匹配〔2026〕3号").with(USCC, SyntheticRegistry.uscc(500)).with(NAME, "完全不同的名称有限公司"));

        assertThat(row(batch, 4)).containsEntry("status", "WARNED").containsEntry("match_status", "NAME_MISMATCH")
                .containsEntry("subject_id", subjectId(SyntheticRegistry.uscc(500)));
        assertThat(reasons(batch, 4)).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("code", "SUBJECT_NAME_MISMATCH").containsEntry("severity", "WARNING")
                    .containsEntry("field", "subject-name");
            assertThat((String) r.get("message")).startsWith("名称与代码不一致").contains("完全不同的名称有限公司",
                    SyntheticRegistry.uscc(500), "合成企业500有限公司");
        });
        assertThat(batch.counts()).isEqualTo(new Batch.Counts(1, 1, 1, 0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_org_record WHERE batch_id = ?", Integer.class, batch.id()))
                .isEqualTo(1);
    }

    @Test
    void aFormerNameStillMatchesItsSubject() throws Exception {
        Batch batch = penalties("former.xlsx",
                PenaltyRows.org(0, "匹配〔2026〕4号").with(USCC, special(2)).with(NAME, OLD_NAME),
                PenaltyRows.org(0, "匹配〔2026〕5号").with(USCC, special(2)).with(NAME, NEW_NAME));

        assertThat(row(batch, 4)).containsEntry("status", "ACCEPTED").containsEntry("match_status", "MATCHED");
        assertThat(row(batch, 5)).containsEntry("status", "ACCEPTED").containsEntry("match_status", "MATCHED");
        assertThat(jdbc.queryForMap("SELECT n.name, n.valid_from, n.valid_to FROM cx_org_subject_name n"
                + " JOIN cx_org_subject o ON o.id = n.subject_id WHERE o.uscc = ?", special(2)))
                .containsEntry("name", OLD_NAME)
                .containsEntry("valid_from", java.sql.Date.valueOf(LocalDate.of(2020, 1, 1)))
                .containsEntry("valid_to", java.sql.Date.valueOf(LocalDate.of(2024, 3, 1)));
    }

    @Test
    void aValidUsccNotInTheRegistryIsAnUnknownSubjectLoadedUnlinkedAndWarned() throws Exception {
        Batch batch = penalties("unknown.xlsx",
                PenaltyRows.org(0, "匹配〔2026〕6号").with(USCC, SyntheticRegistry.foreignUscc(7)).with(NAME, "外地示例有限公司"));

        assertThat(row(batch, 4)).containsEntry("status", "WARNED").containsEntry("match_status", "UNKNOWN")
                .containsEntry("subject_id", null);
        assertThat(reasons(batch, 4)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("code", "SUBJECT_UNKNOWN").containsEntry("field", "uscc")
                .containsEntry("message", "【行政相对人代码_1(统一社会信用代码)】“" + SyntheticRegistry.foreignUscc(7)
                        + "”在主体库中未找到对应主体。"));
        assertThat(Files.readAllLines(batch.receiptPath())).contains("4,WARNED,uscc,SUBJECT_UNKNOWN,"
                + "【行政相对人代码_1(统一社会信用代码)】“" + SyntheticRegistry.foreignUscc(7) + "”在主体库中未找到对应主体。");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_org_record WHERE batch_id = ?", Integer.class, batch.id()))
                .isEqualTo(1);
    }

    @Test
    void rowsWithoutUsccMatchByOrgCodeByRegistrationNumberOrByAUniqueName() throws Exception {
        Batch batch = legacyPenalties("legacy.csv",
                legacyRow("旧匹配〔2017〕1号", SyntheticRegistry.name(31337), SyntheticRegistry.orgCode(31337), ""),
                legacyRow("旧匹配〔2017〕2号", SyntheticRegistry.name(2024), "", SyntheticRegistry.regNumber(2024)),
                legacyRow("旧匹配〔2017〕3号", UNIQUE_LEGACY_NAME, SyntheticRegistry.foreignOrgCode(1), ""),
                legacyRow("旧匹配〔2017〕4号", SHARED_NAME, SyntheticRegistry.foreignOrgCode(2), ""),
                legacyRow("旧匹配〔2017〕5号", "合成企业2025有限公司", "", SyntheticRegistry.regNumber(2024)));

        assertThat(row(batch, 2)).containsEntry("match_status", "MATCHED").containsEntry("match_method", "ORG_CODE")
                .containsEntry("subject_id", subjectId(SyntheticRegistry.uscc(31337)));
        assertThat(row(batch, 3)).containsEntry("match_status", "MATCHED").containsEntry("match_method", "REG_NUMBER")
                .containsEntry("subject_id", subjectId(SyntheticRegistry.uscc(2024)));
        assertThat(row(batch, 4)).containsEntry("match_status", "MATCHED").containsEntry("match_method", "NAME")
                .containsEntry("subject_id", jdbc.queryForObject(
                        "SELECT id FROM cx_org_subject WHERE reg_number = '3301001000123'", Long.class));
        assertThat(row(batch, 5)).containsEntry("match_status", "AMBIGUOUS").containsEntry("subject_id", null);
        assertThat(row(batch, 6)).containsEntry("match_status", "NAME_MISMATCH").containsEntry("match_method", "REG_NUMBER");
        assertThat(subjectReasons(batch, 2)).isEmpty();
        assertThat(subjectReasons(batch, 3)).isEmpty();
        assertThat(subjectReasons(batch, 4)).isEmpty();
        assertThat(subjectReasons(batch, 5)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("code", "SUBJECT_AMBIGUOUS").containsEntry("field", "subject-name")
                .containsEntry("message", "按【行政相对人名称】“同名示例商行”在主体库中找到多个主体，无法确定是哪一个。"));
        assertThat(subjectReasons(batch, 6)).singleElement().satisfies(r -> assertThat((String) r.get("message"))
                .contains("注册号“" + SyntheticRegistry.regNumber(2024) + "”", "合成企业2024有限公司"));
        assertThat(batch.counts().received()).isEqualTo(batch.counts().accepted() + batch.counts().rejected());
    }

    @Test
    void personsAreRegisteredByTheirIdHashAndMatchedAcrossBatches() throws Exception {
        Batch first = penalties("person-1.xlsx", PenaltyRows.person("匹配〔2026〕7号").with("处罚类别", "警告")
                .with("罚款金额（万元）", ""));
        Batch second = penalties("person-2.xlsx", PenaltyRows.person("匹配〔2026〕8号").with("处罚类别", "警告")
                .with("罚款金额（万元）", ""));

        Map<String, Object> a = row(first, 4);
        Map<String, Object> b = row(second, 4);
        assertThat(a).containsEntry("status", "ACCEPTED").containsEntry("match_status", "MATCHED")
                .containsEntry("match_method", "ID_HASH");
        assertThat(b.get("subject_id")).isNotNull().isEqualTo(a.get("subject_id"));
        Map<String, Object> person = jdbc.queryForMap("SELECT p.name, p.id_hash, p.id_encrypted FROM cx_person_subject p"
                + " WHERE p.id = ?", a.get("subject_id"));
        assertThat(person.get("name")).isEqualTo("张某某");
        assertThat((String) person.get("id_hash")).hasSize(64);
        assertThat((String) person.get("id_encrypted")).isNotBlank().doesNotContain(PenaltyRows.PERSON_ID);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_person_subject WHERE id_hash = ?", Integer.class,
                person.get("id_hash"))).isEqualTo(1);
    }

    @Test
    void legalPersonRowsFeedTheRegistryKeepingTheOldNameAsAFormerName() throws Exception {
        String renamed = "合成企业9000（更名）有限公司";
        Batch batch = legalPersons("registration.csv",
                SyntheticRegistry.uscc(9000) + "," + renamed + ",有限责任公司,赵六,100,2015-01-01,浙江省杭州市一路1号,"
                        + "杭州市市场监督管理局,存续,,,杭州市市场监督管理局,113301060025000178,",
                SyntheticRegistry.foreignUscc(9001) + ",新设示例有限公司,有限责任公司,钱七,50,2026-01-05,浙江省宁波市二路2号,"
                        + "宁波市市场监督管理局,存续,,,杭州市市场监督管理局,113301060025000178,");

        assertThat(row(batch, 2)).containsEntry("status", "ACCEPTED").containsEntry("match_status", "MATCHED");
        assertThat(row(batch, 3)).containsEntry("status", "ACCEPTED").containsEntry("match_status", "MATCHED");
        assertThat(jdbc.queryForMap("SELECT name, legal_representative, registration_authority, kind, status FROM cx_org_subject"
                + " WHERE uscc = ?", SyntheticRegistry.uscc(9000)))
                .containsEntry("name", renamed).containsEntry("legal_representative", "赵六")
                .containsEntry("registration_authority", "杭州市市场监督管理局").containsEntry("status", "存续");
        assertThat(jdbc.queryForList("SELECT n.name FROM cx_org_subject_name n JOIN cx_org_subject o ON o.id = n.subject_id"
                + " WHERE o.uscc = ?", String.class, SyntheticRegistry.uscc(9000))).containsExactly("合成企业9000有限公司");
        assertThat(jdbc.queryForMap("SELECT name, org_code, source FROM cx_org_subject WHERE uscc = ?",
                SyntheticRegistry.foreignUscc(9001))).containsEntry("name", "新设示例有限公司")
                .containsEntry("org_code", SyntheticRegistry.orgCode(9001))
                .containsEntry("source", "legal-person:" + batch.id());

        Batch later = penalties("after-rename.xlsx", PenaltyRows.org(0, "匹配〔2026〕9号")
                .with(USCC, SyntheticRegistry.uscc(9000)).with(NAME, "合成企业9000有限公司"));
        assertThat(row(later, 4)).containsEntry("status", "ACCEPTED").containsEntry("match_status", "MATCHED");
    }

    @Test
    void rematchAfterARegistryUpdateTurnsAnUnknownSubjectIntoAMatch() throws Exception {
        String code = SyntheticRegistry.foreignUscc(77);
        Batch batch = penalties("rematch.xlsx", PenaltyRows.org(0, "匹配〔2026〕10号").with(USCC, code)
                .with(NAME, "后来登记有限公司"));
        assertThat(row(batch, 4)).containsEntry("match_status", "UNKNOWN");

        registry.upsert(List.of(subject(code, null, "后来登记有限公司")), "import:update", LocalDate.now());
        Map<MatchOutcome, Integer> counts = rematch.run();

        assertThat(counts.get(MatchOutcome.MATCHED)).isGreaterThanOrEqualTo(1);
        assertThat(row(batch, 4)).containsEntry("match_status", "MATCHED").containsEntry("match_method", "USCC")
                .containsEntry("subject_id", subjectId(code));
        assertThat(rematch.run().get(MatchOutcome.MATCHED)).as("a settled row is not re-matched").isZero();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    Batch penalties(String name, PenaltyRows... rows) throws Exception {
        return process(FixtureFiles.penaltyXlsx(work.resolve(name), List.of(rows)));
    }

    static String legacyRow(String decision, String name, String orgCode, String regNumber) {
        return decision + ",虚假宣传案,警告,,发布虚假广告,《广告法》第五十五条," + name + ",," + orgCode + "," + regNumber
                + ",,,孙立,警告,2017-07-08,测试区市场监督管理局,0,330106,,";
    }

    Batch legacyPenalties(String name, String... rows) throws Exception {
        return csv(name, "CF_WSH,CF_CFMC,CF_CFLB1,CF_CFLB2,CF_SY,CF_YJ,CF_XDR_MC,CF_XDR_SHXYM,CF_XDR_ZDM,CF_XDR_GSDJ,"
                + "CF_XDR_SWDJ,CF_XDR_SFZ,CF_FR,CF_JG,CF_JDRQ,CF_XZJG,CF_ZT,DFBM,SJC,BZ", rows);
    }

    Batch legalPersons(String name, String... rows) throws Exception {
        return csv(name, "统一社会信用代码,市场主体名称,市场主体类型,法定代表人,注册资本（万元）,成立日期,住所,登记机关,登记状态,"
                + "注销/吊销日期,经营范围,数据来源单位,数据来源单位统一社会信用代码,备注", rows);
    }

    private Batch csv(String name, String header, String... rows) throws Exception {
        Path file = work.resolve(name);
        Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return process(file);
    }

    private Batch process(Path file) throws Exception {
        Batch batch = ingest.process(intake.receive(TestHome.UNIT, "test", file, file.getFileName().toString()).id());
        assertThat(batch.itemId()).as("recognised").isNotNull();
        return batch;
    }

    Map<String, Object> row(Batch batch, int rowNo) {
        Map<String, Object> r = jdbc.queryForMap("SELECT status, match_status, match_method, subject_id FROM cx_staged_row"
                + " WHERE batch_id = ? AND row_no = ?", batch.id(), rowNo);
        if (r.get("subject_id") != null) {
            r.put("subject_id", ((Number) r.get("subject_id")).longValue());
        }
        return r;
    }

    Long subjectId(String uscc) {
        return jdbc.queryForObject("SELECT id FROM cx_org_subject WHERE uscc = ?", Long.class, uscc);
    }

    List<Map<String, Object>> reasons(Batch batch, int rowNo) {
        return jdbc.queryForList("SELECT field, code, severity, message FROM cx_staged_reason WHERE batch_id = ? AND row_no = ?"
                + " ORDER BY seq", batch.id(), rowNo);
    }

    List<Map<String, Object>> subjectReasons(Batch batch, int rowNo) {
        return reasons(batch, rowNo).stream().filter(r -> ((String) r.get("code")).startsWith("SUBJECT_")).toList();
    }
}
