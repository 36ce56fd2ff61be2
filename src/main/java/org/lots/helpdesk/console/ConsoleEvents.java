package org.lots.helpdesk.console;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffChanged;
import org.lots.helpdesk.handoff.HandoffRepository;
import org.lots.helpdesk.handoff.Presence;
import org.lots.helpdesk.store.Change;
import org.lots.helpdesk.store.ChangeFeed;
import org.lots.helpdesk.users.UserChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;

/**
 * Pushes "something changed" to every open adviser console (server-sent events), so that the queue and the open
 * conversation refresh without reloading. Changes made on this instance are pushed at once, and through the
 * database ({@link ChangeFeed}) to the consoles connected to other instances; a poll of the open handoffs' versions
 * is the safety net. Events carry ids only: the console fetches the rest
 * through the adviser API, with the adviser's own rights.
 */
@Component
class ConsoleEvents {

    private static final Logger log = LoggerFactory.getLogger(ConsoleEvents.class);
    /** EventSource reconnects by itself; a bounded stream keeps dead connections from piling up. */
    private static final long STREAM_MILLIS = 30 * 60 * 1000L;
    private static final long POLL_MILLIS = 1000, HEARTBEAT_MILLIS = 25_000;

    private final HandoffRepository handoffs;
    private final Presence presence;
    private final ChangeFeed feed;
    private final Map<SseEmitter, String> streams = new ConcurrentHashMap<>();
    /** One thread sends everything: an emitter must not be written by two threads at once. */
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "console-events");
        t.setDaemon(true);
        return t;
    });
    /** Open handoff id -> version, as last seen by the poll (sender thread only). */
    private Map<String, Long> versions = null;

    ConsoleEvents(HandoffRepository handoffs, Presence presence, ChangeFeed feed) {
        this.feed = feed;
        this.handoffs = handoffs;
        this.presence = presence;
        sender.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        sender.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Bounds on open streams: a user's many tabs, or a script reconnecting in a loop, cannot pile them up. */
    static final int MAX_PER_USER = 10, MAX_STREAMS = 1000;

    SseEmitter subscribe(String username) {
        long mine = streams.values().stream().filter(username::equals).count();
        if (mine >= MAX_PER_USER || streams.size() >= MAX_STREAMS) {
            // The oldest would be better to close, but any one of this user's frees the place; it reconnects later.
            streams.entrySet().stream().filter(e -> mine >= MAX_PER_USER ? username.equals(e.getValue()) : true).findFirst()
                    .ifPresent(e -> {
                        streams.remove(e.getKey());
                        sender.execute(() -> e.getKey().complete());
                    });
        }
        SseEmitter emitter = new SseEmitter(STREAM_MILLIS);
        streams.put(emitter, username);
        emitter.onCompletion(() -> streams.remove(emitter));
        emitter.onTimeout(() -> {
            streams.remove(emitter);
            emitter.complete();
        });
        emitter.onError(e -> streams.remove(emitter));
        presence.seen(username);
        sender.execute(() -> send(emitter, SseEmitter.event().name("hello").reconnectTime(2000).data("{}", MediaType.APPLICATION_JSON)));
        return emitter;
    }

    /** An admin changed the user's account: their streams end now (the session check refuses the reconnect). */
    @EventListener
    void on(UserChanged change) {
        streams.forEach((emitter, user) -> {
            if (user.equals(change.username())) sender.execute(() -> {
                streams.remove(emitter);
                emitter.complete();
            });
        });
    }

    @EventListener
    void on(HandoffChanged change) {
        feed.publish("handoff", change.handoffId(), change.conversationId()); // the other instances' consoles
        broadcast(change.handoffId(), change.conversationId());
    }

    /** A handoff changed on another instance (through the database). */
    @EventListener
    void on(Change change) {
        if ("handoff".equals(change.topic())) broadcast(change.id(), change.conversationId());
    }

    private void broadcast(String handoffId, String conversationId) {
        if (streams.isEmpty()) return;
        String data = "{\"id\":" + quote(handoffId) + ",\"conversationId\":" + quote(conversationId) + "}";
        sender.execute(() -> broadcast(data));
    }

    private void poll() {
        try {
            if (streams.isEmpty()) {
                versions = null;
                return;
            }
            Map<String, Long> now = new HashMap<>();
            Map<String, String> conversations = new HashMap<>();
            for (Handoff h : handoffs.findByStatusIn(List.of(Handoff.Status.WAITING, Handoff.Status.CLAIMED))) {
                now.put(h.getId(), h.getVersion() == null ? 0L : h.getVersion());
                conversations.put(h.getId(), h.getConversationId());
            }
            Map<String, Long> before = versions;
            versions = now;
            if (before == null) return; // the consoles fetched the current state when they connected
            Set<String> changed = new HashSet<>();
            now.forEach((id, v) -> { if (!v.equals(before.get(id))) changed.add(id); });
            before.keySet().forEach(id -> { if (!now.containsKey(id)) changed.add(id); });
            for (String id : changed) {
                broadcast("{\"id\":" + quote(id) + ",\"conversationId\":" + quote(conversations.get(id)) + "}");
            }
        } catch (RuntimeException e) {
            log.warn("Console poll failed: {}", e.toString());
        }
    }

    private void heartbeat() {
        try {
            for (Map.Entry<SseEmitter, String> s : streams.entrySet()) {
                presence.seen(s.getValue());
                send(s.getKey(), SseEmitter.event().comment("ping"));
            }
        } catch (RuntimeException e) {
            log.warn("Console heartbeat failed: {}", e.toString());
        }
    }

    private void broadcast(String data) {
        for (SseEmitter emitter : streams.keySet()) {
            send(emitter, SseEmitter.event().name("handoff").data(data, MediaType.APPLICATION_JSON));
        }
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            streams.remove(emitter); // the browser went away; its EventSource reconnects if it is still there
        }
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
        streams.keySet().forEach(e -> {
            try {
                e.complete();
            } catch (RuntimeException ignored) {
                // the container is shutting down anyway
            }
        });
    }
}
