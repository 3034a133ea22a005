package org.creditexchange.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.creditexchange.support.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bench} on a small run against the embedded PostgreSQL: what it measures is accounted for (the figures
 * themselves are never asserted: this machine is shared).
 */
class BenchCommandIntegrationTests {

    @Test
    void aSmallBenchLoadsEveryValidRowRejectsTheInvalidOnesAndEndsWithTheJsonLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));

        int exit = cli.execute("--rows", "400", "--invalid-percent", "5", "--reload", "--store-records", "2000",
                "--registry-subjects", "3000", "--warm-up", "100", "--drops", "2", "--drop-rows", "20", "--floor",
                "--jdbc-url", EmbeddedPostgresDatabase.newDatabaseUrl());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("COPY (PostgreSQL, keyed table):  400 rows", "reader (bare, csv):               401 rows",
                "accepted 380, rejected 20",
                "0 new version(s)", "pre-filled:                       2,000 store records, 3,000 registry subjects",
                "warm-up (not measured):           100 rows of other keys loaded first",
                "drops (20 rows each, settle 2 s, poll 2 s): 2 file(s), feedback ",
                // The floor copies the measured load's own rows: not the warm-up's, the pre-filled store's or the reload's.
                "380 store records in", "400 staged rows and their content in");
        String[] lines = printed.strip().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(json.get("rows").asLong()).isEqualTo(400);
        assertThat(json.get("format").asText()).isEqualTo("csv");
        assertThat(json.get("copy_rows_per_s").asDouble()).isPositive();
        assertThat(json.get("engine_rows_per_s").asDouble()).isPositive();
        assertThat(json.get("ratio").asDouble()).isPositive();
        assertThat(json.get("peak_heap_mb").asLong()).isPositive();
        assertThat(json.get("reader_rows_per_s").asDouble()).isPositive();
        assertThat(json.get("engine_vs_reader").asDouble()).isPositive();
        assertThat(json.get("reload_new_versions").asLong()).isZero();
        assertThat(json.get("store_records").asLong()).isEqualTo(2000);
        assertThat(json.get("registry_subjects").asLong()).isEqualTo(3000);
        assertThat(json.get("warm_up_rows").asLong()).isEqualTo(100);
        assertThat(json.get("floor_rows_per_s").asDouble()).isPositive();
        assertThat(json.get("engine_vs_floor").asDouble()).isPositive();
        assertThat(json.get("drops").asInt()).isEqualTo(2);
        assertThat(json.get("drop_rows").asLong()).isEqualTo(20);
        // A dropped file is left alone until it has stayed unchanged for the channel's settle time.
        assertThat(json.get("drop_feedback_s_median").asDouble()).isGreaterThanOrEqualTo(org.creditexchange.ops.bench.BenchRun.DROP_SETTLE_SECONDS - 0.05);
        assertThat(json.get("drop_feedback_s_max").asDouble()).isGreaterThanOrEqualTo(json.get("drop_feedback_s_median").asDouble());
    }
}
