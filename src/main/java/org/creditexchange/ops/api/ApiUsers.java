package org.creditexchange.ops.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The users of the checked users file, for HTTP Basic authentication. */
public final class ApiUsers implements UserDetailsService {

    private final Map<String, ApiUser> users;

    public ApiUsers(List<ApiUser> users) {
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(ApiUser::getUsername, Function.identity()));
    }

    @Override
    public ApiUser loadUserByUsername(String username) {
        ApiUser user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return user.copy();
    }

    /** How many users there are (for the startup line). */
    public int size() {
        return users.size();
    }
}
