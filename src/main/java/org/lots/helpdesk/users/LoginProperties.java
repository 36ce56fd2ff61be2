package org.lots.helpdesk.users;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code helpdesk.login.*}: lock-out against password guessing, per username, for the console and HTTP Basic alike.
 *
 * @param maxFailures wrong passwords in a row (within {@code lockFor}) that lock the account
 * @param lockFor     how long the account stays locked (an admin can unlock it sooner)
 */
@ConfigurationProperties("helpdesk.login")
public record LoginProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockFor) {}
