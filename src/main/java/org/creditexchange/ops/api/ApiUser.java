package org.creditexchange.ops.api;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * An authenticated user of the REST API: the roles, and for a clerk the unit. Decides which units the user may
 * read and upload for; the URL rules of {@link ApiSecurityConfiguration} decide which requests a role may make.
 */
public final class ApiUser extends User {

    private final Set<Role> roles;
    private final String unit;

    ApiUser(String username, String bcryptHash, Set<Role> roles, String unit) {
        super(username, bcryptHash, roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.roles = Set.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        this.unit = unit;
    }

    public Set<Role> roles() {
        return roles;
    }

    /** The clerk's unit, null for the other roles. */
    public String unit() {
        return unit;
    }

    /** ADMIN, OPERATOR and VIEWER read every unit's batches. */
    public boolean readsEveryUnit() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.OPERATOR) || roles.contains(Role.VIEWER);
    }

    /** Whether the user may read the batches and feedback of {@code unitCode}. */
    public boolean mayRead(String unitCode) {
        return readsEveryUnit() || (roles.contains(Role.CLERK) && unitCode != null && unitCode.equals(unit));
    }

    /** Whether the user may upload a file for {@code unitCode}: ADMIN and OPERATOR for any unit, a CLERK for theirs. */
    public boolean mayUpload(String unitCode) {
        return roles.contains(Role.ADMIN) || roles.contains(Role.OPERATOR)
                || (roles.contains(Role.CLERK) && unitCode != null && unitCode.equals(unit));
    }

    /** The only unit the user sees, empty for those who read every unit. */
    public Optional<String> unitScope() {
        return readsEveryUnit() ? Optional.empty() : Optional.ofNullable(unit);
    }

    /** A fresh copy for one authentication: Spring Security erases the password of the principal it hands out. */
    ApiUser copy() {
        return new ApiUser(getUsername(), getPassword(), roles, unit);
    }
}
