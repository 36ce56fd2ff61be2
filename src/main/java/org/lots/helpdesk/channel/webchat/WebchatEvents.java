package org.lots.helpdesk.channel.webchat;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.lots.helpdesk.conversation.ConversationEvent;
import org.lots.helpdesk.engine.Output;
import org.lots.helpdesk.store.Change;
import org.lots.helpdesk.store.ChangeFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;

/**
 * The widgets' live streams (server-sent events). Every stream remembers the last event id it sent; whatever was
 * pushed after it is sent in order, so a stream opened with {@code Last-Event-ID} (the browser's reconnect, also
 * after a restart of the help desk) gets exactly what it missed and nothing twice. Pushes made on this instance
 * are sent at once, those made on another instance as soon as the database tells ({@link ChangeFeed}); a slow poll
 * is the safety net.
 */
@Component
class WebchatEvents {

    private static final Logger log = LoggerFactory.getLogger(WebchatEvents.class);
    private static final long STREAM_MILLIS = 30 * 60 * 1000L;
    /** The safety net under the change feed (one query per open stream): slow on purpose. */
    private static final long POLL_MILLIS = 10_000, HEARTBEAT_MILLIS = 25_000;
    /** Bounds the open streams: one conversation has one widget, a few tabs at most. */
    static final int MAX_STREAMS_PER_CONVERSATION = 5;

    private final WebchatSessions sessions;
    private final ChangeFeed feed;
    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();
    /** One thread writes every stream: an emitter must not be written by two threads at once. */
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webchat-events");
        t.setDaemon(true);
        return t;
    });

    private static final class Stream {
        final SseEmitter emitter = new SseEmitter(STREAM_MILLIS);
        long lastSent;

        Stream(long lastSent) {
            this.lastSent = lastSent;
        }
    }

    WebchatEvents(WebchatSessions sessions, Clock clock, WebchatProperties properties, ChangeFeed feed) {
        this.sessions = sessions;
        this.feed = feed;
        sender.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        sender.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        sender.scheduleWithFixedDelay(() -> {
            try {
                sessions.purgeBefore(clock.instant().minus(properties.keepPushes()));
            } catch (RuntimeException e) {
                log.warn("Web chat push purge failed: {}", e.getClass().getSimpleName());
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    /** A stream of what is pushed after {@code after} (null: from now on). */
    SseEmitter subscribe(String conversationId, Long after) {
        Stream s = new Stream(after != null && after >= 0 ? after : sessions.lastPushed(conversationId));
        Set<Stream> mine = streams.computeIfAbsent(conversationId, k -> ConcurrentHashMap.newKeySet());
        if (mine.size() >= MAX_STREAMS_PER_CONVERSATION) {
            mine.stream().findFirst().ifPresent(old -> close(conversationId, old)); // the oldest tab gives way
        }
        mine.add(s);
        s.emitter.onCompletion(() -> remove(conversationId, s));
        s.emitter.onTimeout(() -> close(conversationId, s));
        s.emitter.onError(e -> remove(conversationId, s));
        sender.execute(() -> {
            send(conversationId, s, SseEmitter.event().name("hello").reconnectTime(2000).data("{}", MediaType.APPLICATION_JSON));
            flush(conversationId, s);
        });
        return s.emitter;
    }

    /** Something was pushed to the conversation: send it to its open streams, here and on the other instances. */
    void pushed(String conversationId) {
        feed.publish("webchat", null, conversationId);
        if (streams.containsKey(conversationId)) sender.execute(() -> flush(conversationId));
    }

    /** Pushed on another instance (through the database). */
    @EventListener
    void on(Change change) {
        if ("webchat".equals(change.topic()) && streams.containsKey(change.conversationId())) {
            sender.execute(() -> flush(change.conversationId()));
        }
    }

    @EventListener
    void on(ConversationEvent event) {
        if (!(event.output() instanceof Output.ForgetRequested)) return;
        Set<Stream> gone = streams.remove(event.conversationId());
        if (gone != null) sender.execute(() -> gone.forEach(s -> s.emitter.complete()));
    }

    private void flush(String conversationId) {
        Set<Stream> mine = streams.get(conversationId);
        if (mine != null) for (Stream s : mine) flush(conversationId, s);
    }

    private void flush(String conversationId, Stream s) {
        List<WebchatPush> missed = sessions.pushedAfter(conversationId, s.lastSent);
        for (WebchatPush p : missed) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("from", p.from());
            data.put("text", p.text());
            data.put("at", p.at().toString());
            if (p.buttons() != null && !p.buttons().isEmpty()) data.put("buttons", WebchatController.buttons(p.buttons()));
            if (!send(conversationId, s, SseEmitter.event().id(Long.toString(p.seq())).name("message")
                    .data(data, MediaType.APPLICATION_JSON))) return;
            s.lastSent = p.seq();
        }
    }

    private void poll() {
        try {
            streams.keySet().forEach(this::flush);
        } catch (RuntimeException e) {
            log.warn("Web chat poll failed: {}", e.getClass().getSimpleName());
        }
    }

    private void heartbeat() {
        streams.forEach((id, mine) -> mine.forEach(s -> send(id, s, SseEmitter.event().comment("ping"))));
    }

    private boolean send(String conversationId, Stream s, SseEmitter.SseEventBuilder event) {
        try {
            s.emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException e) {
            remove(conversationId, s); // the widget went away; its EventSource reconnects if it is still there
            return false;
        }
    }

    private void close(String conversationId, Stream s) {
        remove(conversationId, s);
        try {
            s.emitter.complete();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    private void remove(String conversationId, Stream s) {
        streams.computeIfPresent(conversationId, (k, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }

    int open() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
        streams.values().forEach(set -> set.forEach(s -> {
            try {
                s.emitter.complete();
            } catch (RuntimeException ignored) {
                // shutting down anyway
            }
        }));
    }
}
