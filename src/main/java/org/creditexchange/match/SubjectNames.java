package org.creditexchange.match;

import org.creditexchange.ingest.cleanse.TextNormalization;

/**
 * The comparison form of organisation names, the one function used both for {@code name_norm} in the registry and
 * for the names of staged rows: full-width → half-width, {@code （）} → {@code ()}, every space (U+3000 included)
 * removed, Latin letters upper-cased (see {@link TextNormalization#forMatching}). Stored only for matching, never
 * shown.
 */
public final class SubjectNames {

    private SubjectNames() {
    }

    /** The comparison form; {@code null} gives {@code ""}. */
    public static String normalize(String name) {
        return TextNormalization.forMatching(name);
    }
}
