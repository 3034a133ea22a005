package org.creditexchange.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.creditexchange.CreditExchangeApplication;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.support.TestHome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Golden cases: one folder per case under {@code src/test/resources/golden/<case>/} holding
 * {@code input.<ext>} (the file as a unit sends it), optionally {@code unit.txt} (the sending unit's code, default
 * the test unit {@code e2e-unit}), {@code expected-receipt.csv} (the receipt, byte for byte) and
 * {@code expected-store.csv} (the records the batch left in the credit store: the item's standard titles, then
 * 行号 and 版本, organisations before persons, in row order). Run with {@code -Dgolden.update=true} to write
 * missing expected files from the current output — then read them line by line before committing them.
 */
@SpringBootTest(classes = CreditExchangeApplication.class)
abstract class GoldenCasesContract {

    static final Path ROOT = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    IntakeService intake;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformConfiguration configuration;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseProducesItsExpectedReceiptAndStore(String name) throws Exception {
        Path dir = ROOT.resolve(name);
        Path input;
        try (Stream<Path> s = Files.list(dir)) {
            input = s.filter(p -> p.getFileName().toString().startsWith("input.")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no input.* file"));
        }

        Path unitFile = dir.resolve("unit.txt");
        String unit = Files.exists(unitFile) ? Files.readString(unitFile).strip() : TestHome.UNIT;

        Batch batch = ingest.process(intake.receive(unit, "golden", input, name + "-" + input.getFileName()).id());

        String receipt = Files.readString(batch.receiptPath(), StandardCharsets.UTF_8);
        compare(dir.resolve("expected-receipt.csv"), receipt);
        compare(dir.resolve("expected-store.csv"), store(batch));
        assertThat(batch.counts().received()).isEqualTo(batch.counts().accepted() + batch.counts().rejected());
    }

    private String store(Batch batch) throws IOException {
        if (batch.itemId() == null) {
            return "";
        }
        CatalogItemDefinition item = configuration.catalog().item(batch.itemId()).orElseThrow();
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            List<String> header = new ArrayList<>(item.fields().stream().map(FieldDefinition::title).toList());
            header.add("行号");
            header.add("版本");
            csv.printRecord(header);
            for (String table : List.of("cx_org_record", "cx_person_record")) {
                for (Map<String, Object> r : jdbc.queryForList("SELECT record_json, row_no, version FROM " + table
                        + " WHERE batch_id = ? ORDER BY row_no", batch.id())) {
                    Map<String, String> values = JSON.readValue((String) r.get("record_json"), new TypeReference<>() { });
                    List<String> line = new ArrayList<>();
                    item.fields().forEach(f -> line.add(values.getOrDefault(f.key(), "")));
                    line.add(String.valueOf(r.get("row_no")));
                    line.add(String.valueOf(r.get("version")));
                    csv.printRecord(line);
                }
            }
        }
        return out.toString();
    }

    private static void compare(Path expectedFile, String actual) throws IOException {
        if (!Files.exists(expectedFile) && Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(expectedFile).as("expected file (run with -Dgolden.update=true to create it)").exists();
        assertThat(actual).as(expectedFile.toString()).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }
}
