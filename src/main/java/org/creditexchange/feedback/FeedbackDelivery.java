package org.creditexchange.feedback;

import java.nio.file.Path;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.ConnectorDefinition;

/**
 * Hands a batch's feedback to the unit beyond the local feedback folder (which always keeps its copy): an upload to
 * the SFTP feedback directory, receipt rows written into the front-end database. A Spring bean per kind; a failed
 * delivery is recorded and tried again later, it never fails the batch.
 */
public interface FeedbackDelivery {

    /** A stable name for the delivery kind, recorded with each attempt (e.g. {@code sftp}, {@code jdbc-receipts}). */
    String name();

    /** Whether this kind delivers the feedback of {@code batch} (usually: the batch came by such a channel). */
    boolean appliesTo(ConnectorDefinition unit, Batch batch);

    /**
     * Delivers it.
     *
     * @param workbook the feedback workbook written for the batch
     * @param receipt  the receipt CSV written for the batch
     * @throws Exception when the unit's machine cannot be reached or written
     */
    void deliver(ConnectorDefinition unit, Batch batch, Path workbook, Path receipt) throws Exception;

    /** Whether this kind can hand {@code unit} a document that belongs to no batch (its monthly assessment). */
    default boolean deliversDocuments(ConnectorDefinition unit) {
        return false;
    }

    /**
     * Hands {@code unit} a document that belongs to no batch, e.g. its monthly assessment workbook.
     *
     * @throws Exception when the unit's machine cannot be reached or written
     */
    default void deliverDocument(ConnectorDefinition unit, Path file) throws Exception {
        throw new UnsupportedOperationException(name() + " does not deliver documents");
    }
}
