package org.creditexchange.match;

import java.util.Locale;
import org.creditexchange.catalog.code.RegistrationNumberCheckDigit;
import org.creditexchange.catalog.code.UsccCheckDigit;
import org.creditexchange.ingest.cleanse.HalfWidth;

/**
 * One code from a registry list's mixed column (注册号/统一社会信用代码), classified.
 *
 * @param kind      what the code is
 * @param uscc      the USCC when {@link Kind#USCC}, else null
 * @param orgCode   the 组织机构代码 (USCC positions 9–17) when {@link Kind#USCC}, else null
 * @param regNumber the registration number for every other non-blank kind (invalid ones as written), else null
 */
public record RegistryCode(Kind kind, String uscc, String orgCode, String regNumber) {

    /** The kinds of codes found in real lists. */
    public enum Kind {
        /** An 18-character 统一社会信用代码 with a correct check character. */
        USCC,
        /** A 15-digit 工商注册号 whose ISO 7064 MOD 11,10 check digit is right. */
        REG_NUMBER,
        /** Any other number (13-digit pre-2007 numbers, Chinese-character numbers …), kept as written. */
        LEGACY,
        /** 18 characters that fail the USCC check; kept as written as a registration number. */
        INVALID_USCC,
        /** 15 digits that fail the ISO 7064 check; kept as written. */
        INVALID_REG_NUMBER,
        /** No code. */
        MISSING;

        /** Whether the code failed its check. */
        public boolean invalid() {
            return this == INVALID_USCC || this == INVALID_REG_NUMBER;
        }
    }

    /**
     * Classifies a code as written: surrounding and embedded spaces removed, full-width folded, letters upper-cased
     * for the USCC check (one real list has a USCC typed with a lower-case letter).
     */
    public static RegistryCode classify(String raw) {
        String s = HalfWidth.of(raw).strip().replace(" ", "");
        if (s.isEmpty()) {
            return new RegistryCode(Kind.MISSING, null, null, null);
        }
        String upper = s.toUpperCase(Locale.ROOT);
        if (upper.length() == 18 && upper.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            if (UsccCheckDigit.isValid(upper)) {
                return new RegistryCode(Kind.USCC, upper, UsccCheckDigit.orgCodePart(upper), null);
            }
            return new RegistryCode(Kind.INVALID_USCC, null, null, upper);
        }
        if (s.length() == 15 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new RegistryCode(RegistrationNumberCheckDigit.isValid(s) ? Kind.REG_NUMBER : Kind.INVALID_REG_NUMBER,
                    null, null, s);
        }
        return new RegistryCode(Kind.LEGACY, null, null, upper);
    }
}
