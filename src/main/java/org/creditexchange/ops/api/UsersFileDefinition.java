package org.creditexchange.ops.api;

import java.util.List;

/**
 * The users file ({@code cx.users-file}, default {@code <data dir>/users.yaml}): deployment data kept outside the
 * configuration repository, because it holds password hashes.
 *
 * @param users the users, in any order
 */
public record UsersFileDefinition(List<UserDefinition> users) {

    public UsersFileDefinition {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
