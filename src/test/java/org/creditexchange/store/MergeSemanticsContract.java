package org.creditexchange.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Versions, conflicts between units, revocation, objections, withdrawal, disclosure periods and archiving. */
@SpringBootTest(classes = CreditExchangeApplication.class)
abstract class MergeSemanticsContract {

    @Autowired
    IntakeService intake;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RecordLifecycle lifecycle;
    @Autowired
    RecordExport export;
    @Autowired
    Lineage lineage;
    @Autowired
    PlatformConfiguration configuration;
    @Autowired
    org.creditexchange.match.SubjectRegistry registry;
    @Autowired
    org.creditexchange.match.Rematch rematch;
    @Autowired
    MatchPropagation propagation;

    @TempDir
    Path work;

    @Test
    void aChangedRowKeepsTheEarlierVersionInHistoryWithItsBatchAndRow() throws Exception {
        Batch first = load(TestHome.UNIT, "v1.xlsx", PenaltyRows.org(0, "语义〔2026〕1号"));
        Batch second = load(TestHome.UNIT, "v2.xlsx", PenaltyRows.org(0, "语义〔2026〕1号").with("处罚内容", "罚款二万元并责令改正"));
        // the same row again, in another file (a CSV: not a byte-identical duplicate of v2)
        Path v3 = FixtureFiles.penaltyCsv(work.resolve("v3.csv"), java.nio.charset.StandardCharsets.UTF_8,
                List.of(PenaltyRows.org(0, "语义〔2026〕1号").with("处罚内容", "罚款二万元并责令改正")));
        Batch third = ingest.process(intake.receive(TestHome.UNIT, "cli", v3, "v3.csv").id());

        RecordRef ref = org("语义〔2026〕1号", TestHome.UNIT);
        Map<String, Object> now = jdbc.queryForMap("SELECT version, batch_id FROM cx_org_record WHERE id = ?", ref.id());
        List<Map<String, Object>> history = jdbc.queryForList("SELECT version, batch_id, row_no, record_json FROM "
                + "cx_record_version WHERE record_store = 'ORG' AND record_id = ?", ref.id());

        assertThat(((Number) now.get("version")).intValue()).isEqualTo(2);
        assertThat(((Number) now.get("batch_id")).longValue()).isEqualTo(second.id());
        assertThat(history).hasSize(1);
        assertThat(((Number) history.get(0).get("batch_id")).longValue()).isEqualTo(first.id());
        assertThat(((Number) history.get(0).get("row_no")).intValue()).isEqualTo(4);
        assertThat((String) history.get(0).get("record_json")).contains("罚款二万元\"").doesNotContain("责令改正");
        assertThat(third.counts().accepted()).isEqualTo(1);
        assertThat(String.join("\n", lineage.trace(ref))).contains("v1.xlsx", "v2.xlsx", "版本 1", "版本 2（当前）");
    }

    @Test
    void twoUnitsDisagreeingAreBothKeptAndAConflictIsOpenedUntilResolved() throws Exception {
        load(TestHome.UNIT, "a.xlsx", PenaltyRows.org(1, "语义〔2026〕2号"));
        Batch b = load(TestHome.OTHER_UNIT, "b.xlsx", PenaltyRows.org(1, "语义〔2026〕2号").with("罚款金额（万元）", 3.0));
        Batch same = load(TestHome.OTHER_UNIT, "b-same.xlsx", PenaltyRows.org(2, "语义〔2026〕3号"));
        Batch aLater = load(TestHome.UNIT, "a-same.xlsx", PenaltyRows.org(2, "语义〔2026〕3号"));

        List<RecordLifecycle.Conflict> open = lifecycle.openConflicts().stream()
                .filter(c -> c.businessKey().contains("语义〔2026〕2号")).toList();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).unitA()).isEqualTo(TestHome.UNIT);
        assertThat(open.get(0).unitB()).isEqualTo(TestHome.OTHER_UNIT);
        assertThat(b.counts()).isEqualTo(new Batch.Counts(1, 1, 1, 0));
        assertThat(Files.readString(b.receiptPath())).contains("CONFLICT_WITH_OTHER_UNIT", "e2e-unit");
        assertThat(lifecycle.openConflicts()).noneMatch(c -> c.businessKey().contains("语义〔2026〕3号"));
        assertThat(same.counts().warned()).isZero();
        // the first unit hears of the conflict too, in its next feedback
        assertThat(Files.readString(aLater.receiptPath())).contains("0,WARNED,,OPEN_CONFLICTS,");
        assertThat(publicPenalties()).doesNotContain("语义〔2026〕2号");
        // the same fact from two units is disclosed once
        assertThat(publicPenalties().lines().filter(l -> l.contains("语义〔2026〕3号"))).hasSize(1);
        // a unit naming itself as the source does not make a different fact
        load(TestHome.UNIT, "a-own.xlsx", PenaltyRows.org(3, "语义〔2026〕8号"));
        Batch own = load(TestHome.OTHER_UNIT, "b-own.xlsx", PenaltyRows.org(3, "语义〔2026〕8号")
                .with("数据来源单位", "测试区税务局").with("备注", "税务局报送"));
        assertThat(own.counts().warned()).isZero();
        assertThat(lifecycle.openConflicts()).noneMatch(c -> c.businessKey().contains("语义〔2026〕8号"));

        lifecycle.resolveConflict(open.get(0).id(), TestHome.OTHER_UNIT, "经核实以税务局数据为准", "tester");

        assertThat(jdbc.queryForObject("SELECT state FROM cx_org_record WHERE id = ?", String.class, open.get(0).recordA()))
                .isEqualTo("SUPERSEDED");
        String disclosed = publicPenalties();
        assertThat(disclosed.lines().filter(l -> l.contains("语义〔2026〕2号"))).hasSize(1).allMatch(l -> l.contains("e2e-unit-b"));
        assertThat(lifecycle.openConflicts()).noneMatch(c -> c.id() == open.get(0).id());
    }

    @Test
    void anInvalidLicenseIsKeptButNotDisclosed() throws Exception {
        Path csv = work.resolve("license.csv");
        Files.writeString(csv, String.join(",", List.of("行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)",
                "法定代表人", "行政许可决定文书名称", "行政许可决定文书号", "许可类别", "许可内容", "许可决定日期", "有效期自", "有效期至",
                "许可机关", "许可机关统一社会信用代码", "当前状态", "数据来源单位", "数据来源单位统一社会信用代码")) + "\n"
                + "语义许可有限公司,法人及非法人组织,91330106MA2H00014Q,王明,食品经营许可决定书,语义许〔2026〕1号,普通,预包装食品销售,"
                + "2026-01-05,2026-01-05,2031-01-04,测试区市场监督管理局,113301060025000178,2,测试区市场监督管理局,113301060025000178\n");

        Batch batch = ingest.process(intake.receive(TestHome.UNIT, "cli", csv, "license.csv").id());

        assertThat(batch.counts().accepted()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT state FROM cx_org_record WHERE batch_id = ?", String.class, batch.id()))
                .isEqualTo("INVALID");
        StringWriter out = new StringWriter();
        export.write(item("admin-license"), null, out, false, LocalDate.of(2026, 11, 24));
        assertThat(out.toString()).doesNotContain("语义许〔2026〕1号");
    }

    @Test
    void aDisputedRecordIsSuspendedUntilTheObjectionEnds() throws Exception {
        load(TestHome.UNIT, "d.xlsx", PenaltyRows.org(3, "语义〔2026〕4号"));
        RecordRef ref = org("语义〔2026〕4号", TestHome.UNIT);

        lifecycle.dispute(ref, "当事人提出异议", "tester");
        String during = publicPenalties();
        lifecycle.undispute(ref, "confirmed", "经核实无误", "tester");

        assertThat(during).doesNotContain("语义〔2026〕4号");
        assertThat(publicPenalties()).contains("语义〔2026〕4号");
        assertThat(String.join("\n", lineage.trace(ref))).contains("当事人提出异议", "confirmed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_access_log WHERE target = ?", Integer.class, ref.toString()))
                .isEqualTo(2);
    }

    @Test
    void aWithdrawnRecordIsKeptWithItsHistory() throws Exception {
        load(TestHome.UNIT, "w.xlsx", PenaltyRows.org(4, "语义〔2026〕5号"));
        RecordRef ref = org("语义〔2026〕5号", TestHome.UNIT);

        lifecycle.withdraw(ref, TestHome.UNIT, "决定已被撤销", "tester");

        assertThat(lifecycle.current(ref).state()).isEqualTo("WITHDRAWN");
        assertThat(String.join("\n", lineage.trace(ref))).contains("withdrawn by e2e-unit: 决定已被撤销");
        assertThat(publicPenalties()).doesNotContain("语义〔2026〕5号");
    }

    @Test
    void disclosureEndsAfterThePeriodAndArchivingKeepsTheRecord() throws Exception {
        load(TestHome.UNIT, "old.xlsx",
                PenaltyRows.org(5, "语义〔2023〕6号").with("处罚决定日期", LocalDate.of(2023, 11, 24))
                        .with("处罚有效期", LocalDate.of(2024, 11, 23)),
                PenaltyRows.org(5, "语义〔2025〕7号").with("处罚决定日期", LocalDate.of(2025, 11, 24))
                        .with("处罚有效期", LocalDate.of(2026, 11, 23)).with("公示截止期", LocalDate.of(2026, 5, 24)));
        RecordRef threeYears = org("语义〔2023〕6号", TestHome.UNIT);
        RecordRef deadline = org("语义〔2025〕7号", TestHome.UNIT);

        // the last day of disclosure: 3 years from 2023-11-24 end on 2026-11-23; 公示截止期 ends it earlier
        assertThat(end(threeYears)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(end(deadline)).isEqualTo(LocalDate.of(2026, 5, 24));

        lifecycle.archive(LocalDate.of(2026, 11, 23), "tester");
        assertThat(lifecycle.current(threeYears).state()).isEqualTo("ACTIVE");
        assertThat(lifecycle.current(deadline).state()).isEqualTo("ARCHIVED");

        lifecycle.archive(LocalDate.of(2026, 11, 24), "tester");
        assertThat(lifecycle.current(threeYears).state()).isEqualTo("ARCHIVED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_org_record WHERE id = ?", Integer.class, threeYears.id()))
                .isEqualTo(1);
    }

    @Test
    void aRecordHeldForAnUnknownSubjectIsReleasedWhenTheRegistryLearnsTheSubject() throws Exception {
        Path csv = work.resolve("listing.csv");
        Files.writeString(csv, "失信主体名称,失信主体类别,统一社会信用代码,法定代表人,严重失信主体名单名称,列入严重失信主体名单事由,"
                + "列入严重失信主体名单依据,列入决定文书号,认定部门,认定部门统一社会信用代码,列入严重失信主体名单日期,数据来源单位,"
                + "数据来源单位统一社会信用代码\n"
                + "待比对示例有限公司,法人及非法人组织,91330106MA2H000576,周强,市场监督管理严重违法失信名单,虚假宣传,第十条,"
                + "语义严失〔2026〕1号,测试区市场监督管理局,113301060025000178,2026-05-10,测试区市场监督管理局,113301060025000178\n");
        Batch batch = ingest.process(intake.receive(TestHome.UNIT, "cli", csv, "listing.csv").id());
        long id = jdbc.queryForObject("SELECT id FROM cx_org_record WHERE batch_id = ?", Long.class, batch.id());
        assertThat(lifecycle.current(new RecordRef("ORG", id)).state()).isEqualTo("HELD");

        registry.upsert(List.of(new org.creditexchange.match.OrgSubject("91330106MA2H000576", "MA2H00057", null,
                "待比对示例有限公司", null, null, null, null, null, null)), "import:test", LocalDate.of(2026, 11, 24));
        rematch.run();
        MatchPropagation.Result result = propagation.propagate();

        assertThat(result.released()).isGreaterThanOrEqualTo(1);
        assertThat(lifecycle.current(new RecordRef("ORG", id)).state()).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("SELECT match_status FROM cx_org_record WHERE id = ?", String.class, id))
                .isEqualTo("MATCHED");
    }

    @Test
    void aDisclosedRecordWhoseSubjectTurnsOutToDisagreeIsHeldAfterARematch() throws Exception {
        // a code no other test uses: the registry is shared by the tests of this class
        Batch batch = load(TestHome.UNIT, "rematch.xlsx", PenaltyRows.org(4, "语义〔2026〕9号")
                .with("行政相对人代码_1(统一社会信用代码)", "91330106MA2H00049B"));
        RecordRef ref = org("语义〔2026〕9号", TestHome.UNIT);
        assertThat(lifecycle.current(ref).state()).isEqualTo("ACTIVE");

        registry.upsert(List.of(new org.creditexchange.match.OrgSubject("91330106MA2H00049B", "MA2H00049", null,
                "完全不同的名称有限公司", null, null, null, null, null, null)), "import:test", LocalDate.of(2026, 11, 24));
        rematch.run();
        MatchPropagation.Result result = propagation.propagate();

        assertThat(result.held()).isGreaterThanOrEqualTo(1);
        assertThat(lifecycle.current(ref).state()).isEqualTo("HELD");
        assertThat(publicPenalties()).doesNotContain("语义〔2026〕9号");
        assertThat(batch.counts().accepted()).isEqualTo(1);
    }

    @Test
    void aConflictSettlesItselfWhenTheUnitsComeToAgree() throws Exception {
        load(TestHome.UNIT, "c1.xlsx", PenaltyRows.org(0, "语义〔2026〕10号"));
        load(TestHome.OTHER_UNIT, "c2.xlsx", PenaltyRows.org(0, "语义〔2026〕10号").with("处罚内容", "罚款三万元"));
        assertThat(lifecycle.openConflicts()).anyMatch(c -> c.businessKey().contains("语义〔2026〕10号"));

        // the second unit corrects its row
        Path csv = FixtureFiles.penaltyCsv(work.resolve("c3.csv"), java.nio.charset.StandardCharsets.UTF_8,
                List.of(PenaltyRows.org(0, "语义〔2026〕10号")));
        ingest.process(intake.receive(TestHome.OTHER_UNIT, "cli", csv, "c3.csv").id());

        assertThat(lifecycle.openConflicts()).noneMatch(c -> c.businessKey().contains("语义〔2026〕10号"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cx_conflict WHERE business_key LIKE ? AND status = 'RESOLVED' "
                + "AND resolved_by = 'engine'", Integer.class, "%语义〔2026〕10号%")).isEqualTo(1);
        assertThat(publicPenalties().lines().filter(l -> l.contains("语义〔2026〕10号"))).hasSize(1);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Batch load(String unit, String name, PenaltyRows... rows) throws Exception {
        Path file = FixtureFiles.penaltyXlsx(work.resolve(name), List.of(rows));
        return ingest.process(intake.receive(unit, "cli", file, name).id());
    }

    private RecordRef org(String decisionNumber, String unit) {
        return new RecordRef("ORG", jdbc.queryForObject("SELECT id FROM cx_org_record WHERE unit_code = ? "
                + "AND record_json LIKE ?", Long.class, unit, "%" + decisionNumber + "%"));
    }

    private LocalDate end(RecordRef ref) {
        return jdbc.queryForObject("SELECT disclosure_end FROM cx_org_record WHERE id = ?", java.sql.Date.class, ref.id())
                .toLocalDate();
    }

    private CatalogItemDefinition item(String id) {
        return configuration.catalog().item(id).orElseThrow();
    }

    private String publicPenalties() throws Exception {
        StringWriter out = new StringWriter();
        export.write(item("admin-penalty"), null, out, false, LocalDate.of(2026, 11, 24));
        return out.toString();
    }
}
