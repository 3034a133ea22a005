package org.creditexchange.catalog.code;

import java.util.Locale;

/**
 * Check character of the organisation code (组织机构代码, GB 11714).
 *
 * <p>Eight body characters (digits, or letters valued 10–35) and one check character,
 * usually written {@code XXXXXXXX-X}.
 */
public final class OrgCodeCheckDigit {

    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final int MODULUS = 11;
    private static final int BODY_LENGTH = 8;

    private OrgCodeCheckDigit() {
    }

    /**
     * Brings a code into its compact nine-character form.
     *
     * <p>Only the hyphen of the written form {@code XXXXXXXX-X} is removed; a hyphen anywhere else is
     * kept so that a mistyped code stays invalid instead of being silently repaired.
     *
     * @param code the code as typed; {@code null} gives {@code ""}
     * @return the code stripped of surrounding whitespace, upper-cased, without the check hyphen
     */
    public static String normalize(String code) {
        if (code == null) {
            return "";
        }
        String s = code.strip().toUpperCase(Locale.ROOT);
        if (s.length() == BODY_LENGTH + 2 && s.charAt(BODY_LENGTH) == '-') {
            return s.substring(0, BODY_LENGTH) + s.substring(BODY_LENGTH + 1);
        }
        return s;
    }

    /**
     * Tells whether a code, after {@link #normalize(String)}, is eight body characters and a correct check character.
     *
     * @param code the code as typed, with or without the hyphen; {@code null} or blank is invalid
     * @return {@code true} when the check character matches
     */
    public static boolean isValid(String code) {
        String s = normalize(code);
        if (s.length() != BODY_LENGTH + 1) {
            return false;
        }
        String body = s.substring(0, BODY_LENGTH);
        if (!isBody(body)) {
            return false;
        }
        return computeCheckChar(body) == s.charAt(BODY_LENGTH);
    }

    /**
     * Computes the check character for an eight-character body.
     *
     * @param body8 exactly eight characters from {@code 0-9 A-Z} (upper case)
     * @return {@code '0'}–{@code '9'} or {@code 'X'}
     * @throws IllegalArgumentException if {@code body8} is {@code null}, not eight characters, or has another character
     */
    public static char checkChar(String body8) {
        if (body8 == null || body8.length() != BODY_LENGTH || !isBody(body8)) {
            throw new IllegalArgumentException("expected 8 characters from 0-9 A-Z");
        }
        return computeCheckChar(body8);
    }

    private static boolean isBody(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static char computeCheckChar(String body) {
        int sum = 0;
        for (int i = 0; i < BODY_LENGTH; i++) {
            char c = body.charAt(i);
            int value = c <= '9' ? c - '0' : c - 'A' + 10;
            sum += value * WEIGHTS[i];
        }
        int check = MODULUS - sum % MODULUS;
        if (check == 10) {
            return 'X';
        }
        return check == 11 ? '0' : (char) ('0' + check);
    }
}
