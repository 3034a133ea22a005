package org.creditexchange.intake.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.component.file.remote.SftpRemoteFile;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.UnitOfWorkHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.creditexchange.CxProperties;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.intake.SftpChannelDefinition;
import org.creditexchange.intake.collect.ChannelCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pulls an sftp channel: one poll of its remote directory, in the calling thread, through a Camel sftp consumer.
 * Every waiting file (oldest first; hidden, temporary and partial files and files modified within the channel's
 * settle time are left) is downloaded into a local work folder and landed through
 * {@link IntakeService#receive}; only once it is landed is it moved into the done directory (or deleted) on the
 * server. A file whose download or landing failed stays where it was, and the collection then throws, naming it.
 */
@Component
public class SftpCollector implements ChannelCollector<SftpChannelDefinition> {

    private static final Logger log = LoggerFactory.getLogger(SftpCollector.class);

    /** The header naming where a landed file is moved on the server (the endpoint's {@code move} reads it). */
    static final String MOVE_TO = "cxMoveTo";

    /** The exchange property holding the batch a file was landed as. */
    private static final String LANDED_AS = "cxLandedAs";

    private final SftpEndpointFactory endpoints;
    private final IntakeService intake;
    private final CxProperties properties;

    public SftpCollector(SftpEndpointFactory endpoints, IntakeService intake, CxProperties properties) {
        this.endpoints = endpoints;
        this.intake = intake;
        this.properties = properties;
    }

    @Override
    public Class<SftpChannelDefinition> type() {
        return SftpChannelDefinition.class;
    }

    /**
     * {@inheritDoc}
     *
     * @throws SftpChannelException when the server cannot be reached, logged into or read, its host key is not the
     *                              known one, a secret is not set, or a file could not be landed or cleared away; its
     *                              {@link SftpChannelException#landedBatchIds()} are the batches landed before
     */
    @Override
    public Collected collect(ConnectorDefinition unit, SftpChannelDefinition channel) throws Exception {
        Path work = properties.dataDir().resolve("work").resolve("sftp").resolve(unit.code()).resolve(channel.id());
        Files.createDirectories(work);
        SftpEndpoint endpoint = endpoints.forCollecting(unit, channel, work);
        Pull pull = new Pull(unit, channel, System.currentTimeMillis());
        endpoint.setFilter(pull);
        endpoint.setOnCompletionExceptionHandler(pull.clearingFailures);
        try {
            ServiceHelper.startService(endpoint);
            Consumer consumer = endpoint.createConsumer(pull);
            ((DefaultConsumer) consumer).setExceptionHandler(pull.pollFailures);
            try {
                ServiceHelper.startService(consumer);
                // One poll, here and now: the consumer's own scheduler is never started (startScheduler=false).
                ((ScheduledPollConsumer) consumer).run();
            } finally {
                ServiceHelper.stopAndShutdownService(consumer);
            }
        } finally {
            ServiceHelper.stopAndShutdownService(endpoint);
        }
        if (pull.settling > 0) {
            log.info("{}/{}: {} file(s) modified within the last {} left for the next collect (may still be written)",
                    unit.code(), channel.id(), pull.settling, channel.settle());
        }
        if (!pull.failures.isEmpty()) {
            Failure first = pull.failures.get(0);
            String problem = pull.failures.size() == 1 ? first.what()
                    : pull.failures.size() + " failures, the first: " + first.what();
            throw new SftpChannelException(unit.code(), channel.id(), SftpEndpointFactory.server(channel),
                    problem + (pull.batchIds.isEmpty() ? "" : " (landed in this collect: batches " + pull.batchIds + ")"),
                    pull.batchIds, first.cause());
        }
        log.info("{}/{}: {} file(s) collected from {}", unit.code(), channel.id(), pull.batchIds.size(),
                SftpEndpointFactory.server(channel));
        return new Collected(pull.batchIds, -1);
    }

    /** What went wrong with one file or with the whole poll, in English, and why. */
    private record Failure(String what, Throwable cause) {
    }

    /** The state of one poll: lands each file, then lets Camel move or delete it, or leave it when landing failed. */
    private final class Pull implements Processor, GenericFileFilter<SftpRemoteFile> {

        private final ConnectorDefinition unit;
        private final SftpChannelDefinition channel;
        private final long settledBefore;
        private final List<Long> batchIds = new ArrayList<>();
        private final List<Failure> failures = new ArrayList<>();
        /** A failure of the whole poll (connecting, host key, listing) or of one file's download. */
        private final ExceptionHandler pollFailures;
        /** A failure to move or delete a landed file on the server. */
        private final ExceptionHandler clearingFailures;
        private int settling;

        private Pull(ConnectorDefinition unit, SftpChannelDefinition channel, long now) {
            this.unit = unit;
            this.channel = channel;
            this.settledBefore = now - channel.settle().toMillis();
            this.pollFailures = new RecordingHandler(false);
            this.clearingFailures = new RecordingHandler(true);
        }

        @Override
        public boolean accept(GenericFile<SftpRemoteFile> file) {
            if (file.isDirectory()) {
                return true;
            }
            if (file.getLastModified() > settledBefore) {
                settling++;
                return false;
            }
            return true;
        }

        @Override
        public void process(Exchange exchange) {
            String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
            String shown = IdNumberMasking.maskEmbedded(name);
            String local = exchange.getIn().getHeader(Exchange.FILE_LOCAL_WORK_PATH, String.class);
            try {
                Batch batch = intake.receive(unit.code(), channel.id(), Path.of(local), name);
                exchange.getIn().setHeader(MOVE_TO, doneName(name, batch.id()));
                batchIds.add(batch.id());
                exchange.setProperty(LANDED_AS, batch.id());
            } catch (Exception e) {
                // Marks the exchange failed: Camel then leaves the remote file where it is.
                exchange.setException(e);
                failures.add(new Failure("cannot land " + shown + ", it stays on the server: " + e, e));
                log.warn("{}/{}: cannot land {}, it stays on the server: {}", unit.code(), channel.id(), shown,
                        e.toString());
            } finally {
                // Not in a route, so no unit of work: run Camel's completion (move, delete or leave) here, after
                // the landing and before the next file.
                List<Synchronization> completions = exchange.getExchangeExtension().handoverCompletions();
                UnitOfWorkHelper.doneSynchronizations(exchange, completions);
            }
        }

        /** {@code <done>/<yyyyMMdd>/<name>.<batch id>.<ext>}: the batch id tells the clerk's files apart. */
        private String doneName(String name, long batchId) {
            int dot = name.lastIndexOf('.');
            String base = dot > 0 ? name.substring(0, dot) : name;
            String ext = dot > 0 ? name.substring(dot) : "";
            String day = LocalDate.now(IntakeService.ZONE).format(DateTimeFormatter.BASIC_ISO_DATE);
            return channel.doneDirectory() + "/" + day + "/" + base + "." + batchId + ext;
        }

        /** Records what Camel reports instead of logging it: the collection throws it once the poll is over. */
        private final class RecordingHandler implements ExceptionHandler {

            private final boolean clearing;

            private RecordingHandler(boolean clearing) {
                this.clearing = clearing;
            }

            @Override
            public void handleException(Throwable exception) {
                handleException(null, null, exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handleException(message, null, exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                String file = exchange == null ? null : exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
                String shown = file == null ? null : IdNumberMasking.maskEmbedded(file);
                Long batch = exchange == null ? null : exchange.getProperty(LANDED_AS, Long.class);
                String what;
                if (clearing) {
                    what = "landed " + shown + " as batch " + batch + " but could not " + channel.afterLanding().key()
                            + " it on the server, so it will be taken again (as the same batch while that is unfinished)";
                } else if (shown != null) {
                    what = "cannot download " + shown + " from " + channel.remotePath() + ", it stays on the server";
                } else {
                    what = "cannot collect from " + channel.remotePath();
                }
                failures.add(new Failure(what + ": " + SftpFailures.explain(exception), exception));
                log.debug("{}/{}: {}", unit.code(), channel.id(), what, exception);
            }
        }
    }
}
