package org.creditexchange.intake.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditexchange.CxProperties;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.intake.JdbcChannelDefinition;
import org.creditexchange.intake.JdbcChannelDefinition.Pull;
import org.creditexchange.intake.collect.ChannelCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pulls a unit's front-end database: for each pull, the rows past its watermark, page by page, written into a CSV
 * that is landed through {@link IntakeService#receive} as a batch. The batch row, the pull's lineage and the new
 * watermark are committed in one transaction of the engine's database, after the file is landed: if anything fails
 * before that commit, nothing of the pull is recorded and the next collect reads the same rows again (their landed
 * bytes are content-addressed, so landing them again costs nothing).
 *
 * <p>Values are never logged: rows may carry personal ID numbers. The landed file holds them, like any spreadsheet a
 * clerk sends (the landing zone is the raw record).
 */
@Component
public class JdbcCollector implements ChannelCollector<JdbcChannelDefinition> {

    private static final Logger log = LoggerFactory.getLogger(JdbcCollector.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** Runs inside the landing transaction, just before it commits. */
    @FunctionalInterface
    interface BeforeCommit {
        void run(long batchId) throws Exception;
    }

    private final IntakeService intake;
    private final JdbcPullRepository pulls;
    private final FrontEndConnections connections;
    private final TransactionTemplate transactions;
    private final Path workFolder;
    private volatile BeforeCommit beforeCommit = batchId -> { };

    public JdbcCollector(IntakeService intake, JdbcPullRepository pulls, FrontEndConnections connections,
                         PlatformTransactionManager transactionManager, CxProperties properties) {
        this.intake = intake;
        this.pulls = pulls;
        this.connections = connections;
        this.transactions = new TransactionTemplate(transactionManager);
        this.workFolder = properties.dataDir().resolve("tmp").resolve("jdbc");
    }

    @Override
    public Class<JdbcChannelDefinition> type() {
        return JdbcChannelDefinition.class;
    }

    /**
     * Pulls every pull of the channel. A pull that fails does not stop the others; the first failure is thrown at
     * the end (the others suppressed in it), after what the others landed is committed.
     *
     * @throws FrontEndDatabaseException when the database cannot be reached, or a pull cannot be read
     * @throws IllegalStateException     when a credential's environment variable is not set
     * @throws PartlyCollectedException  when a pull failed after batches were landed (it names them)
     */
    @Override
    public Collected collect(ConnectorDefinition unit, JdbcChannelDefinition channel) throws Exception {
        String stamp = LocalDateTime.now(IntakeService.ZONE).format(STAMP);
        List<Long> batchIds = new ArrayList<>();
        long rows = 0;
        List<Exception> failures = new ArrayList<>();
        try (Connection connection = connections.open(unit.code(), channel)) {
            prepareForReading(unit, channel, connection);
            for (Pull pull : channel.pulls()) {
                PullRun run = new PullRun(unit, channel, pull, stamp);
                try {
                    run.pull(connection);
                } catch (Exception e) {
                    log.warn("Unit {}, channel {}, pull {}: failed after {} rows in {} committed batch(es); what was "
                            + "not committed is pulled again next time: {}", unit.code(), channel.id(),
                            pull.effectiveName(), run.rowsLanded, run.batchIds.size(),
                            IdNumberMasking.maskForLog(String.valueOf(e.getMessage())));
                    failures.add(e);
                }
                batchIds.addAll(run.batchIds);
                rows += run.rowsLanded;
            }
        }
        if (!failures.isEmpty()) {
            Exception first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            if (batchIds.isEmpty()) {
                throw first;
            }
            throw new PartlyCollectedException(unit.code(), channel.id(), batchIds, first);
        }
        return new Collected(batchIds, rows);
    }

    /** For tests: a step run in the landing transaction just before its commit (a failure there rolls it back). */
    void beforeCommit(BeforeCommit hook) {
        this.beforeCommit = hook == null ? batchId -> { } : hook;
    }

    private static void prepareForReading(ConnectorDefinition unit, JdbcChannelDefinition channel, Connection c)
            throws FrontEndDatabaseException {
        try {
            c.setReadOnly(true);
            // Without auto-commit, PostgreSQL streams a page through a cursor instead of loading it whole.
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw new FrontEndDatabaseException(unit.code(), channel.id(), FrontEndConnections.redact(channel.url()),
                    "cannot prepare the connection: " + IdNumberMasking.maskForLog(e.getMessage()), e);
        }
    }

    /** One pull of one collect: reads, splits into files, lands and commits each. */
    private final class PullRun implements PullReader.Sink {

        private final ConnectorDefinition unit;
        private final JdbcChannelDefinition channel;
        private final Pull pull;
        private final String stamp;
        private final List<Long> batchIds = new ArrayList<>();
        private Long version;
        private PullPosition committed;
        private List<String> header;
        private LandingCsv file;
        private PullPosition fileFrom;
        private int filePages;
        private long rowsLanded;
        private int part;

        PullRun(ConnectorDefinition unit, JdbcChannelDefinition channel, Pull pull, String stamp) {
            this.unit = unit;
            this.channel = channel;
            this.pull = pull;
            this.stamp = stamp;
        }

        void pull(Connection connection) throws Exception {
            Optional<JdbcPullRepository.Stored> stored = pulls.find(unit.code(), channel.id(), pull.effectiveName());
            version = stored.map(JdbcPullRepository.Stored::version).orElse(null);
            committed = stored.map(this::resume).orElse(PullPosition.START);
            PullReader reader = new PullReader(connection, pull, channel.pageSize(),
                    (int) Math.min(Integer.MAX_VALUE, Math.max(1, channel.queryTimeout().toSeconds())));
            PullReader.Result result;
            try {
                try {
                    result = reader.read(committed, this);
                } catch (SQLException e) {
                    throw new FrontEndDatabaseException(unit.code(), channel.id(),
                            FrontEndConnections.redact(channel.url()), "cannot read pull " + pull.effectiveName() + ": "
                            + IdNumberMasking.maskForLog(e.getMessage()), e);
                }
                if (file != null) {
                    land(result.last());
                }
            } finally {
                if (file != null) {
                    file.close();
                }
            }
            if (batchIds.isEmpty()) {
                log.info("Unit {}, channel {}, pull {}: nothing new after watermark {}", unit.code(), channel.id(),
                        pull.effectiveName(), shown(committed));
            }
        }

        @Override
        public void columns(List<String> labels) {
            header = labels;
        }

        @Override
        public void row(List<String> cells) throws IOException {
            if (file == null) {
                file = LandingCsv.create(workFolder, header);
                fileFrom = committed;
                filePages = 0;
            }
            file.row(cells);
        }

        @Override
        public void pageEnd(PullPosition after, long rowsInPage) throws Exception {
            if (file != null) {
                filePages++;
                if (file.rows() >= channel.maxRowsPerFile()) {
                    land(after);
                }
            }
        }

        /** Lands the current file and commits its batch with the watermark moved to {@code to}. */
        private void land(PullPosition to) throws Exception {
            LandingCsv landing = file;
            long rows = landing.rows();
            part++;
            String name = channel.id() + "-" + pull.effectiveName() + "-" + stamp + (part > 1 ? "-" + part : "") + ".csv";
            Path path = landing.finish();
            Batch batch;
            Batch[] uncommitted = new Batch[1];
            try {
                batch = transactions.execute(status -> {
                    try {
                        Batch b = intake.receive(unit.code(), channel.id(), path, name);
                        uncommitted[0] = b;
                        pulls.recordLineage(b.id(), unit.code(), channel.id(), pull, fileFrom, to, rows, filePages);
                        long next = pulls.advance(unit.code(), channel.id(), pull, to, version, b.id());
                        beforeCommit.run(b.id());
                        version = next;
                        return b;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                });
            } catch (RuntimeException e) {
                forgetLanding(uncommitted[0]);
                throw e instanceof UncheckedIOException u ? u.getCause() : e;
            } finally {
                file = null;
                landing.close();
            }
            committed = to;
            batchIds.add(batch.id());
            rowsLanded += rows;
            log.info("Unit {}, channel {}, pull {}: {} rows in {} page(s) landed as batch {} ({}), watermark {} -> {}",
                    unit.code(), channel.id(), pull.effectiveName(), rows, filePages, batch.id(), batch.status(),
                    shown(fileFrom), shown(to));
        }

        /**
         * After a rolled-back landing: its bytes (personal data among them) are not left in the landing zone unless a
         * batch refers to them. The next collect lands them again.
         */
        private void forgetLanding(Batch withdrawn) {
            if (withdrawn == null) {
                return;
            }
            try {
                if (!pulls.isLanded(withdrawn.landedPath())) {
                    withdrawn.landedPath().toFile().setWritable(true);
                    java.nio.file.Files.deleteIfExists(withdrawn.landedPath());
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Unit {}, channel {}, pull {}: the withdrawn landing {} could not be removed: {}", unit.code(),
                        channel.id(), pull.effectiveName(), withdrawn.landedPath().getFileName(), e.toString());
            }
        }

        /** Where a stored state lets this pull go on; a changed watermark or key column starts it afresh. */
        private PullPosition resume(JdbcPullRepository.Stored s) {
            if (!s.watermarkColumn().equalsIgnoreCase(pull.watermark())) {
                log.warn("Unit {}, channel {}, pull {}: the watermark column changed from {} to {}: reading from the start",
                        unit.code(), channel.id(), pull.effectiveName(), s.watermarkColumn(), pull.watermark());
                return PullPosition.START;
            }
            if (s.position().key() == null) {
                // Every row of the stored watermark was read: a key added now changes nothing behind it.
                return s.position().wholeWatermark();
            }
            if (pull.key() == null || !pull.key().equalsIgnoreCase(s.keyColumn())) {
                log.warn("Unit {}, channel {}, pull {}: the key column changed from {} to {}: reading from the start",
                        unit.code(), channel.id(), pull.effectiveName(), s.keyColumn(), pull.key());
                return PullPosition.START;
            }
            return s.position();
        }

        private static String shown(PullPosition p) {
            return IdNumberMasking.maskForLog(p.toString());
        }
    }
}
