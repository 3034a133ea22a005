package org.creditexchange.match;

import java.time.LocalDate;

/**
 * An organisation as a registry source states it; null fields are not stated (an update keeps what is stored).
 * Keyed by {@code uscc} when present, else by {@code regNumber} among subjects without a USCC.
 */
public record OrgSubject(String uscc, String orgCode, String regNumber, String name, String kind,
                         String legalRepresentative, String status, LocalDate terminatedOn,
                         String registrationAuthority, String jurisdiction) {

    public OrgSubject {
        if ((uscc == null || uscc.isEmpty()) && (regNumber == null || regNumber.isEmpty())) {
            throw new IllegalArgumentException("a subject needs a USCC or a registration number");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a subject needs a name");
        }
        uscc = blankToNull(uscc);
        orgCode = blankToNull(orgCode);
        regNumber = blankToNull(regNumber);
        kind = blankToNull(kind);
        legalRepresentative = blankToNull(legalRepresentative);
        status = blankToNull(status);
        registrationAuthority = blankToNull(registrationAuthority);
        jurisdiction = blankToNull(jurisdiction);
        name = name.strip();
    }

    /** The key this subject is stored under. */
    String key() {
        return uscc != null ? "U:" + uscc : "R:" + regNumber;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
