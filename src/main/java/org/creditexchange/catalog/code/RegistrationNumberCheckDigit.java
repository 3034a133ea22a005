package org.creditexchange.catalog.code;

/**
 * Check digit of the 15-digit business registration number (工商注册号), ISO 7064 MOD 11,10.
 */
public final class RegistrationNumberCheckDigit {

    private static final int LENGTH = 15;

    private RegistrationNumberCheckDigit() {
    }

    /**
     * Tells whether a registration number is 15 digits whose last digit is the correct check digit.
     *
     * <p>Uses the standard's acceptance test ((carry + check) mod 10 = 1) rather than recomputing the digit
     * with {@link #checkChar(String)}, so the two formulations check each other in the tests.
     *
     * @param number the number, already trimmed; {@code null}, blank or any non-digit is invalid
     * @return {@code true} when the check digit is correct
     */
    public static boolean isValid(String number) {
        if (number == null || number.length() != LENGTH || !allDigits(number)) {
            return false;
        }
        int last = number.charAt(LENGTH - 1) - '0';
        return (carry(number.substring(0, LENGTH - 1)) + last) % 10 == 1;
    }

    /**
     * Computes the check digit for the first 14 digits of a registration number.
     *
     * @param first14 exactly 14 ASCII digits
     * @return the 15th digit that makes the number valid
     * @throws IllegalArgumentException if {@code first14} is {@code null}, not 14 characters, or has a non-digit
     */
    public static char checkChar(String first14) {
        if (first14 == null || first14.length() != LENGTH - 1 || !allDigits(first14)) {
            throw new IllegalArgumentException("expected 14 digits");
        }
        return (char) ('0' + (11 - carry(first14)) % 10);
    }

    /** The MOD 11,10 running value after the given digits; always 1..10. */
    private static int carry(String digits) {
        int p = 10;
        for (int i = 0; i < digits.length(); i++) {
            int s = (p + digits.charAt(i) - '0') % 10;
            if (s == 0) {
                s = 10;
            }
            p = (2 * s) % 11;
        }
        return p;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
