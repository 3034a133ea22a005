package org.creditexchange.ops.health;

import java.util.Optional;
import org.creditexchange.intake.collect.ChannelContacts;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * One remote channel (a unit's front-end database or SFTP directory), from its contact log: UP when its last
 * contact reached it, OUT_OF_SERVICE when that contact failed (with the failures since the last success and the
 * last error), UNKNOWN when it was never tried or the log cannot be read.
 */
final class FrontEndChannelHealthIndicator implements HealthIndicator {

    private final ChannelContacts contacts;
    private final String unit;
    private final String channel;

    FrontEndChannelHealthIndicator(ChannelContacts contacts, String unit, String channel) {
        this.contacts = contacts;
        this.unit = unit;
        this.channel = channel;
    }

    @Override
    public Health health() {
        Optional<ChannelContacts.State> state;
        try {
            state = contacts.state(unit, channel);
        } catch (RuntimeException e) {
            // The database is down: its own indicator says so; a channel's state is then unknown, not down.
            return Health.unknown().withDetail("error", "the contact log cannot be read").build();
        }
        if (state.isEmpty()) {
            return Health.unknown().withDetail("lastAttempt", "never").build();
        }
        ChannelContacts.State s = state.get();
        Health.Builder b = s.lastOk() ? Health.up() : Health.outOfService()
                .withDetail("failuresSinceLastSuccess", s.failuresSince())
                .withDetail("lastError", s.lastMessage() == null ? "" : s.lastMessage());
        b.withDetail("lastAttempt", s.lastAttempt().toString());
        b.withDetail("lastSuccess", s.lastSuccess() == null ? "never" : s.lastSuccess().toString());
        return b.build();
    }
}
