package org.lots.helpdesk.preview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Output;
import org.lots.helpdesk.engine.Trace;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The preview API: editors (and scripts) talk to the bot exactly as a newcomer would, and see why it answered.
 * Preview conversations are real conversations marked as preview, so they behave the same but stay out of the
 * adviser queue and statistics.
 */
@RestController
@RequestMapping("/api/preview/conversations")
class PreviewController {

    private final ConversationService conversations;

    PreviewController(ConversationService conversations) {
        this.conversations = conversations;
    }

    record StartRequest(String language) {}

    record MessageRequest(String text, String payload) {}

    /** {@code status}: machine-made texts are marked until a native speaker has reviewed them. */
    record Reply(String text, List<Output.Button> buttons, String direction, String status) {}

    @PostMapping
    ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) StartRequest request) {
        Conversation c = conversations.startPreview(request == null ? null : request.language());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", c.getId()));
    }

    @PostMapping("/{id}/messages")
    ResponseEntity<?> message(@PathVariable String id, @RequestBody(required = false) MessageRequest request) {
        if (request == null || (request.text() == null && request.payload() == null)) {
            return ResponseEntity.badRequest().body(Map.of("error", "send {\"text\": \"...\"} or {\"payload\": \"...\"}"));
        }
        Conversation c = conversations.find(id).filter(Conversation::isPreview).orElse(null);
        if (c == null) return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no preview conversation " + id));
        Input input = request.payload() != null ? new Input.Payload(request.payload()) : new Input.Text(request.text());
        ConversationService.Result result = conversations.receive(id, input).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("replies", result.turn().replies().stream()
                .map(r -> new Reply(r.text(), r.buttons(), r.rightToLeft() ? "rtl" : "ltr", r.status())).toList());
        Trace t = result.turn().trace();
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("language", t.language());
        trace.put("dialog", t.dialog());
        trace.put("step", t.step());
        trace.put("escalated", t.escalated());
        if (t.confidence() != null) trace.put("confidence", Math.round(t.confidence() * 1000) / 1000.0);
        if (!t.candidates().isEmpty()) trace.put("candidates", t.candidates());
        trace.put("variables", result.turn().state().variables()); // what the bot now knows (contract section 4)
        body.put("trace", trace);
        return ResponseEntity.ok(body);
    }
}
