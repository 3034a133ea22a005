package org.creditexchange.ops.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hash-password}: prints the BCrypt hash of a password for the users file ({@code password: "{bcrypt}…"}).
 * The password is typed twice at the console without echo, or read as the first line of standard input
 * ({@code printf '%s\n' "$PW" | … hash-password}); it never appears on the command line, where {@code ps} shows it.
 */
@Command(name = "hash-password", description = "Print the BCrypt hash of a password (typed at the console, or the "
        + "first line of standard input) for the users file of the REST API.")
final class HashPasswordCommand implements Callable<Integer> {

    /** Shorter passwords are refused. */
    static final int MIN_LENGTH = 8;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        char[] password = read(err);
        if (password == null) {
            return CreditExchangeCommand.EXIT_CONFIG;
        }
        try {
            if (password.length < MIN_LENGTH) {
                err.println("The password is too short: at least " + MIN_LENGTH + " characters. Nothing was printed.");
                return CreditExchangeCommand.EXIT_CONFIG;
            }
            String hash = new BCryptPasswordEncoder().encode(java.nio.CharBuffer.wrap(password));
            PrintWriter out = spec.commandLine().getOut();
            out.println("{bcrypt}" + hash);
            out.flush();
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The password, or null (reported) when none was given or the two typed at the console differ. */
    private static char[] read(PrintWriter err) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] second = first == null ? null : console.readPassword("Same password again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                err.println("The two passwords differ (or none was typed). Nothing was printed.");
                if (first != null) {
                    Arrays.fill(first, '\0');
                }
                return null;
            }
            Arrays.fill(second, '\0');
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            err.println("No password on standard input (its first line is the password). Nothing was printed.");
            return null;
        }
        return line.toCharArray();
    }
}
