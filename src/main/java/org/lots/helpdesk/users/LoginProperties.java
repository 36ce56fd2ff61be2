package org.lots.helpdesk.users;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code helpdesk.login.*}: throttling of wrong passwords, for the console and HTTP Basic alike. From the last free
 * failure on, each failure makes the next attempt wait twice as long as the one before, starting at
 * {@code firstDelay}. Counted per account and client (the guesser's own attempts), per client (one address trying
 * many names) and per account (many addresses trying one name). Only the waits of one account from one address
 * (the guesser's own) grow to {@code maxDelay}; those a stranger can cause to others (per client: people behind one
 * address; per account) never exceed {@code accountMaxDelay}, so that no one is kept out for longer.
 *
 * @param freeFailures        wrong passwords for one account from one client after which waits begin
 * @param clientFreeFailures  wrong passwords from one client (any names) after which waits begin
 * @param accountFreeFailures wrong passwords for one account (any clients) after which waits begin
 * @param firstDelay          the first wait; doubled with each further failure
 * @param maxDelay            the longest wait for one account from one client
 * @param accountMaxDelay     the longest wait for a client address or an account as a whole (at most one minute)
 * @param forgetAfter         failures older than this are forgotten
 * @param maxEntries          most throttling records kept in the store; the oldest go first
 */
@ConfigurationProperties("helpdesk.login")
public record LoginProperties(
        @DefaultValue("3") int freeFailures,
        @DefaultValue("20") int clientFreeFailures,
        @DefaultValue("10") int accountFreeFailures,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("15m") Duration maxDelay,
        @DefaultValue("60s") Duration accountMaxDelay,
        @DefaultValue("1h") Duration forgetAfter,
        @DefaultValue("100000") int maxEntries) {

    public LoginProperties {
        if (accountMaxDelay.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("helpdesk.login.account-max-delay may be at most 60s: a stranger must never keep a person out longer");
        }
    }
}
