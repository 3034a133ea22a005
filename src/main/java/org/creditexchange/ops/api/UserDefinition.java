package org.creditexchange.ops.api;

import java.util.List;

/**
 * One user of the REST API as declared in the users file.
 *
 * @param username the login name, unique in the file
 * @param password the BCrypt hash of the password, {@code {bcrypt}$2a$…} as {@code hash-password} prints it
 * @param roles    one or more of ADMIN, OPERATOR, CLERK, VIEWER
 * @param unit     for a CLERK, the code of the unit (a file in {@code connectors/}) the clerk reports for; absent
 *                 for every other role
 */
public record UserDefinition(String username, String password, List<String> roles, String unit) {

    public UserDefinition {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Never the hash: a user definition may end up in a log line or an error message. */
    @Override
    public String toString() {
        return "UserDefinition[" + username + ", roles=" + roles + (unit == null ? "" : ", unit=" + unit) + "]";
    }
}
