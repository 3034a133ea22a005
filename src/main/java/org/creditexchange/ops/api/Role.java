package org.creditexchange.ops.api;

/**
 * What a user of the REST API may do. ADMIN and OPERATOR may do everything; a CLERK uploads for and reads the
 * batches and feedback of their own unit only; a VIEWER reads everything and changes nothing.
 */
public enum Role {
    ADMIN,
    OPERATOR,
    CLERK,
    VIEWER;

    /** The Spring Security authority of the role ({@code ROLE_ADMIN} …). */
    public String authority() {
        return "ROLE_" + name();
    }
}
