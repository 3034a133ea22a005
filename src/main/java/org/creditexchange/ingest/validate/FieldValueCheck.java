package org.creditexchange.ingest.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.creditexchange.catalog.Catalog;
import org.creditexchange.catalog.CodeTable;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.catalog.code.IdNumberCheckDigit;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.catalog.code.OrgCodeCheckDigit;
import org.creditexchange.catalog.code.RegistrationNumberCheckDigit;
import org.creditexchange.catalog.code.UsccCheckDigit;
import org.creditexchange.ingest.cleanse.DateCleansing;
import org.creditexchange.ingest.cleanse.DecimalCleansing;
import org.creditexchange.ingest.cleanse.HalfWidth;

/**
 * Cleanses and checks one non-blank value of one field by the field's type: the type's normalisation
 * (half-width, upper case, date forms, amounts, code aliases) and its check (check digits, code lists, lengths).
 */
final class FieldValueCheck {

    /** The cleansed value, and the problem when the value fails its type's check. */
    record Checked(String value, Reason problem) {
        static Checked ok(String value) {
            return new Checked(value, null);
        }
    }

    private final Catalog catalog;
    private final Map<String, Map<String, String>> codeTranslations;
    private final List<java.time.format.DateTimeFormatter> dateFormats;

    /**
     * @param codeTranslations field key → (source code → canonical value) from the unit's source mapping
     * @param dateFormats      the unit's own date patterns, tried before the usual forms
     */
    FieldValueCheck(Catalog catalog, Map<String, Map<String, String>> codeTranslations, List<String> dateFormats) {
        this.catalog = catalog;
        this.codeTranslations = codeTranslations;
        this.dateFormats = dateFormats.stream()
                .map(p -> java.time.format.DateTimeFormatter.ofPattern(p.replace("yyyy", "uuuu"))
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT))
                .toList();
    }

    /**
     * @param raw        the raw text, not blank
     * @param typeCheck  false when the field's {@code check-if} does not hold: the value is only trimmed
     * @param today      the processing day (Asia/Shanghai), for birth dates
     */
    Checked check(FieldDefinition f, String raw, boolean typeCheck, LocalDate today) {
        String trimmed = raw.strip();
        Checked c = switch (f.type()) {
            case TEXT -> Checked.ok(trimmed);
            case DATE -> date(f, trimmed);
            case DECIMAL -> decimal(f, trimmed);
            case CODE -> code(f, trimmed);
            case USCC -> uscc(f, compact(trimmed));
            case ID_NUMBER -> typeCheck ? idNumber(f, compact(trimmed), today) : Checked.ok(compact(trimmed));
            case ORG_CODE -> orgCode(f, trimmed);
            case REG_NUMBER -> regNumber(f, compact(trimmed));
        };
        // A pattern says more than a length: it is checked first.
        if (c.problem() == null && f.pattern() != null && !c.value().matches(f.pattern())) {
            return new Checked(c.value(), reason(f, "PATTERN_MISMATCH", c.value(),
                    f.patternTitle() == null ? f.pattern() : f.patternTitle()));
        }
        if (c.problem() == null && f.maxLength() > 0 && c.value().length() > f.maxLength()) {
            return new Checked(c.value(), reason(f, "TOO_LONG", c.value().length(), f.maxLength()));
        }
        return c;
    }

    private Checked date(FieldDefinition f, String v) {
        String text = HalfWidth.of(v).strip();
        for (java.time.format.DateTimeFormatter format : dateFormats) {
            try {
                return Checked.ok(LocalDate.parse(text, format).toString());
            } catch (java.time.format.DateTimeParseException ignored) {
                // not this unit pattern: the next one, then the usual forms
            }
        }
        Optional<LocalDate> d = DateCleansing.parse(v);
        return d.map(x -> Checked.ok(x.toString()))
                .orElseGet(() -> new Checked(v, reason(f, "DATE_INVALID", v)));
    }

    private Checked decimal(FieldDefinition f, String v) {
        Optional<BigDecimal> d = DecimalCleansing.parse(v);
        if (d.isEmpty()) {
            return new Checked(v, reason(f, "DECIMAL_INVALID", v));
        }
        if (d.get().signum() < 0) {
            return new Checked(v, reason(f, "DECIMAL_NEGATIVE", v));
        }
        BigDecimal n = d.get().stripTrailingZeros();
        return Checked.ok(n.scale() < 0 ? n.setScale(0).toPlainString() : n.toPlainString());
    }

    private Checked code(FieldDefinition f, String v) {
        CodeTable table = catalog.codeTable(f.codeTable());
        Map<String, String> translation = codeTranslations.getOrDefault(f.key(), Map.of());
        List<String> parts = f.multiValue() ? List.of(VALUE_SEPARATORS.split(v)) : List.of(v);
        List<String> canonical = new ArrayList<>();
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String translated = translation.getOrDefault(p, p);
            Optional<String> value = table.canonical(translated);
            if (value.isEmpty()) {
                return new Checked(v, reason(f, "CODE_UNKNOWN", p, table.valuesForMessage()));
            }
            if (!canonical.contains(value.get())) {
                canonical.add(value.get());
            }
        }
        return Checked.ok(String.join(";", canonical));
    }

    private Checked uscc(FieldDefinition f, String v) {
        String code = v.toUpperCase();
        Optional<UsccCheckDigit.Problem> p = UsccCheckDigit.diagnose(code);
        if (p.isEmpty()) {
            return Checked.ok(code);
        }
        if (IdNumberCheckDigit.looksLikeIdNumber(code)) {
            return new Checked(code, reason(f, "ID_NUMBER_IN_CODE_COLUMN", IdNumberMasking.mask(code)));
        }
        String reasonCode = switch (p.get()) {
            case LENGTH -> "USCC_LENGTH";
            case CHARACTER -> "USCC_CHARACTER";
            case REGION -> "USCC_REGION";
            case CHECK_DIGIT -> "USCC_CHECK_DIGIT";
        };
        return new Checked(code, reason(f, reasonCode, code));
    }

    private Checked idNumber(FieldDefinition f, String v, LocalDate today) {
        String n = IdNumberCheckDigit.normalize(v);
        Optional<IdNumberCheckDigit.Problem> p = IdNumberCheckDigit.diagnose(n, today);
        if (p.isEmpty()) {
            return Checked.ok(n);
        }
        String reasonCode = switch (p.get()) {
            case LENGTH -> "ID_NUMBER_LENGTH";
            case CHARACTER -> "ID_NUMBER_CHARACTER";
            case BIRTH_DATE -> "ID_NUMBER_BIRTH_DATE";
            case CHECK_DIGIT -> "ID_NUMBER_CHECK_DIGIT";
        };
        return new Checked(n, reason(f, reasonCode, IdNumberMasking.mask(n)));
    }

    private Checked orgCode(FieldDefinition f, String v) {
        String n = OrgCodeCheckDigit.normalize(HalfWidth.of(v));
        return OrgCodeCheckDigit.isValid(n) ? Checked.ok(n) : new Checked(n, reason(f, "ORG_CODE_INVALID", v));
    }

    private Checked regNumber(FieldDefinition f, String v) {
        return RegistrationNumberCheckDigit.isValid(v) ? Checked.ok(v) : new Checked(v, reason(f, "REG_NUMBER_INVALID", v));
    }

    /** Separates the values of a multi-value code field. */
    private static final Pattern VALUE_SEPARATORS = Pattern.compile("[;；]");
    /** What a code never contains: white space, no-break and zero-width spaces, a stray byte-order mark. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u200B\\uFEFF]");

    /** Half-width, without any whitespace: identifiers never contain spaces, clerks often type them. */
    private static String compact(String v) {
        String half = HalfWidth.of(v);
        for (int i = 0; i < half.length(); i++) {
            char c = half.charAt(i);
            if (c <= ' ' || c == '\u00A0' || c == '\u200B' || c == '\uFEFF') {
                return SPACES.matcher(half).replaceAll("");
            }
        }
        return half;
    }

    private static Reason reason(FieldDefinition f, String code, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = f.title();
        System.arraycopy(args, 0, all, 1, args.length);
        return ReasonMessages.reason(f.key(), f.title(), code, Severity.ERROR, all);
    }
}
