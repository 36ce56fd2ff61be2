package org.lots.helpdesk.channel.telegram;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How several instances share one bot ({@code telegram.cluster.*}); one instance needs no change of these.
 *
 * @param chatLease    how long an instance holds a chat while it handles its updates; another instance takes the
 *                     chat over once the lease ran out (the holder died), so a handled update must take far less
 * @param sweepEvery   how often each instance looks for recorded updates nobody is handling (a dead instance's)
 * @param pollingLease how long the polling instance holds the polling lease; renewed every third of it, and taken
 *                     over by another instance within about this long after the holder died
 * @param claimStale   an outbox message claimed this long ago and still there is taken over by another instance
 */
@ConfigurationProperties("telegram.cluster")
record ClusterProperties(@DefaultValue("30s") Duration chatLease, @DefaultValue("2s") Duration sweepEvery,
                         @DefaultValue("10s") Duration pollingLease, @DefaultValue("60s") Duration claimStale) {}
