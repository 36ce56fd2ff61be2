package org.lots.helpdesk.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long what newcomers leave here is kept ({@code helpdesk.retention.*}, CONTRACT section 1).
 *
 * @param inactiveConversations a conversation with no message for this long is deleted with everything about it
 *                              (unless a handoff of it is open or closed less than {@code closedHandoffs} ago)
 * @param closedHandoffs        closed handoffs, with their notes, files and translations, are deleted this long
 *                              after closing
 * @param unanswered            unanswered-question entries are deleted after this long
 * @param audit                 audit log entries (ids only, no message text) are deleted after this long
 * @param purgeEvery            how often the purge runs
 */
@ConfigurationProperties("helpdesk.retention")
public record RetentionProperties(
        @DefaultValue("P90D") Duration inactiveConversations,
        @DefaultValue("P365D") Duration closedHandoffs,
        @DefaultValue("P90D") Duration unanswered,
        @DefaultValue("P730D") Duration audit,
        @DefaultValue("PT1H") Duration purgeEvery) {}
