package org.creditexchange.store;

/**
 * A record of the credit store as operators name it: {@code O-123} (organisation store) or {@code P-45} (natural
 * person store), the store's letter and the record id.
 *
 * @param store {@code ORG} or {@code PERSON}
 * @param id    the record's id in that store
 */
public record RecordRef(String store, long id) {

    /**
     * Parses {@code O-123} or {@code P-45} (case-insensitive).
     *
     * @throws IllegalArgumentException for anything else, naming the expected form
     */
    public static RecordRef parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase();
        if (t.matches("[OP]-\\d{1,18}")) {
            return new RecordRef(t.charAt(0) == 'O' ? "ORG" : "PERSON", Long.parseLong(t.substring(2)));
        }
        throw new IllegalArgumentException("'" + text + "' is not a record reference: write O-<id> for an organisation "
                + "record or P-<id> for a natural person's (see export or trace)");
    }

    public String table() {
        return store.equals("ORG") ? "cx_org_record" : "cx_person_record";
    }

    @Override
    public String toString() {
        return (store.equals("ORG") ? "O-" : "P-") + id;
    }
}
