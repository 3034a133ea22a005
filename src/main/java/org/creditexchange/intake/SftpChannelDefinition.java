package org.creditexchange.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An SFTP directory on a front-end machine (前置机), pulled by the {@code collect} step: every waiting file is
 * landed, then moved into the done directory (or deleted) on the server; feedback is uploaded back when
 * {@code feedback-path} is given. The server's host key is always checked against {@code known-hosts}; secrets are
 * named, never written: {@code password-env} and {@code passphrase-env} name environment variables.
 *
 * @param id            channel id
 * @param items         catalog items pulled here (empty: any)
 * @param host          the server's host name or address
 * @param port          the server's port (default 22)
 * @param username      the login name
 * @param passwordEnv   the environment variable holding the password (needed unless {@code private-key} is given)
 * @param privateKey    the private key file (OpenSSH or PEM), relative to the data directory unless absolute
 * @param passphraseEnv the environment variable holding the private key's passphrase, when it has one
 * @param knownHosts    the OpenSSH known_hosts file holding the server's host key, relative to the data directory
 *                      unless absolute; a host key not found there refuses the connection
 * @param remotePath    the directory the unit leaves its files in: absolute from the server's root, or relative to
 *                      the login directory (every remote path is read so)
 * @param afterLanding  what happens to a file on the server once it is landed: {@code move} (default) or
 *                      {@code delete}
 * @param donePath      where landed files are moved, absolute or relative to {@code remote-path} (default
 *                      {@code .done}, i.e. {@code <remote-path>/.done}); only with {@code move}
 * @param feedbackPath  the directory feedback workbooks and receipts are uploaded to (optional: none uploaded)
 * @param include       comma-separated file name patterns taken (e.g. {@code *.xlsx,*.csv}, case-insensitive;
 *                      default all); hidden, temporary and partial files are never taken
 * @param settle        a file modified less than this long ago is still being written and is left for the next
 *                      collect (default 30 s; the server's clock decides)
 * @param retry         how an unreachable server is retried
 */
public record SftpChannelDefinition(String id, List<String> items, String host, Integer port, String username,
                                    String passwordEnv, String privateKey, String passphraseEnv, String knownHosts,
                                    String remotePath, AfterLanding afterLanding, String donePath, String feedbackPath,
                                    String include, Duration settle, RetryDefinition retry) implements ChannelDefinition {

    /** The port when none is given. */
    public static final int DEFAULT_PORT = 22;

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public SftpChannelDefinition {
        items = items == null ? List.of() : List.copyOf(items);
        port = port == null ? DEFAULT_PORT : port;
        afterLanding = afterLanding == null ? AfterLanding.MOVE : afterLanding;
        settle = settle == null ? Duration.ofSeconds(30) : settle;
        retry = retry == null ? RetryDefinition.DEFAULT : retry;
    }

    /** What happens to a remote file once it is landed. */
    public enum AfterLanding {
        /** Moved into the done directory. */
        MOVE,
        /** Deleted. */
        DELETE;

        @JsonCreator
        public static AfterLanding of(String text) {
            for (AfterLanding a : values()) {
                if (a.key().equals(text)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("after-landing '" + text + "' is not one of move, delete");
        }

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public boolean remote() {
        return true;
    }

    /**
     * Where landed files go on the server with {@code move}: {@code done-path}, absolute or relative to the remote
     * path; {@code .done} (inside the remote path) when not given.
     */
    public String doneDirectory() {
        return blank(donePath) ? ".done" : trimSlash(donePath);
    }

    /** The name patterns of {@code include}, trimmed; empty when every file is taken. */
    public List<String> includePatterns() {
        if (include == null || include.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String p : include.split(",")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** Whether the server is reached with a private key (else with a password). */
    public boolean usesPrivateKey() {
        return privateKey != null && !privateKey.isBlank();
    }

    @Override
    public List<ChannelProblem> problems() {
        List<ChannelProblem> problems = new ArrayList<>();
        required(problems, "host", host);
        required(problems, "username", username);
        required(problems, "remote-path", remotePath);
        if (blank(knownHosts)) {
            problems.add(new ChannelProblem("known-hosts", "known-hosts is required: the server's host key is "
                    + "checked against it (an OpenSSH known_hosts file, e.g. made with ssh-keyscan and checked "
                    + "with the server's administrator)"));
        }
        if (port < 1 || port > 65535) {
            problems.add(new ChannelProblem("port", "port " + port + " is not between 1 and 65535"));
        }
        if (blank(passwordEnv) && blank(privateKey)) {
            problems.add(new ChannelProblem("", "give password-env (the environment variable holding the password) "
                    + "or private-key"));
        }
        environmentName(problems, "password-env", passwordEnv);
        environmentName(problems, "passphrase-env", passphraseEnv);
        if (!blank(passphraseEnv) && blank(privateKey)) {
            problems.add(new ChannelProblem("passphrase-env", "passphrase-env is the passphrase of private-key, "
                    + "which is not given"));
        }
        insideDataDirectory(problems, "private-key", privateKey);
        insideDataDirectory(problems, "known-hosts", knownHosts);
        if (afterLanding == AfterLanding.DELETE && !blank(donePath)) {
            problems.add(new ChannelProblem("done-path", "done-path is only used with after-landing: move"));
        }
        if (!blank(remotePath)) {
            if (afterLanding == AfterLanding.MOVE && !blank(donePath) && (sameDirectory(donePath, remotePath)
                    || sameDirectory(donePath, "."))) {
                problems.add(new ChannelProblem("done-path", "done-path must not be remote-path itself: landed "
                        + "files would be taken again"));
            }
            if (!blank(feedbackPath) && sameDirectory(feedbackPath, remotePath)) {
                problems.add(new ChannelProblem("feedback-path", "feedback-path must not be remote-path itself: "
                        + "feedback would be taken as a new file"));
            }
        }
        if (include != null && includePatterns().isEmpty()) {
            problems.add(new ChannelProblem("include", "include names no pattern (write e.g. \"*.xlsx,*.csv\", or "
                    + "leave it out to take every file)"));
        }
        if (settle.isNegative()) {
            problems.add(new ChannelProblem("settle", "settle must not be negative"));
        }
        if (retry.attempts() < 1) {
            problems.add(new ChannelProblem("retry.attempts", "attempts must be at least 1"));
        }
        if (retry.backoff().isNegative()) {
            problems.add(new ChannelProblem("retry.backoff", "backoff must not be negative"));
        }
        return problems;
    }

    private static void required(List<ChannelProblem> problems, String key, String value) {
        if (blank(value)) {
            problems.add(new ChannelProblem(key, key + " is required"));
        }
    }

    /** The value must name a variable; a value that does not is likely the secret itself, so it is not repeated. */
    private static void environmentName(List<ChannelProblem> problems, String key, String value) {
        if (!blank(value) && !ENV_NAME.matcher(value).matches()) {
            problems.add(new ChannelProblem(key, key + " must name an environment variable (letters, digits and _), "
                    + "never hold the secret itself"));
        }
    }

    private static void insideDataDirectory(List<ChannelProblem> problems, String key, String value) {
        if (!blank(value) && !Path.of(value).isAbsolute() && Path.of(value).normalize().startsWith("..")) {
            problems.add(new ChannelProblem(key, "'" + value + "' leaves the data directory: write an absolute path "
                    + "for a file outside it"));
        }
    }

    private static boolean sameDirectory(String a, String b) {
        return trimSlash(Path.of(a).normalize().toString()).equals(trimSlash(Path.of(b).normalize().toString()));
    }

    private static String trimSlash(String path) {
        String p = path.strip();
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
