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

    public DropRouteTemplate(IntakeService intake, IngestService ingest) {
        this.intake = intake;
        this.ingest = ingest;
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
    }
}
