package org.creditexchange.intake.jdbc;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.feedback.FeedbackDelivery;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.intake.JdbcChannelDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes a batch's receipts into the receipt table (回执表) of the front-end database it was pulled from: one row per
 * data row, with the source row's key (when the pull has one), the batch id, the row number, the status, the reason
 * codes and their Chinese messages (masked, as in the receipt CSV) and the processing time. When the channel names a
 * {@code status-column}, that column of the source rows is set to each row's status too. Delivering a batch again
 * replaces its receipts rather than adding to them.
 *
 * <p>A refused file (REJECTED) gives every row its refusal; a DUPLICATE gives every row DUPLICATE and leaves the
 * source rows' status alone (the batch that first brought those rows set it).
 */
@Component
public class JdbcReceiptDelivery implements FeedbackDelivery {

    private static final Logger log = LoggerFactory.getLogger(JdbcReceiptDelivery.class);
    private static final Map<String, String> STATUS_NAMES = Map.of("ACCEPTED", "接收", "WARNED", "警告",
            "REJECTED", "拒收", "DUPLICATE", "重复");

    private final JdbcPullRepository pulls;
    private final FrontEndConnections connections;

    public JdbcReceiptDelivery(JdbcPullRepository pulls, FrontEndConnections connections) {
        this.pulls = pulls;
        this.connections = connections;
    }

    @Override
    public String name() {
        return "jdbc-receipts";
    }

    /** Batches pulled by a jdbc channel of the unit that declares {@code receipts}. */
    @Override
    public boolean appliesTo(ConnectorDefinition unit, Batch batch) {
        return channel(unit, batch).filter(c -> c.receipts() != null).isPresent()
                && pulls.lineage(batch.id()).isPresent();
    }

    /**
     * @throws IllegalStateException     when the batch did not come by a jdbc channel with receipts
     * @throws FrontEndDatabaseException when the front-end database cannot be reached or written
     * @throws IOException               when the receipt or the landed file cannot be read
     */
    @Override
    public void deliver(ConnectorDefinition unit, Batch batch, Path workbook, Path receipt) throws Exception {
        JdbcChannelDefinition channel = channel(unit, batch).filter(c -> c.receipts() != null)
                .orElseThrow(() -> new IllegalStateException("batch " + batch.id() + " did not come by a jdbc channel "
                        + "with receipts"));
        JdbcPullRepository.Lineage lineage = pulls.lineage(batch.id())
                .orElseThrow(() -> new IllegalStateException("batch " + batch.id() + " has no jdbc pull lineage"));
        List<ReceiptTable.Row> rows = rows(batch, lineage, ReceiptLines.read(receipt));
        ReceiptTable.StatusUpdate update = statusUpdate(batch, channel, lineage);
        LocalDateTime processed = (batch.processedAt() == null ? java.time.OffsetDateTime.now(IntakeService.ZONE)
                : batch.processedAt()).atZoneSameInstant(IntakeService.ZONE).toLocalDateTime();
        try (Connection c = connections.open(unit.code(), channel)) {
            new ReceiptTable(channel.receipts()).write(c, batch.id(), lineage.pullName(), rows, processed, update);
        } catch (SQLException e) {
            throw new FrontEndDatabaseException(unit.code(), channel.id(), FrontEndConnections.redact(channel.url()),
                    "cannot write the receipts of batch " + batch.id() + " into " + channel.receipts().table() + ": "
                            + IdNumberMasking.maskForLog(e.getMessage()), e);
        }
        log.info("Batch {}: {} receipt row(s) written into {} of unit {}, channel {}{}", batch.id(), rows.size(),
                channel.receipts().table(), unit.code(), channel.id(),
                update == null ? "" : ", status column " + update.statusColumn() + " of " + update.table() + " set");
    }

    /** One receipt row per data row of the landed file that the receipt has a verdict on. */
    static List<ReceiptTable.Row> rows(Batch batch, JdbcPullRepository.Lineage lineage, ReceiptLines lines)
            throws IOException {
        List<ReceiptTable.Row> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(batch.landedPath(), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT)) {
            int keyIndex = -1;
            for (CSVRecord r : parser) {
                int rowNumber = Math.toIntExact(r.getRecordNumber());
                if (rowNumber == 1) {
                    keyIndex = keyIndex(r, lineage.keyColumn());
                    continue;
                }
                ReceiptLines.Verdict v = lines.row(rowNumber);
                if (v == null) {
                    continue;
                }
                String key = keyIndex >= 0 && keyIndex < r.size() ? r.get(keyIndex) : null;
                out.add(new ReceiptTable.Row(rowNumber, key, v.status(), STATUS_NAMES.getOrDefault(v.status(), v.status()),
                        String.join(";", v.fields()), String.join(";", v.codes()), String.join(" ", v.messages())));
            }
        }
        return out;
    }

    private static int keyIndex(CSVRecord header, String keyColumn) {
        if (keyColumn == null) {
            return -1;
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(keyColumn)) {
                return i;
            }
        }
        return -1;
    }

    private static ReceiptTable.StatusUpdate statusUpdate(Batch batch, JdbcChannelDefinition channel,
                                                          JdbcPullRepository.Lineage lineage) {
        String column = channel.receipts().statusColumn();
        if (column == null || batch.status() == BatchStatus.DUPLICATE || lineage.sourceTable() == null
                || lineage.keyColumn() == null || lineage.keyKind() == null) {
            return null;
        }
        return new ReceiptTable.StatusUpdate(lineage.sourceTable(), lineage.keyColumn(), lineage.keyKind(), column);
    }

    private static Optional<JdbcChannelDefinition> channel(ConnectorDefinition unit, Batch batch) {
        return unit.channels().stream()
                .filter(c -> c instanceof JdbcChannelDefinition && c.id().equals(batch.channelId()))
                .map(JdbcChannelDefinition.class::cast)
                .findFirst();
    }
}
