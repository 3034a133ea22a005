package org.creditexchange.catalog.code;

import java.util.Optional;

/**
 * Check digit of the unified social credit code (统一社会信用代码, GB 32100-2015).
 *
 * <p>The code has 18 characters from a 31-character alphabet that leaves out I, O, S, V and Z
 * because they are easily confused with digits. Positions 3–8 are the administrative region code,
 * positions 9–17 the embedded organisation code, position 18 the check character.
 */
public final class UsccCheckDigit {

    /** The first problem found in a code, in the order the checks are made. */
    public enum Problem {
        /** Not exactly 18 characters (or {@code null}). */
        LENGTH,
        /** A character outside {@code 0-9 A-H J-N P-R T U W-Y}. */
        CHARACTER,
        /** Positions 3–8 (the region code) are not all digits. */
        REGION,
        /** The 18th character does not match the computed check character. */
        CHECK_DIGIT
    }

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int MODULUS = 31;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int LENGTH = 18;

    private UsccCheckDigit() {
    }

    /**
     * Tells whether a code is a well-formed unified social credit code with a correct check character.
     *
     * @param code the code, already trimmed and upper-cased by the caller; {@code null} or blank is invalid
     * @return {@code true} only when {@link #diagnose(String)} finds no problem
     */
    public static boolean isValid(String code) {
        return diagnose(code).isEmpty();
    }

    /**
     * Finds the first problem in a code: length, then characters, then region digits, then check character.
     *
     * @param code the code, already trimmed and upper-cased; lower-case letters count as {@link Problem#CHARACTER}
     * @return the first problem, {@link Problem#LENGTH} for {@code null} or blank, or empty when the code is valid
     */
    public static Optional<Problem> diagnose(String code) {
        if (code == null || code.length() != LENGTH) {
            return Optional.of(Problem.LENGTH);
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(Problem.CHARACTER);
            }
        }
        for (int i = 2; i < 8; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of(Problem.REGION);
            }
        }
        if (computeCheckChar(code) != code.charAt(LENGTH - 1)) {
            return Optional.of(Problem.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    /**
     * Computes the check character for the first 17 characters of a code.
     *
     * @param first17 exactly 17 characters from the code alphabet (upper case); the region digits are not checked
     * @return the 18th character that makes the code valid
     * @throws IllegalArgumentException if {@code first17} is {@code null}, not 17 characters long,
     *                                  or contains a character outside the alphabet
     */
    public static char checkChar(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected 17 characters");
        }
        for (int i = 0; i < first17.length(); i++) {
            if (ALPHABET.indexOf(first17.charAt(i)) < 0) {
                throw new IllegalArgumentException("character outside the USCC alphabet at position " + (i + 1));
            }
        }
        return computeCheckChar(first17);
    }

    /**
     * Extracts the embedded organisation code (positions 9–17, without hyphen).
     *
     * @param uscc an 18-character code; its validity is not checked, so the caller decides what to trust
     * @return the nine characters at positions 9–17
     * @throws IllegalArgumentException if {@code uscc} is {@code null} or not 18 characters long
     */
    public static String orgCodePart(String uscc) {
        if (uscc == null || uscc.length() != LENGTH) {
            throw new IllegalArgumentException("expected 18 characters");
        }
        return uscc.substring(8, 17);
    }

    private static char computeCheckChar(String code) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int value = MODULUS - sum % MODULUS;
        return ALPHABET.charAt(value == MODULUS ? 0 : value);
    }
}
