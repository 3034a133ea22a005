package org.creditexchange.ingest.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cleansed record of one catalog item, keyed by field. Values are canonical texts: dates ISO
 * {@code yyyy-MM-dd}, decimals plain, codes their canonical value (several joined with {@code ;}), codes and
 * identifiers upper-case half-width. An absent value is {@code ""}. Typed accessors parse the canonical text.
 *
 * @param itemId the catalog item
 * @param values field key → canonical text, in catalog order
 */
public record CatalogRecord(String itemId, Map<String, String> values) {

    public CatalogRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String text(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean has(String field) {
        return !text(field).isEmpty();
    }

    public Optional<LocalDate> date(String field) {
        return has(field) ? Optional.of(LocalDate.parse(text(field))) : Optional.empty();
    }

    public Optional<BigDecimal> decimal(String field) {
        return has(field) ? Optional.of(new BigDecimal(text(field))) : Optional.empty();
    }

    /** The values of a multi-value code field. */
    public List<String> codes(String field) {
        return has(field) ? List.of(text(field).split(";")) : List.of();
    }
}
