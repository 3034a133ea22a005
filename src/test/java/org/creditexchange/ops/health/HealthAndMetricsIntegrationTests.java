package org.creditexchange.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.ops.api.ApiServerTestBase;
import org.creditexchange.support.FixtureFiles;
import org.creditexchange.support.PenaltyRows;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Actuator health and the Prometheus metrics of a serving engine (the same engine as the API's tests). */
class HealthAndMetricsIntegrationTests extends ApiServerTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IntakeService intake;
    @Autowired
    IngestService ingest;
    @Autowired
    BatchMetrics metrics;

    @TempDir
    Path work;

    @Test
    void healthAnswersAnyoneWithTheStatusOnly() {
        Answer anonymous = get(null, "/actuator/health");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
        // a clerk is no operator: the status only, too
        assertThat(get(CLERK, "/actuator/health").json().has("components")).isFalse();
        assertThat(get(null, "/actuator/health/db").status()).isEqualTo(401);
    }

    @Test
    void operatorsSeeEachPartAndAnUnreachableFrontEndMachineLeavesTheEngineUp() {
        JsonNode health = get(VIEWER, "/actuator/health").json();

        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode parts = health.get("components");
        assertThat(parts.at("/db/status").asText()).isEqualTo("UP");
        assertThat(parts.at("/landingZone/status").asText()).isEqualTo("UP");
        assertThat(parts.at("/landingZone/details/path").asText()).isEqualTo(HOME.data().resolve("landing").toString());
        assertThat(parts.at("/camelHealth/status").asText()).isEqualTo("UP");
        // not started by a test engine (serve starts it): schedules do not fire, the engine is still healthy
        assertThat(parts.at("/scheduler/status").asText()).isEqualTo("OUT_OF_SERVICE");
        assertThat(parts.at("/frontEndChannels/components/" + REMOTE_UNIT + "/components/front/status").asText())
                .isIn("UNKNOWN", "UP", "OUT_OF_SERVICE");
        assertThat(parts.has("frontEndChannels")).isTrue();
        assertThat(parts.at("/frontEndChannels/components").size()).as("only units with a remote channel").isEqualTo(1);

        // when the unit's front-end database cannot be reached
        contact(false, "Connection refused: 10.0.0.9:3306");
        JsonNode down = get(OPERATOR, "/actuator/health").json();
        JsonNode front = down.at("/components/frontEndChannels/components/" + REMOTE_UNIT + "/components/front");
        assertThat(front.get("status").asText()).isEqualTo("OUT_OF_SERVICE");
        assertThat(front.at("/details/lastError").asText()).contains("Connection refused");
        assertThat(front.at("/details/failuresSinceLastSuccess").asInt()).isPositive();
        assertThat(down.get("status").asText()).isEqualTo("UP");
        assertThat(get(null, "/actuator/health").status()).isEqualTo(200);

        contact(true, null);
        assertThat(get(OPERATOR, "/actuator/health").json()
                .at("/components/frontEndChannels/components/" + REMOTE_UNIT + "/components/front/status").asText())
                .isEqualTo("UP");
    }

    @Test
    void prometheusShowsRowsBacklogDurationsAndChannelsFromTheDatabase() throws Exception {
        // given a processed batch with a rejected row, and one waiting
        Path file = FixtureFiles.penaltyXlsx(work.resolve("指标.xlsx"), List.of(PenaltyRows.org(0, "指标〔2026〕1号"),
                PenaltyRows.org(1, "指标〔2026〕2号").with("处罚决定日期", "不详")));
        ingest.process(intake.receive(TestHome.UNIT, "cli", file, "指标.xlsx").id());
        Path waiting = FixtureFiles.penaltyXlsx(work.resolve("等待.xlsx"), List.of(PenaltyRows.org(2, "指标〔2026〕3号")));
        intake.receive(TestHome.OTHER_UNIT, "cli", waiting, "等待.xlsx");
        contact(false, "timeout");
        // the figures are read at most every 10 s, and a unit's first batch gets its meters at a reading
        metrics.invalidate();
        metrics.current();

        Answer scrape = get(VIEWER, "/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        String text = scrape.text();
        Map<String, Object> rows = jdbc.queryForMap("SELECT SUM(rows_received) r, SUM(rows_accepted) a, "
                + "SUM(rows_rejected) j, COUNT(*) n FROM cx_batch WHERE status = 'DONE' AND unit_code = ? AND item_id = ?",
                TestHome.UNIT, "admin-penalty");
        String unitItem = "{item=\"admin-penalty\",unit=\"" + TestHome.UNIT + "\"}";
        assertThat(value(text, "cx_rows_received_total" + unitItem)).isEqualTo(((Number) rows.get("r")).doubleValue());
        assertThat(value(text, "cx_rows_loaded_total" + unitItem)).isEqualTo(((Number) rows.get("a")).doubleValue());
        assertThat(value(text, "cx_rows_rejected_total" + unitItem)).isEqualTo(((Number) rows.get("j")).doubleValue())
                .isPositive();
        Integer received = jdbc.queryForObject("SELECT COUNT(*) FROM cx_batch WHERE status IN ('RECEIVED', 'FAILED')",
                Integer.class);
        assertThat(value(text, "cx_batches_backlog")).isEqualTo(received.doubleValue()).isPositive();
        assertThat(value(text, "cx_batches{status=\"DONE\"}")).isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(*) FROM cx_batch WHERE status = 'DONE'", Integer.class).doubleValue());
        assertThat(value(text, "cx_batches_backlog_oldest_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(value(text, "cx_batch_duration_seconds_count{unit=\"" + TestHome.UNIT + "\"}")).isPositive();
        assertThat(value(text, "cx_batch_duration_seconds_sum{unit=\"" + TestHome.UNIT + "\"}")).isGreaterThanOrEqualTo(0);
        assertThat(value(text, "cx_channel_up{channel=\"front\",unit=\"" + REMOTE_UNIT + "\"}")).isZero();
        assertThat(value(text, "cx_ingest_failures_total")).isGreaterThanOrEqualTo(0);

        assertThat(get(CLERK, "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(get(null, "/actuator/prometheus").status()).isEqualTo(401);
    }

    private void contact(boolean ok, String message) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.update("INSERT INTO cx_channel_contact (unit_code, channel_id, started_at, ended_at, ok, attempts, batches, "
                + "rows_pulled, message) VALUES (?,?,?,?,?,?,?,?,?)", REMOTE_UNIT, "front", now, now, ok, 1, 0, 0, message);
    }

    /** The value of the sample whose name and labels are exactly {@code series}. */
    private static double value(String exposition, String series) {
        return exposition.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no series " + series + " in\n" + exposition.lines()
                        .filter(l -> l.startsWith("cx_")).reduce("", (a, b) -> a + b + "\n")));
    }
}
