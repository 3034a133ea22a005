package org.creditexchange.intake;

import java.time.Duration;

/**
 * How a remote channel (a front-end database, an SFTP server) is retried when it cannot be reached.
 *
 * @param attempts how many tries in all (default 3)
 * @param backoff  the wait before the second try, doubled before each further one (default 10 s)
 */
public record RetryDefinition(Integer attempts, Duration backoff) {

    public static final RetryDefinition DEFAULT = new RetryDefinition(3, Duration.ofSeconds(10));

    public RetryDefinition {
        attempts = attempts == null ? 3 : attempts;
        backoff = backoff == null ? Duration.ofSeconds(10) : backoff;
    }

    /** The wait before try {@code attempt} (2, 3, …): backoff, 2 × backoff, 4 × backoff… */
    public Duration waitBefore(int attempt) {
        return backoff.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 2)));
    }
}
