package org.lots.helpdesk.reports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param conversationGap a pause longer than this ends a conversation for reports: the newcomer's next message
 *                        starts a new one (default one day)
 * @param flushEvery      how often counted events go to the store in one batch (also before every report and at
 *                        shutdown)
 * @param maxDays         the longest period one report covers
 */
@ConfigurationProperties("helpdesk.reports")
public record ReportsProperties(@DefaultValue("PT24H") Duration conversationGap, @DefaultValue("PT10S") Duration flushEvery,
                                @DefaultValue("1100") int maxDays) {}
