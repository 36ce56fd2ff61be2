package org.lots.helpdesk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lots.helpdesk.conversation.AttachmentSource;
import org.lots.helpdesk.conversation.ChannelGateway;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.engine.Output.Reply;
import org.lots.helpdesk.translator.LibreTranslateClient;
import org.lots.helpdesk.translator.Translator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What every test application context shares (so that Spring's context cache can give them all one context):
 * a fake channel "test" (newcomers talk through the real ConversationService with {@code Address("test", ...)},
 * and what the help desk sends them on their own channel lands in {@link Recorder}); a hand-moved, ticking clock
 * starting on a Wednesday at 10:00 in Stockholm (within the shipped office hours); and translation through the
 * shared {@link LibreTranslateStub#tagging()} stub.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestChannel {

    public static final String NAME = "test";
    public static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    @Bean
    Recorder testChannelGateway() {
        return new Recorder();
    }

    @Bean
    AttachmentSource testChannelFiles() {
        return new AttachmentSource() {
            @Override
            public String channel() {
                return NAME;
            }

            @Override
            public Optional<Attachment> open(String reference) {
                if (!reference.startsWith("file-")) return Optional.empty();
                return Optional.of(new Attachment(reference + ".txt", "text/plain", ("contents of " + reference).getBytes(StandardCharsets.UTF_8)));
            }
        };
    }

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock(START);
    }

    @Bean
    @Primary
    Translator testTranslator() {
        return new LibreTranslateClient(LibreTranslateStub.tagging().url(), "", Duration.ofSeconds(5));
    }

    /** Everything delivered on the test channel, per newcomer address. */
    public static final class Recorder implements ChannelGateway {
        private final Map<String, List<Reply>> delivered = new HashMap<>();

        @Override
        public String channel() {
            return NAME;
        }

        @Override
        public synchronized void deliver(Conversation conversation, List<Reply> replies) {
            delivered.computeIfAbsent(conversation.getAddress(), a -> new ArrayList<>()).addAll(replies);
        }

        public synchronized List<Reply> to(String address) {
            return List.copyOf(delivered.getOrDefault(address, List.of()));
        }

        public List<String> textsTo(String address) {
            return to(address).stream().map(Reply::text).toList();
        }
    }
}
