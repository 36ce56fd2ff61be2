package org.lots.helpdesk.channel.webchat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.conversation.HelplineSource;
import org.lots.helpdesk.conversation.TranscriptEntry;
import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.engine.ConversationState;
import org.lots.helpdesk.engine.Helpline;
import org.lots.helpdesk.engine.Output;
import org.lots.helpdesk.engine.Turn;
import org.lots.helpdesk.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web chat API (CONTRACT section 8): public, keyed by a per-conversation token, never a way to anything else.
 * A missing token gets 401; a wrong one, or a conversation that does not exist, 404 with the same words, so that
 * no answer tells whether a conversation exists.
 */
@RestController
@RequestMapping("/webchat")
class WebchatController {

    private static final Logger log = LoggerFactory.getLogger(WebchatController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The widget's own words are the texts {@code webchat.<name>} in translations/*.yaml. */
    static final String UI_PREFIX = "webchat.";

    private final ConversationService conversations;
    private final WebchatSessions sessions;
    private final WebchatEvents events;
    private final WebchatLimiter limiter;
    private final ContentService content;
    private final WebchatProperties properties;
    private final HelplineSource helplines;

    WebchatController(ConversationService conversations, WebchatSessions sessions, WebchatEvents events,
                      WebchatLimiter limiter, ContentService content, WebchatProperties properties,
                      ObjectProvider<HelplineSource> helplines) {
        this.conversations = conversations;
        this.sessions = sessions;
        this.events = events;
        this.limiter = limiter;
        this.content = content;
        this.properties = properties;
        this.helplines = helplines.getIfAvailable(() -> c -> Helpline.UNKNOWN);
    }

    /** A refusal with a short JSON reason. */
    static final class Refusal extends RuntimeException {
        final HttpStatus status;

        Refusal(HttpStatus status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, String>> refused(Refusal r) {
        return ResponseEntity.status(r.status).body(Map.of("error", r.getMessage()));
    }

    // ---------------------------------------------------------------- the conversation

    @PostMapping("/conversations")
    ResponseEntity<Map<String, String>> start(HttpServletRequest request) {
        JsonNode body = body(request);
        limit("client:" + request.getRemoteAddr(), properties.perClient(), "too many requests from this address; wait a minute");
        String language = body.path("language").isString() ? body.path("language").asString() : null;
        Conversation c = conversations.start(WebchatGateway.CHANNEL, false, language);
        String token = sessions.issue(c.getId());
        log.info("Web chat conversation {} started", c.getId());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", c.getId(), "token", token));
    }

    @PostMapping("/conversations/{id}/messages")
    Map<String, Object> message(@PathVariable String id, @RequestHeader(name = "Authorization", required = false) String authorization,
                                HttpServletRequest request) {
        Conversation c = open(id, bearer(authorization));
        JsonNode body = body(request);
        String text = body.path("text").isString() ? body.path("text").asString() : null;
        String payload = body.path("payload").isString() ? body.path("payload").asString() : null;
        if ((text == null || text.isBlank()) && (payload == null || payload.isBlank())) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "send {\"text\": \"...\"} or {\"payload\": \"...\"}");
        }
        if ((text != null && text.length() > properties.maxMessageChars()) || (payload != null && payload.length() > 200)) {
            throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "the message is too long: at most " + properties.maxMessageChars() + " characters");
        }
        limit("conversation:" + c.getId(), properties.perConversation(), "too many messages in this conversation; wait a minute");
        limit("client:" + request.getRemoteAddr(), properties.perClient(), "too many requests from this address; wait a minute");
        ConversationService.Result result = conversations.receive(c, WebchatInput.of(text, payload)) // no second read
                .orElseThrow(() -> gone());
        Turn turn = result.turn();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("replies", turn.replies().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", r.text());
            m.put("buttons", buttons(r.buttons()));
            return m;
        }).toList());
        language(out, turn.state().language());
        if (turn.outputs().stream().anyMatch(Output.ForgetRequested.class::isInstance)) out.put("forgotten", true);
        else out.put("status", status(result.conversation(), turn.state()));
        return out;
    }

    @GetMapping("/conversations/{id}")
    Map<String, Object> history(@PathVariable String id, @RequestHeader(name = "Authorization", required = false) String authorization) {
        Conversation c = open(id, bearer(authorization));
        long last = sessions.lastPushed(c.getId()); // read first: the stream then starts after what this shows
        List<Map<String, Object>> messages = new ArrayList<>();
        Map<String, String> labels = new HashMap<>(); // payload -> label of the buttons last shown
        for (TranscriptEntry e : conversations.transcript(c.getId())) {
            String from;
            String text = e.text();
            switch (e.author()) {
                case NEWCOMER -> {
                    from = "newcomer";
                    if (text.startsWith("/start")) continue; // the widget's own opening, not something they wrote
                    if (text.startsWith("[button ") && text.endsWith("]")) {
                        String label = labels.get(text.substring(8, text.length() - 1));
                        if (label == null) continue;
                        text = label;
                    }
                }
                case BOT -> from = "bot";
                case ADVISER -> from = "adviser";
                default -> { continue; } // advisers' internal notes never leave the console
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", from);
            m.put("text", text);
            m.put("at", e.at().toString());
            if (e.buttons() != null && !e.buttons().isEmpty()) {
                m.put("buttons", buttons(e.buttons()));
                e.buttons().forEach(b -> { if (b.payload() != null) labels.put(b.payload(), b.label()); });
            }
            messages.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        language(out, c.getState().language());
        out.put("messages", messages);
        out.put("lastEventId", last);
        out.put("status", status(c, c.getState()));
        return out;
    }

    /** {@code after}: the event id the widget has seen (from the history); a reconnect's Last-Event-ID wins. */
    @GetMapping(path = "/conversations/{id}/events", produces = "text/event-stream")
    SseEmitter events(@PathVariable String id, @RequestHeader(name = "Authorization", required = false) String authorization,
                      @RequestParam(required = false) String token, @RequestParam(required = false) Long after,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Conversation c = open(id, authorization != null ? bearer(authorization) : token);
        Long from = after;
        if (lastEventId != null) {
            try {
                from = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                // not one of ours: start from now
            }
        }
        return events.subscribe(c.getId(), from);
    }

    @DeleteMapping("/conversations/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, @RequestHeader(name = "Authorization", required = false) String authorization) {
        Conversation c = open(id, bearer(authorization));
        // Today /forget's deletion (ConversationService.forget publishes ForgetRequested; handoffs, files and this
        // channel's session and pushes listen). The privacy work's deletion service is to be called here instead.
        conversations.forget(c.getId());
        sessions.revoke(c.getId());
        log.info("Web chat conversation {} deleted at the newcomer's request", c.getId());
        return ResponseEntity.noContent().build();
    }

    // ---------------------------------------------------------------- what the widget shows around it

    /** The languages, each named in itself, with the widget's words in it. Public and the same for everyone. */
    @GetMapping("/languages")
    ResponseEntity<Map<String, Object>> languages() {
        var k = content.current();
        Catalogue catalogue = k.content().catalogue();
        Texts texts = k.texts();
        List<String> keys = catalogue.language(catalogue.fallback()).map(l -> l.texts().keySet().stream()
                .filter(key -> key.startsWith(UI_PREFIX)).sorted().toList()).orElse(List.of());
        List<Map<String, Object>> list = new ArrayList<>();
        catalogue.names().forEach((code, name) -> {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("code", code);
            l.put("name", name);
            l.put("direction", catalogue.isRightToLeft(code) ? "rtl" : "ltr");
            Map<String, String> ui = new LinkedHashMap<>();
            for (String key : keys) ui.put(key.substring(UI_PREFIX.length()), texts.raw(code, key));
            l.put("ui", ui);
            list.add(l);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fallback", catalogue.fallback());
        out.put("languages", list);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic()).body(out);
    }

    // ---------------------------------------------------------------- helpers

    static List<Map<String, String>> buttons(List<Output.Button> buttons) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Output.Button b : buttons == null ? List.<Output.Button>of() : buttons) {
            if (b.label() == null || b.label().isBlank()) continue;
            Map<String, String> m = new LinkedHashMap<>();
            m.put("label", b.label());
            if (b.url() != null) {
                if (!b.url().startsWith("https://") && !b.url().startsWith("http://")) continue; // nothing a page could run
                m.put("url", b.url());
            } else if (b.payload() != null) {
                m.put("payload", b.payload());
            } else {
                continue;
            }
            out.add(m);
        }
        return out;
    }

    private void language(Map<String, Object> out, String language) {
        String l = language == null ? content.current().content().catalogue().fallback() : language;
        out.put("language", l);
        out.put("direction", content.current().content().catalogue().isRightToLeft(l) ? "rtl" : "ltr");
    }

    /** Where the person part stands: bot, waiting (with the place in the queue), closed (with the opening), adviser. */
    private Map<String, Object> status(Conversation c, ConversationState state) {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (state.mode()) {
            case HUMAN -> s.put("state", "adviser");
            case WAITING -> {
                Helpline.Availability a = helplines.forConversation(c).availability();
                if (a instanceof Helpline.Closed closed) {
                    s.put("state", "closed");
                    s.put("opens", closed.opens().toOffsetDateTime().toString());
                } else {
                    s.put("state", "waiting");
                    if (a instanceof Helpline.Open open) s.put("position", open.position());
                }
            }
            default -> s.put("state", "bot");
        }
        return s;
    }

    private Conversation open(String id, String token) {
        if (token == null || token.isBlank()) throw new Refusal(HttpStatus.UNAUTHORIZED, "send the conversation's token: Authorization: Bearer TOKEN");
        if (!sessions.opens(id, token)) throw gone();
        return conversations.find(id).filter(c -> WebchatGateway.CHANNEL.equals(c.getChannel())).orElseThrow(WebchatController::gone);
    }

    private static Refusal gone() {
        return new Refusal(HttpStatus.NOT_FOUND, "no such conversation, or the token does not open it");
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        return authorization.substring(7).trim();
    }

    private void limit(String key, int limit, String reason) {
        if (!limiter.allow(key, limit)) throw new Refusal(HttpStatus.TOO_MANY_REQUESTS, reason);
    }

    /** The JSON body, read no further than the size limit: a larger one gets 413 at once. */
    private JsonNode body(HttpServletRequest request) {
        int max = properties.maxBodyBytes();
        if (request.getContentLengthLong() > max) throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "the request is too large");
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(max + 1);
        } catch (IOException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "the request could not be read");
        }
        if (bytes.length > max) throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "the request is too large");
        if (bytes.length == 0) return JSON.createObjectNode();
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject()) throw new Refusal(HttpStatus.BAD_REQUEST, "send a JSON object");
            return n;
        } catch (JacksonException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "the request is not JSON");
        }
    }
}
