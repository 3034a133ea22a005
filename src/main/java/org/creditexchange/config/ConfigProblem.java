package org.creditexchange.config;

import java.nio.file.Path;

/**
 * One mistake in the configuration folders.
 *
 * @param file    the file, relative to the configuration root where possible
 * @param line    1-based line of the offending value, or 0 when the whole file is concerned
 * @param path    the YAML path of the offending value (e.g. {@code fields[3].code-table}), {@code ""} for the file
 * @param message what is wrong, in English (operators read it; clerks never do)
 */
public record ConfigProblem(Path file, int line, String path, String message) implements Comparable<ConfigProblem> {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file.toString());
        if (line > 0) {
            s.append(':').append(line);
        }
        s.append(": ");
        if (!path.isEmpty()) {
            s.append(path).append(": ");
        }
        return s.append(message).toString();
    }

    @Override
    public int compareTo(ConfigProblem o) {
        int c = file.toString().compareTo(o.file.toString());
        return c != 0 ? c : Integer.compare(line, o.line);
    }
}
