package org.creditexchange.ingest.validate;


import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditexchange.catalog.Catalog;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.CodeTable;
import org.creditexchange.catalog.ConditionDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.catalog.RuleDefinition;
import org.creditexchange.ingest.map.MappedRow;

/**
 * Cleanses and validates mapped rows of one catalog item: required and required-if, each field's type, then the
 * item's cross-field rules (a rule is silent about a field that already failed its own check). Never throws for
 * bad data: every problem becomes a {@link Reason}.
 */
public final class RowValidator {

    private final CatalogItemDefinition item;
    private final FieldValueCheck fieldCheck;
    private final Set<String> personalFields = new HashSet<>();
    private final Set<String> relaxed;
    private final CodeTable subjectKinds;
    private final Catalog catalog;
    private final Map<String, Map<String, String>> codeTranslations;

    /**
     * @param codeTranslations field key → (source code → canonical value), from the unit's source mapping
     */
    public RowValidator(Catalog catalog, CatalogItemDefinition item, Map<String, Map<String, String>> codeTranslations) {
        this(catalog, item, codeTranslations, Set.of());
    }

    /**
     * @param codeTranslations field key → (source code → canonical value), from the source mapping or format
     * @param relaxed          fields only the current standard requires (the file's format lacks them): a missing
     *                         value there is a warning asking for it next time, not an error
     */
    public RowValidator(Catalog catalog, CatalogItemDefinition item, Map<String, Map<String, String>> codeTranslations,
                        Set<String> relaxed) {
        this(catalog, item, codeTranslations, relaxed, List.of());
    }

    /**
     * @param dateFormats the unit's own date patterns (from its source mapping), tried before the usual forms
     */
    public RowValidator(Catalog catalog, CatalogItemDefinition item, Map<String, Map<String, String>> codeTranslations,
                        Set<String> relaxed, List<String> dateFormats) {
        this.item = item;
        this.relaxed = Set.copyOf(relaxed);
        this.subjectKinds = catalog.hasCodeTable("subject-category") ? catalog.codeTable("subject-category") : null;
        this.catalog = catalog;
        this.codeTranslations = codeTranslations;
        this.fieldCheck = new FieldValueCheck(catalog, codeTranslations, dateFormats);
        for (FieldDefinition f : item.fields()) {
            if (f.isPersonal()) {
                personalFields.add(f.key());
            }
        }
    }

    /** Validates one row as of {@code today} (the processing day in Asia/Shanghai). */
    public ValidatedRow validate(MappedRow row, LocalDate today) {
        if (isPersonInOrganisationsItem(row)) {
            // An item that covers no natural persons must not keep a person's data (e.g. an individual's tax
            // amounts): the row is refused and the factory keeps none of its values.
            FieldDefinition f = item.field(item.subject().kindField()).orElseThrow();
            return new ValidatedRow(row.rowNumber(), row.cells(), new CatalogRecord(item.id(), Map.of()),
                    List.of(ReasonMessages.reason(f.key(), f.title(), PERSON_NOT_COLLECTED, Severity.ERROR, f.title(),
                            item.title())), personalFields);
        }
        List<Reason> reasons = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>(2 * item.fields().size());
        Set<String> failed = new HashSet<>();
        // First pass: cleanse everything, so that conditions read canonical values (e.g. "01" → 自然人).
        for (FieldDefinition f : item.fields()) {
            String raw = row.raw(f.key());
            if (raw.isBlank()) {
                values.put(f.key(), "");
                continue;
            }
            boolean typeCheck = f.checkIf() == null || holdsRaw(f.checkIf(), row, today);
            FieldValueCheck.Checked c = fieldCheck.check(f, raw, typeCheck, today);
            values.put(f.key(), c.value());
            if (c.problem() != null) {
                reasons.add(c.problem());
                failed.add(f.key());
            }
        }
        for (FieldDefinition f : item.fields()) {
            if (!values.get(f.key()).isEmpty()) {
                continue;
            }
            if (f.required()) {
                reasons.add(error(f, "REQUIRED_MISSING"));
                failed.add(f.key());
            } else if (f.requiredIf() != null && holds(f.requiredIf(), values, failed)) {
                ConditionDefinition c = f.requiredIf();
                reasons.add(c.filled() ? error(f, "REQUIRED_IF_FILLED_MISSING", title(c.field()))
                        : error(f, "REQUIRED_IF_MISSING", title(c.field()), values.get(c.field())));
                failed.add(f.key());
            }
        }
        CatalogRecord record = new CatalogRecord(item.id(), values);
        for (RuleDefinition rule : item.rules()) {
            // Rules over a list of fields check each field on its own; other rules need all their fields sound.
            boolean perField = rule instanceof RuleDefinition.NotFuture || rule instanceof RuleDefinition.AmountUnit;
            if (perField || rule.fields().stream().noneMatch(failed::contains)) {
                applyRule(rule, record, today, reasons, failed);
            }
        }
        return new ValidatedRow(row.rowNumber(), row.cells(), record, relax(reasons, record), personalFields);
    }

    /** The reason code of a natural person's row in an item that covers organisations only. */
    public static final String PERSON_NOT_COLLECTED = "PERSON_NOT_COLLECTED";

    private boolean isPersonInOrganisationsItem(MappedRow row) {
        if (item.subjectKinds().contains("自然人") || item.subject() == null || item.subject().kindField() == null
                || subjectKinds == null) {
            return false;
        }
        FieldDefinition kind = item.field(item.subject().kindField()).orElseThrow();
        String raw = row.raw(kind.key()).strip();
        String translated = codeTranslations.getOrDefault(kind.key(), Map.of()).getOrDefault(raw, raw);
        // What the item's own code table accepts is not a person; only a value it refuses is looked up as 自然人.
        if (kind.codeTable() != null && catalog.hasCodeTable(kind.codeTable())
                && catalog.codeTable(kind.codeTable()).canonical(translated).isPresent()) {
            return false;
        }
        return subjectKinds.canonical(translated).filter("自然人"::equals).isPresent();
    }

    /** An error about a relaxed field that is simply missing becomes a warning asking for it next time. */
    private List<Reason> relax(List<Reason> reasons, CatalogRecord record) {
        if (relaxed.isEmpty()) {
            return reasons;
        }
        List<Reason> out = new ArrayList<>(reasons.size());
        for (Reason r : reasons) {
            if (r.severity() == Severity.ERROR && relaxed.contains(r.field()) && !record.has(r.field())) {
                FieldDefinition f = field(r.field());
                Reason w = ReasonMessages.reason(f.key(), f.title(), "NEW_STANDARD_FIELD_MISSING", Severity.WARNING, f.title());
                if (!out.contains(w)) {
                    out.add(w);
                }
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private boolean holdsRaw(ConditionDefinition c, MappedRow row, LocalDate today) {
        FieldDefinition f = item.field(c.field()).orElseThrow();
        String raw = row.raw(c.field());
        if (raw.isBlank()) {
            return false;
        }
        FieldValueCheck.Checked checked = fieldCheck.check(f, raw, true, today);
        return checked.problem() == null && c.holdsFor(checked.value());
    }

    private static boolean holds(ConditionDefinition c, Map<String, String> values, Set<String> failed) {
        return !failed.contains(c.field()) && c.holdsFor(values.getOrDefault(c.field(), ""));
    }

    private void applyRule(RuleDefinition rule, CatalogRecord r, LocalDate today, List<Reason> reasons, Set<String> failed) {
        if (rule instanceof RuleDefinition.DateOrder d) {
            if (r.has(d.earlier()) && r.has(d.later()) && r.date(d.later()).get().isBefore(r.date(d.earlier()).get())) {
                reasons.add(error(field(d.later()), "DATE_ORDER", r.text(d.later()), title(d.earlier()), r.text(d.earlier())));
            }
        } else if (rule instanceof RuleDefinition.NotFuture nf) {
            for (String key : nf.dates()) {
                if (!failed.contains(key) && r.has(key) && r.date(key).get().isAfter(today)) {
                    reasons.add(error(field(key), "DATE_IN_FUTURE", r.text(key)));
                }
            }
        } else if (rule instanceof RuleDefinition.PositiveIfContains p) {
            String hit = containsAny(r.text(p.when()), p.contains());
            if (hit != null && (!r.has(p.field()) || r.decimal(p.field()).get().signum() <= 0)) {
                reasons.add(error(field(p.field()), "AMOUNT_REQUIRED", title(p.when()), hit));
            }
        } else if (rule instanceof RuleDefinition.PresentIfContains p) {
            String hit = containsAny(r.text(p.when()), p.contains());
            if (hit != null && !r.has(p.field())) {
                reasons.add(error(field(p.field()), "PRESENT_REQUIRED", title(p.when()), hit));
            }
        } else if (rule instanceof RuleDefinition.CodePrefix cp) {
            ConditionDefinition when = cp.when();
            boolean applies = when == null || when.holdsFor(r.text(when.field()));
            if (applies && r.has(cp.field()) && r.text(cp.field()).startsWith(cp.prefix()) != cp.expected()) {
                String code = (cp.expected() ? "CODE_PREFIX_REQUIRED" : "CODE_PREFIX_UNEXPECTED") + (when == null ? "_ALWAYS" : "");
                FieldDefinition f = field(cp.field());
                Severity s = cp.warning() ? Severity.WARNING : Severity.ERROR;
                reasons.add(ReasonMessages.reason(f.key(), f.title(), code, s, f.title(),
                        when == null ? "" : title(when.field()), when == null ? "" : r.text(when.field()),
                        r.text(cp.field()), cp.prefix()));
            }
        } else if (rule instanceof RuleDefinition.AmountUnit au) {
            for (String key : au.amounts()) {
                if (!failed.contains(key) && r.has(key) && r.decimal(key).get().compareTo(au.threshold()) >= 0) {
                    FieldDefinition f = field(key);
                    reasons.add(ReasonMessages.reason(f.key(), f.title(), "AMOUNT_UNIT", Severity.WARNING,
                            f.title(), r.text(key)));
                }
            }
        }
    }

    private static String containsAny(String value, List<String> needles) {
        for (String n : needles) {
            if (value.contains(n)) {
                return n;
            }
        }
        return null;
    }

    private FieldDefinition field(String key) {
        return item.field(key).orElseThrow();
    }

    private String title(String key) {
        return field(key).title();
    }

    private static Reason error(FieldDefinition f, String code, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = f.title();
        System.arraycopy(args, 0, all, 1, args.length);
        return ReasonMessages.reason(f.key(), f.title(), code, Severity.ERROR, all);
    }

}
