package org.creditexchange.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.creditexchange.ingest.cleanse.TextNormalization;

/** A loaded code table: turns whatever a source sends into the canonical value, or says it is unknown. */
public final class CodeTable {

    private final CodeTableDefinition definition;
    private final Map<String, String> canonicalByForm = new HashMap<>();

    public CodeTable(CodeTableDefinition definition) {
        this.definition = definition;
        for (CodeTableDefinition.Entry e : definition.entries()) {
            canonicalByForm.putIfAbsent(TextNormalization.forMatching(e.value()), e.value());
            for (String alias : e.aliases()) {
                canonicalByForm.putIfAbsent(TextNormalization.forMatching(alias), e.value());
            }
        }
    }

    public CodeTableDefinition definition() {
        return definition;
    }

    /**
     * The canonical value for {@code raw} (compared after width, bracket, space and case normalisation), or empty
     * when the table does not know it. A value after the table's other-prefix (e.g. {@code 其他-护照以外证件}) is
     * accepted as it is. Null or blank input gives empty.
     */
    public Optional<String> canonical(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String form = TextNormalization.forMatching(raw);
        String found = canonicalByForm.get(form);
        if (found != null) {
            return Optional.of(found);
        }
        String prefix = definition.otherPrefix();
        if (prefix != null && !prefix.isEmpty()) {
            String p = TextNormalization.forMatching(prefix);
            if (form.startsWith(p) && form.length() > p.length()) {
                return Optional.of(prefix + raw.strip().substring(Math.min(raw.strip().length(), prefix.length())));
            }
        }
        return Optional.empty();
    }

    /** The canonical values, joined for a message. */
    public String valuesForMessage() {
        StringBuilder s = new StringBuilder();
        for (CodeTableDefinition.Entry e : definition.entries()) {
            if (!s.isEmpty()) {
                s.append('、');
            }
            s.append(e.value());
        }
        if (definition.otherPrefix() != null) {
            s.append('、').append(definition.otherPrefix()).append("…");
        }
        return s.toString();
    }
}
