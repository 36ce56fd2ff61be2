package org.lots.helpdesk.channel.telegram;

import java.time.Clock;
import java.util.List;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.conversation.ConversationRepository;
import org.lots.helpdesk.limits.LimitsProperties;
import org.lots.helpdesk.limits.RateLimits;
import org.lots.helpdesk.system.HelpdeskProperties;
import org.springframework.stereotype.Component;

/**
 * Messages per chat ({@code helpdesk.limits.chat-per-minute}, {@code chat-burst}): past the limit a chat's
 * messages are not run through the bot; the first one over it gets "please wait a minute" in the chat's language,
 * the rest nothing (answering each would be a flood of our own). Nothing stored is touched.
 */
@Component
@ConditionalOnTelegram
class ChatFloods {

    private final RateLimits limits;
    private final ConversationRepository conversations;
    private final ContentService content;
    private final String fallback;

    ChatFloods(LimitsProperties properties, ConversationRepository conversations, ContentService content, Clock clock,
               HelpdeskProperties helpdesk) {
        this.fallback = helpdesk.fallbackLanguage();
        this.limits = new RateLimits(properties.chatPerMinute(), properties.chatBurst(), 100_000, clock);
        this.conversations = conversations;
        this.content = content;
    }

    /** Null when the chat may go on; else what to send it (possibly nothing). */
    List<OutboundMessage> refusal(long chatId, String languageHint) {
        RateLimits.Verdict v = limits.take(String.valueOf(chatId));
        if (v == RateLimits.Verdict.ALLOWED) return null;
        if (v == RateLimits.Verdict.REFUSED) return List.of();
        String language = conversations.findByChannelAndAddress(UpdateHandler.CHANNEL, String.valueOf(chatId))
                .map(c -> c.getState().language()).orElse(null);
        if (language == null) language = content.current().content().languages().contains(languageHint) ? languageHint : fallback;
        return List.of(OutboundMessage.send(chatId, content.current().texts().format(language, "system.slow_down"), List.of()));
    }
}
