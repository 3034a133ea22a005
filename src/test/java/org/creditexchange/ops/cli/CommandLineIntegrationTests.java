package org.creditexchange.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.creditexchange.support.CommandRun;

/** The commands as an operator runs them: each starts the engine on H2 in a data directory of its own. */
class CommandLineIntegrationTests {

    static final TestHome HOME = TestHome.create();

    @TempDir
    Path work;

    @BeforeAll
    static void engineProperties() {
        HOME.useForCommands("cli");
    }

    @AfterAll
    static void clear() {
        TestHome.clearCommandProperties();
    }

    @Test
    void ingestJsonPrintsOneObjectPerFileWithTheAgreedKeys() throws Exception {
        Path good = FixtureFiles.penaltyXlsx(work.resolve("good.xlsx"), List.of(
                PenaltyRows.org(0, "命令行〔2026〕1号"), PenaltyRows.person("命令行〔2026〕2号").with("处罚类别", "警告"),
                PenaltyRows.org(1, "命令行〔2026〕3号").with("处罚决定日期", "不详")));
        Path bad = Files.write(work.resolve("bad.csv"), new byte[] {0x25, 0x50, 0x44, 0x46, 0, 1, 2});

        CommandRun run = CommandRun.of("ingest", "--unit", TestHome.UNIT, "--json", good.toString(), bad.toString());

        assertThat(run.exit()).isZero();
        List<JsonNode> lines = run.jsonLines();
        assertThat(lines).hasSize(2);
        JsonNode done = lines.get(0);
        assertThat(iterable(done.fieldNames())).containsExactly("batch", "file", "unit", "item", "status", "received",
                "accepted", "warned", "rejected", "feedback", "receipt");
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("item").asText()).isEqualTo("admin-penalty");
        assertThat(done.get("received").asLong()).isEqualTo(3);
        assertThat(done.get("accepted").asLong() + done.get("rejected").asLong()).isEqualTo(3);
        assertThat(done.get("rejected").asLong()).isEqualTo(1);
        assertThat(Path.of(done.get("feedback").asText())).exists();
        assertThat(Path.of(done.get("receipt").asText())).exists();
        assertThat(lines.get(1).get("status").asText()).isEqualTo("REJECTED");
        assertThat(Path.of(lines.get(1).get("feedback").asText())).exists();

        CommandRun again = CommandRun.of("ingest", "--unit", TestHome.UNIT, "--json", good.toString());
        assertThat(again.jsonLines().get(0).get("status").asText()).isEqualTo("DUPLICATE");

        Path csv = work.resolve("export.csv");
        CommandRun export = CommandRun.of("export", "--item", "admin-penalty", "--unit", TestHome.UNIT, "--out", csv.toString());
        assertThat(export.exit()).isZero();
        String exported = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(exported.lines().findFirst().orElseThrow()).startsWith("行政相对人名称,行政相对人类别,");
        assertThat(exported).contains("命令行〔2026〕1号", PenaltyRows.PERSON_ID_MASKED);
        assertThat(exported.contains(PenaltyRows.PERSON_ID)).as("clear ID number in the export").isFalse();

        CommandRun status = CommandRun.of("status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("good.xlsx", "DUPLICATE", "REJECTED", "DONE");
    }

    @Test
    void unmaskedExportNeedsAReasonAndIsWrittenToTheAccessLog() throws Exception {
        Path file = FixtureFiles.penaltyXlsx(work.resolve("people.xlsx"), List.of(
                PenaltyRows.person("明文〔2026〕1号").with("处罚类别", "警告").with("罚款金额（万元）", "")));
        assertThat(CommandRun.of("ingest", "--unit", TestHome.UNIT, "--json", file.toString()).exit()).isZero();
        Path masked = work.resolve("masked.csv");
        Path clear = work.resolve("clear.csv");

        CommandRun withoutReason = CommandRun.of("export", "--item", "admin-penalty", "--unmasked", "--out", clear.toString());
        CommandRun plain = CommandRun.of("export", "--item", "admin-penalty", "--out", masked.toString());
        CommandRun unmasked = CommandRun.of("export", "--item", "admin-penalty", "--unit", TestHome.UNIT, "--unmasked",
                "--reason", "法院协查函〔2026〕7号", "--operator", "auditor-li", "--out", clear.toString());
        CommandRun log = CommandRun.of("access-log");

        assertThat(withoutReason.exit()).isEqualTo(CreditExchangeCommand.EXIT_CONFIG);
        assertThat(plain.exit()).isZero();
        assertThat(Files.readString(masked).contains(PenaltyRows.PERSON_ID)).as("clear ID in a masked export").isFalse();
        assertThat(unmasked.exit()).isZero();
        assertThat(Files.readString(clear).contains(PenaltyRows.PERSON_ID)).as("clear ID in the unmasked export").isTrue();
        assertThat(log.out()).contains("auditor-li", "EXPORT_UNMASKED", "item=admin-penalty unit=" + TestHome.UNIT,
                "法院协查函〔2026〕7号");
        assertThat(log.out()).doesNotContain("masked.csv");
    }

    @Test
    void recordCommandsActOnARecordNamedAsInTheExport() throws Exception {
        Path file = FixtureFiles.penaltyXlsx(work.resolve("records.xlsx"), List.of(PenaltyRows.org(3, "记录〔2026〕1号")));
        assertThat(CommandRun.of("ingest", "--unit", TestHome.UNIT, file.toString()).exit()).isZero();
        Path csv = work.resolve("records.csv");
        CommandRun.of("export", "--item", "admin-penalty", "--out", csv.toString());
        String line = Files.readAllLines(csv).stream().filter(l -> l.contains("记录〔2026〕1号")).findFirst().orElseThrow();
        String ref = java.util.Arrays.stream(line.split(",")).filter(c -> c.matches("O-\\d+")).findFirst().orElseThrow();

        CommandRun dispute = CommandRun.of("dispute", ref, "--reason", "当事人异议", "--operator", "clerk-wang");
        CommandRun publicDuring = CommandRun.of("export", "--item", "admin-penalty", "--public");
        CommandRun undispute = CommandRun.of("undispute", ref, "--outcome", "corrected", "--reason", "来源单位已更正");
        CommandRun trace = CommandRun.of("trace", ref);
        CommandRun unknown = CommandRun.of("trace", "O-999999");
        CommandRun badRef = CommandRun.of("dispute", "123", "--reason", "x");
        CommandRun conflicts = CommandRun.of("conflicts");
        CommandRun archive = CommandRun.of("archive", "--date", "2026-11-24");

        assertThat(dispute.exit()).isZero();
        assertThat(dispute.out()).contains("已标记为异议");
        assertThat(publicDuring.out()).doesNotContain("记录〔2026〕1号");
        assertThat(undispute.exit()).isZero();
        assertThat(trace.out()).contains("records.xlsx", "当事人异议", "corrected");
        assertThat(unknown.exit()).isEqualTo(CreditExchangeCommand.EXIT_CONFIG);
        assertThat(badRef.exit()).isEqualTo(CreditExchangeCommand.EXIT_CONFIG);
        assertThat(conflicts.exit()).isZero();
        assertThat(archive.out()).contains("公示期已满转为档案");
        CommandRun accessLog = CommandRun.of("access-log");
        assertThat(accessLog.out()).as("dispute: %s%nundispute: %s%naccess-log: %s", dispute.err(), undispute.err(),
                accessLog.err()).contains("DISPUTE", "UNDISPUTE", "clerk-wang");
    }

    @Test
    void ingestHumanOutputIsChinese() throws Exception {
        Path good = FixtureFiles.penaltyXlsx(work.resolve("human.xlsx"), List.of(PenaltyRows.org(2, "命令行〔2026〕9号")));

        CommandRun run = CommandRun.of("ingest", "--unit", TestHome.UNIT, good.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("行政处罚：已处理。接收 1 行，入库 1 行（其中有警告 0 行），拒绝 0 行。", "反馈：", "回执：");
    }

    @Test
    void unknownUnitIsAUsageError() throws Exception {
        Path good = FixtureFiles.penaltyXlsx(work.resolve("x.xlsx"), List.of(PenaltyRows.org(2, "命令行〔2026〕10号")));

        assertThat(CommandRun.of("ingest", "--unit", "no-such-unit", good.toString()).exit()).isEqualTo(CreditExchangeCommand.EXIT_CONFIG);
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
