package org.creditexchange.intake.drop;

import java.io.File;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.IntakeService;
import org.springframework.stereotype.Component;

/**
 * The route template of drop channels: one route per {@code type: drop} channel, instantiated by
 * {@link DropRoutes}. A file is taken once it has stayed unchanged for the channel's settle time, landed and
 * recorded, processed, and then moved to {@code done/} — or to {@code failed/} when the engine itself failed
 * (bad data never fails a file: it gets feedback).
 */
@Component
public class DropRouteTemplate extends RouteBuilder {

    public static final String TEMPLATE_ID = "drop-channel";

    private final IntakeService intake;
    private final IngestService ingest;
    private final org.creditexchange.intake.BatchRepository batches;

    public DropRouteTemplate(IntakeService intake, IngestService ingest, org.creditexchange.intake.BatchRepository batches) {
        this.intake = intake;
        this.ingest = ingest;
        this.batches = batches;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE_ID)
                .templateParameter("uri")
                .templateParameter("unit")
                .templateParameter("channel")
                .from("{{uri}}")
                .setHeader("cxUnit", constant("{{unit}}"))
                .setHeader("cxChannel", constant("{{channel}}"))
                .process(this::receiveAndProcess);
    }

    private void receiveAndProcess(Exchange exchange) throws Exception {
        String unit = exchange.getIn().getHeader("cxUnit", String.class);
        String channel = exchange.getIn().getHeader("cxChannel", String.class);
        File file = exchange.getIn().getBody(File.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Batch batch = intake.receive(unit, channel, file.toPath(), name);
        Batch done = ingest.process(batch.id());
        exchange.getIn().setHeader("cxBatchId", done.id());
        exchange.getIn().setHeader("cxBatchStatus", done.status().name());
        exchange.getIn().setHeader(MOVE_TO, moveTo(done, name));
    }

    /** The header naming where the processed file goes (the endpoint's {@code move} reads it). */
    static final String MOVE_TO = "cxMoveTo";

    /**
     * Processed files go to {@code done/<yyyyMMdd>/} — except a file whose columns were refused as prohibited data,
     * which goes to {@code .purge/} and is deleted: the platform keeps no copy of prohibited data, not even the
     * clerk's original (its landing-zone copy was already replaced by the sanitized data sheet).
     */
    private String moveTo(Batch done, String name) {
        boolean refused = batches.noticesJson(done.id()).map(j -> j.contains("PROHIBITED_COLUMN")).orElse(false);
        if (refused) {
            return "../" + DropRoutes.PURGE + "/" + done.id() + "-" + name;
        }
        java.time.LocalDateTime now = java.time.LocalDateTime.now(IntakeService.ZONE);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return "../done/" + now.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "/" + base + "."
                + now.format(java.time.format.DateTimeFormatter.ofPattern("HHmmssSSS")) + ext;
    }
}
