package org.creditexchange.ingest.stage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.SubjectDefinition;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.ingest.map.HeaderLayout;
import org.creditexchange.ingest.timeliness.DecisionDelays;
import org.creditexchange.ingest.validate.CatalogRecord;
import org.creditexchange.ingest.validate.ValidatedRow;
import org.creditexchange.ingest.validate.RowStatus;
import org.creditexchange.ingest.validate.RowValidator;
import org.creditexchange.match.MatchForms;
import org.creditexchange.store.DisclosurePeriod;
import org.creditexchange.store.PersonalIdCipher;
import org.creditexchange.store.PersonalIdHasher;

/**
 * Turns a validated row into its staging form: decides the subject and its store, masks every personal value
 * (and any ID number typed into another column), hashes personal values for keys and matching, and works out once
 * what later steps would otherwise rewrite every staged row for: the forms the row is matched by and its reporting
 * delay.
 */
public final class StagedRowFactory {

    /** What stands in staging and feedback for a value of a refused column. */
    static final String REFUSED = "（已拒收）";

    private final CatalogItemDefinition item;
    private final PersonalIdHasher hasher;
    private final PersonalIdCipher cipher;
    private final MatchForms.Rule matchForms;
    private final DecisionDelays delays;
    private final String[] fieldOf;
    private final boolean[] refused;

    /**
     * @param delays the batch's reporting delays; null when nothing measures them (a test of staging alone)
     */
    public StagedRowFactory(CatalogItemDefinition item, HeaderLayout layout, PersonalIdHasher hasher,
                            PersonalIdCipher cipher, DecisionDelays delays) {
        this.item = item;
        this.hasher = hasher;
        this.cipher = cipher;
        this.matchForms = new MatchForms.Rule(item);
        // Per column, worked out once rather than per cell of every row.
        int columns = Math.max(layout.columnFields().size(),
                layout.refused().stream().mapToInt(c -> c.index() + 1).max().orElse(0));
        this.fieldOf = new String[columns];
        this.refused = new boolean[columns];
        for (int i = 0; i < columns; i++) {
            fieldOf[i] = layout.fieldOf(i);
            refused[i] = layout.isRefused(i);
        }
        this.delays = delays;
    }

    public StagedRow stage(ValidatedRow row) {
        CatalogRecord r = row.record();
        SubjectDefinition s = item.subject();
        String kind = s.kindField() != null ? r.text(s.kindField()) : impliedKind(r);
        boolean person = s.personKinds().contains(kind)
                || (s.kindField() == null && item.subjectKinds().equals(List.of("自然人")));
        String idHash = person && s.idNumberField() != null ? hasher.hash(r.text(s.idNumberField())) : "";
        String code = !person && s.codeField() != null ? IdNumberMasking.maskEmbedded(r.text(s.codeField())) : "";

        Map<String, String> shown = new LinkedHashMap<>(2 * r.values().size());
        Map<String, String> hashed = new LinkedHashMap<>(2 * r.values().size());
        Map<String, Map<String, String>> sealed = new LinkedHashMap<>();
        r.values().forEach((key, value) -> {
            boolean personal = row.personalFields().contains(key);
            if (personal && !value.isBlank()) {
                // The keyed hash matches records of one person; the ciphertext serves authorised retrieval.
                sealed.put(key, Map.of("hash", hasher.hash(value), "encrypted", cipher.encrypt(value)));
            }
            String embedded = IdNumberMasking.maskEmbedded(value);
            shown.put(key, personal ? IdNumberMasking.mask(value) : embedded);
            // An ID number typed into another column is personal data too: never stored in clear.
            boolean idShaped = !embedded.equals(value);
            hashed.put(key, personal || idShaped ? hasher.hash(value) : value);
        });
        List<String> businessKey = new ArrayList<>();
        for (String key : item.businessKey()) {
            businessKey.add(hashed.getOrDefault(key, ""));
        }
        List<String> cells = new ArrayList<>(row.cells().size());
        boolean notCollected = personNotCollected(row);
        for (int i = 0; i < row.cells().size(); i++) {
            String field = i < fieldOf.length ? fieldOf[i] : "";
            String cell = row.cells().get(i);
            if (i < refused.length && refused[i] || notCollected && !field.equals(item.subject().nameField())) {
                // Prohibited data is never kept, not even as the row's original value.
                cells.add(REFUSED);
                continue;
            }
            cells.add(row.personalFields().contains(field) ? IdNumberMasking.mask(cell) : IdNumberMasking.maskEmbedded(cell));
        }
        String name = cut(s.nameField() == null ? "" : IdNumberMasking.maskEmbedded(r.text(s.nameField())), 512);
        String subjectCode = code.length() > 32 ? "" : code;
        boolean rejected = row.status() == RowStatus.REJECTED;
        MatchForms match = rejected || person ? null : matchForms.of(name, subjectCode, shown);
        DecisionDelays.Dated reporting = delays == null ? null
                : item.timeliness().flatMap(f -> delays.of(shown.get(f.key()))).orElse(null);
        // Without personal values the hashed values are the shown ones (same keys, same order): one JSON serves both.
        byte[] recordJson = CompactJson.object(shown);
        byte[] hashedJson = hashed.equals(shown) ? recordJson : CompactJson.object(hashed);
        return new StagedRow(row.rowNumber(), row.status(), person ? StagedRow.SubjectStore.PERSON : StagedRow.SubjectStore.ORG,
                cut(kind, 32), name, subjectCode, idHash, key(String.join("|", businessKey)),
                sha256(hashedJson), sha256(CompactJson.objectWithout(hashed, PROVENANCE)),
                recordJson, CompactJson.array(cells), sealed.isEmpty() ? null : CompactJson.object(sealed),
                row.status() == RowStatus.REJECTED ? null : DisclosurePeriod.end(item.retention(), r, person).orElse(null),
                row.status() != RowStatus.REJECTED && item.endsWhen() != null
                        && item.endsWhen().holdsFor(r.text(item.endsWhen().field())),
                row.reasons(), match, reporting, null);
    }

    /** Fields naming the sender rather than the fact: left out of the fact hash. */
    static final java.util.Set<String> PROVENANCE = java.util.Set.of("source-unit", "source-unit-code", "remarks");

    private static boolean personNotCollected(ValidatedRow row) {
        return row.reasons().stream().anyMatch(r -> r.code().equals(RowValidator.PERSON_NOT_COLLECTED));
    }

    /** Bounded columns take bounded values: a clerk's 30,000-character cell must not fail the batch. */
    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** A business key too long for its column is kept as its hash (it still identifies the record). */
    private static String key(String businessKey) {
        return businessKey.length() <= 1024 ? businessKey : "sha256:" + sha256(businessKey);
    }

    /** Without a category field: a person-only item's rows are persons; a USCC starting 92 is a 个体工商户. */
    private String impliedKind(CatalogRecord r) {
        List<String> kinds = item.subjectKinds();
        if (kinds.equals(List.of("自然人"))) {
            return "自然人";
        }
        String code = item.subject().codeField() == null ? "" : r.text(item.subject().codeField());
        if (code.startsWith("92") && kinds.contains("个体工商户")) {
            return "个体工商户";
        }
        return kinds.contains("法人及非法人组织") ? "法人及非法人组织" : kinds.isEmpty() ? "" : kinds.get(0);
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] utf8) {
        return HexFormat.of().formatHex(SHA_256.get().digest(utf8));
    }

    /** One digest per staging worker: looking the algorithm up per hash (twice a row) cost more than hashing a value. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
