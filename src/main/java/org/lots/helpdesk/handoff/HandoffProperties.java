package org.lots.helpdesk.handoff;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code helpdesk.handoff.*}: how waiting chats are offered to advisers.
 *
 * @param offerAllAfter a waiting chat is offered first to online advisers who speak its language, and to every
 *                      adviser once it has waited this long
 * @param onlineWindow  an adviser counts as online while their console is connected or they used the adviser API
 *                      within this time
 */
@ConfigurationProperties("helpdesk.handoff")
public record HandoffProperties(@DefaultValue("2m") Duration offerAllAfter, @DefaultValue("5m") Duration onlineWindow) {}
