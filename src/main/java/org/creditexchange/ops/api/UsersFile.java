package org.creditexchange.ops.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.creditexchange.config.ConfigProblem;
import org.creditexchange.config.YamlFile;

/**
 * Reads and checks the users file: every user has a unique name, known roles, a BCrypt password hash, and a CLERK
 * names a configured unit. All problems are collected, with file and line; {@code serve} refuses to start on any.
 */
public final class UsersFile {

    /** A BCrypt hash as Spring Security's BCryptPasswordEncoder writes and accepts it. */
    static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");
    /** The id prefix of Spring Security's delegating password format; only BCrypt is accepted. */
    static final String BCRYPT_PREFIX = "{bcrypt}";

    private UsersFile() {
    }

    /** The users of a file without problems, or the problems. */
    public record Result(List<ApiUser> users, List<ConfigProblem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }

        /** The users, or {@link UsersFileException} listing every problem. */
        public List<ApiUser> orThrow(Path file) {
            if (!ok()) {
                throw new UsersFileException(file, problems);
            }
            return users;
        }
    }

    /**
     * Loads {@code file}.
     *
     * @param units the configured unit codes (a clerk must name one of them)
     */
    public static Result load(Path file, Set<String> units) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            problems.add(new ConfigProblem(file, 0, "", "the users file is missing: create it with at least one "
                    + "ADMIN (`hash-password` prints the BCrypt hash of a password), or point cx.users-file at it"));
            return new Result(List.of(), problems);
        }
        Optional<YamlFile.Bound<UsersFileDefinition>> bound = YamlFile.read(file, file, UsersFileDefinition.class, problems);
        if (bound.isEmpty()) {
            return new Result(List.of(), problems);
        }
        YamlFile yaml = bound.get().file();
        List<UserDefinition> defs = bound.get().value().users();
        if (defs.isEmpty()) {
            problems.add(yaml.problem("users", "no users: the REST API would refuse everyone"));
        }
        List<ApiUser> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < defs.size(); i++) {
            UserDefinition d = defs.get(i);
            String at = "users[" + i + "]";
            int before = problems.size();
            if (d == null) {
                problems.add(yaml.problem(at, "empty entry"));
                continue;
            }
            if (d.username() == null || d.username().isBlank()) {
                problems.add(yaml.problem(at + ".username", "username is missing"));
            } else if (!names.add(d.username())) {
                problems.add(yaml.problem(at + ".username", "username '" + d.username() + "' appears twice"));
            } else if (d.username().contains(":")) {
                problems.add(yaml.problem(at + ".username", "a username cannot contain ':' (HTTP Basic)"));
            }
            String hash = hash(d.password());
            if (d.password() == null || d.password().isBlank()) {
                problems.add(yaml.problem(at + ".password", "password is missing: put the BCrypt hash that "
                        + "`hash-password` prints, never the password itself"));
            } else if (hash == null) {
                // The value itself is never repeated: it may be a password typed in clear.
                problems.add(yaml.problem(at + ".password", "password is not a BCrypt hash ({bcrypt}$2a$…): "
                        + "put the hash that `hash-password` prints, never the password itself"));
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (d.roles().isEmpty()) {
                problems.add(yaml.problem(at + ".roles", "roles are missing (ADMIN, OPERATOR, CLERK or VIEWER)"));
            }
            for (int r = 0; r < d.roles().size(); r++) {
                Optional<Role> role = role(d.roles().get(r));
                if (role.isEmpty()) {
                    problems.add(yaml.problem(at + ".roles[" + r + "]", "unknown role '" + d.roles().get(r)
                            + "' (known roles: ADMIN, OPERATOR, CLERK, VIEWER)"));
                } else {
                    roles.add(role.get());
                }
            }
            boolean clerk = roles.contains(Role.CLERK);
            if (clerk && (d.unit() == null || d.unit().isBlank())) {
                problems.add(yaml.problem(at + ".unit", "a CLERK needs the unit they report for (unit: <code>)"));
            } else if (clerk && !units.contains(d.unit())) {
                problems.add(yaml.problem(at + ".unit", "unknown unit '" + d.unit() + "' (no connectors/" + d.unit()
                        + ".yaml)"));
            } else if (!clerk && d.unit() != null) {
                problems.add(yaml.problem(at + ".unit", "only a CLERK is bound to a unit: remove unit, or add the "
                        + "role CLERK"));
            }
            if (problems.size() == before) {
                users.add(new ApiUser(d.username(), hash, roles, clerk ? d.unit() : null));
            }
        }
        return new Result(problems.isEmpty() ? List.copyOf(users) : List.of(), List.copyOf(problems));
    }

    /** The bare BCrypt hash of a {@code {bcrypt}…} or bare {@code $2a$…} value, null when it is none. */
    static String hash(String password) {
        if (password == null) {
            return null;
        }
        String p = password.strip();
        if (p.startsWith(BCRYPT_PREFIX)) {
            p = p.substring(BCRYPT_PREFIX.length());
        }
        return BCRYPT.matcher(p).matches() ? p : null;
    }

    private static Optional<Role> role(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Role.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
