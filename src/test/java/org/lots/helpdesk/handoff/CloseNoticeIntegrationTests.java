package org.lots.helpdesk.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.Newcomers;
import org.lots.helpdesk.TestChannel;
import org.lots.helpdesk.conversation.ChannelGateway;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.ConversationService.Address;
import org.lots.helpdesk.engine.Output.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Telling the newcomer that an adviser closed the chat survives a channel that fails: the close stays pending on the
 * handoff and is delivered on a later round, once.
 */
@HelpdeskIntegrationTest
@Import({TestChannel.class, CloseNoticeIntegrationTests.Flaky.class})
@TestPropertySource(properties = "helpdesk.handoff.close-notice-retry=PT1H") // rounds run by hand here
class CloseNoticeIntegrationTests {

    /** A channel "flaky" that refuses every delivery while {@code down}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Flaky {
        @Bean
        FlakyChannel flakyChannel() {
            return new FlakyChannel();
        }
    }

    static final class FlakyChannel implements ChannelGateway {
        final AtomicBoolean down = new AtomicBoolean();
        final List<String> delivered = new CopyOnWriteArrayList<>();

        @Override
        public String channel() {
            return "flaky";
        }

        @Override
        public void deliver(Conversation conversation, List<Reply> replies) {
            if (down.get()) throw new IllegalStateException("channel down");
            replies.forEach(r -> delivered.add(r.text()));
        }
    }

    @LocalServerPort int port;
    @Autowired ConversationService conversations;
    @Autowired HandoffRepository handoffs;
    @Autowired FlakyChannel flaky;
    @Autowired CloseNotices notices;

    @Test
    void aCloseNoticeThatFailedIsDeliveredOnALaterRound() {
        Address a = new Address("flaky", "n1");
        var r = Newcomers.askForPerson(conversations, a, "en", "help with my cv");
        String id = handoffs.findFirstByConversationIdAndStatusIn(r.conversation().getId(), List.of(Handoff.Status.WAITING)).orElseThrow().getId();
        Api admin = new Api(port);
        assertEquals(200, admin.post("/api/handoffs/" + id + "/claim", null).status());

        flaky.down.set(true);
        assertEquals(200, admin.post("/api/handoffs/" + id + "/close", Map.of("outcome", "answered")).status());
        assertTrue(handoffs.findById(id).orElseThrow().isCloseNoticePending(), "pending after the failed delivery");
        assertEquals(0, notices.retryPending(), "still down");
        assertTrue(handoffs.findById(id).orElseThrow().isCloseNoticePending());

        flaky.down.set(false);
        assertEquals(1, notices.retryPending());
        assertTrue(flaky.delivered.stream().anyMatch(t -> t.contains("closed the chat")), flaky.delivered.toString());
        assertFalse(handoffs.findById(id).orElseThrow().isCloseNoticePending());
        assertEquals(0, notices.retryPending(), "delivered once");
    }

    @Test
    void aCloseThatReachedTheNewcomerLeavesNothingPending() {
        Address a = new Address(TestChannel.NAME, "closed-fine");
        var r = Newcomers.askForPerson(conversations, a, "en", "help with my cv");
        String id = handoffs.findFirstByConversationIdAndStatusIn(r.conversation().getId(), List.of(Handoff.Status.WAITING)).orElseThrow().getId();
        assertEquals(200, new Api(port).post("/api/handoffs/" + id + "/close", Map.of("outcome", "no_response")).status());
        assertFalse(handoffs.findById(id).orElseThrow().isCloseNoticePending());
    }
}
