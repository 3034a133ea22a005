package org.creditexchange.ops.api;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.creditexchange.config.ConfigProblem;

/** The users file is missing or broken: the REST API does not start. Carries every problem found. */
public class UsersFileException extends RuntimeException {

    private final transient Path file;
    private final transient List<ConfigProblem> problems;

    public UsersFileException(Path file, List<ConfigProblem> problems) {
        super("The users file " + file + " has " + problems.size() + " problem(s); the REST API was not started:\n  "
                + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n  ")));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
