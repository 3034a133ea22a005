package org.creditexchange.intake.sftp;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.feedback.FeedbackDelivery;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.SftpChannelDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Uploads a batch's feedback workbook and receipt into the {@code feedback-path} of the sftp channel the batch came
 * by. Each file is written under a hidden temporary name ({@code .<name>.part}) and renamed when complete, so the
 * unit never reads half a file; delivering again replaces the files of the same name.
 */
@Component
public class SftpFeedbackDelivery implements FeedbackDelivery {

    private static final Logger log = LoggerFactory.getLogger(SftpFeedbackDelivery.class);

    private final SftpEndpointFactory endpoints;

    public SftpFeedbackDelivery(SftpEndpointFactory endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public String name() {
        return "sftp";
    }

    /** True when the batch is {@code unit}'s and came by one of its sftp channels that has a {@code feedback-path}. */
    @Override
    public boolean appliesTo(ConnectorDefinition unit, Batch batch) {
        return channel(unit, batch).isPresent();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the batch did not come by an sftp channel with a feedback path
     * @throws SftpChannelException     when the server cannot be reached or written, or its host key is refused
     */
    @Override
    public void deliver(ConnectorDefinition unit, Batch batch, Path workbook, Path receipt) throws Exception {
        SftpChannelDefinition channel = channel(unit, batch).orElseThrow(() -> new IllegalArgumentException("batch "
                + batch.id() + " did not come by an sftp channel with a feedback-path (channel " + batch.channelId() + ")"));
        SftpEndpoint endpoint = endpoints.forFeedback(unit, channel);
        try {
            ServiceHelper.startService(endpoint);
            Producer producer = endpoint.createProducer();
            try {
                ServiceHelper.startService(producer);
                upload(unit, channel, endpoint, producer, workbook);
                upload(unit, channel, endpoint, producer, receipt);
            } finally {
                ServiceHelper.stopAndShutdownService(producer);
            }
        } finally {
            ServiceHelper.stopAndShutdownService(endpoint);
        }
        log.info("Batch {}: feedback uploaded to {}{} ({}/{})", batch.id(), SftpEndpointFactory.server(channel),
                channel.feedbackPath(), unit.code(), channel.id());
    }

    /** True when the unit has an sftp channel with a {@code feedback-path}: its documents go there too. */
    @Override
    public boolean deliversDocuments(ConnectorDefinition unit) {
        return documentChannel(unit).isPresent();
    }

    /**
     * Uploads {@code file} into the feedback path of the unit's first sftp channel that has one.
     *
     * @throws SftpChannelException when the server cannot be reached or written, or its host key is refused
     */
    @Override
    public void deliverDocument(ConnectorDefinition unit, Path file) throws Exception {
        SftpChannelDefinition channel = documentChannel(unit).orElseThrow(() -> new IllegalArgumentException(
                unit.code() + " has no sftp channel with a feedback-path"));
        SftpEndpoint endpoint = endpoints.forFeedback(unit, channel);
        try {
            ServiceHelper.startService(endpoint);
            Producer producer = endpoint.createProducer();
            try {
                ServiceHelper.startService(producer);
                upload(unit, channel, endpoint, producer, file);
            } finally {
                ServiceHelper.stopAndShutdownService(producer);
            }
        } finally {
            ServiceHelper.stopAndShutdownService(endpoint);
        }
        log.info("{}: {} uploaded to {}{}", unit.code(), IdNumberMasking.maskEmbedded(file.getFileName().toString()),
                SftpEndpointFactory.server(channel), channel.feedbackPath());
    }

    private static Optional<SftpChannelDefinition> documentChannel(ConnectorDefinition unit) {
        return unit.channels().stream()
                .filter(c -> c instanceof SftpChannelDefinition s && s.feedbackPath() != null && !s.feedbackPath().isBlank())
                .map(SftpChannelDefinition.class::cast)
                .findFirst();
    }

    private static void upload(ConnectorDefinition unit, SftpChannelDefinition channel, SftpEndpoint endpoint,
                               Producer producer, Path file) throws Exception {
        Exchange exchange = endpoint.createExchange();
        exchange.getIn().setBody(file.toFile());
        exchange.getIn().setHeader(Exchange.FILE_NAME, file.getFileName().toString());
        try {
            producer.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            Exception e = exchange.getException();
            throw new SftpChannelException(unit.code(), channel.id(), SftpEndpointFactory.server(channel),
                    "cannot upload " + IdNumberMasking.maskEmbedded(file.getFileName().toString()) + " into "
                            + channel.feedbackPath() + ": " + SftpFailures.explain(e), java.util.List.of(), e);
        }
    }

    private static Optional<SftpChannelDefinition> channel(ConnectorDefinition unit, Batch batch) {
        if (!unit.code().equals(batch.unitCode())) {
            return Optional.empty();
        }
        return unit.channels().stream()
                .filter(c -> c instanceof SftpChannelDefinition s && s.id().equals(batch.channelId())
                        && s.feedbackPath() != null && !s.feedbackPath().isBlank())
                .map(SftpChannelDefinition.class::cast)
                .findFirst();
    }
}
