package org.lots.helpdesk.preview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.conversation.Conversation;
import org.lots.helpdesk.conversation.ConversationService;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Output;
import org.lots.helpdesk.engine.Trace;
import org.lots.helpdesk.engine.Turn;
import org.lots.helpdesk.i18n.TextUses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The preview API: editors (and scripts) talk to the bot exactly as a newcomer would, and see why it answered.
 * Preview conversations are real conversations marked as preview, so they behave the same but stay out of the
 * adviser queue and statistics. The simulator page in the console is built on it.
 */
@RestController
@RequestMapping("/api/preview")
class PreviewController {

    private static final MediaType YAML = new MediaType("application", "yaml", java.nio.charset.StandardCharsets.UTF_8);
    private final ConversationService conversations;
    private final ContentService content;
    private final PreviewTurns turns;
    private final TranscriptFiles transcripts;
    private final Clock clock;

    PreviewController(ConversationService conversations, ContentService content, PreviewTurns turns,
                      TranscriptFiles transcripts, Clock clock) {
        this.conversations = conversations;
        this.content = content;
        this.turns = turns;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    record StartRequest(String language) {}

    record MessageRequest(String text, String payload) {}

    @PostMapping("/conversations")
    ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) StartRequest request) {
        Conversation c = conversations.startPreview(request == null ? null : request.language());
        turns.started(c.getId(), c.getState().language());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", c.getId()));
    }

    @PostMapping("/conversations/{id}/messages")
    ResponseEntity<?> message(@PathVariable String id, @RequestBody(required = false) MessageRequest request) {
        if (request == null || (request.text() == null && request.payload() == null)) {
            return ResponseEntity.badRequest().body(Map.of("error", "send {\"text\": \"...\"} or {\"payload\": \"...\"}"));
        }
        Conversation c = conversations.find(id).filter(Conversation::isPreview).orElse(null);
        if (c == null) return notFound(id);
        Input input = request.payload() != null ? new Input.Payload(request.payload()) : new Input.Text(request.text());
        // Which texts the turn formatted, so that each shown one is given with its key and review status.
        var recorded = TextUses.during(() -> conversations.receive(id, input).orElseThrow());
        Turn turn = recorded.result().turn();
        PreviewAnswer answer = PreviewAnswer.of(turn, new ShownTexts(recorded.uses(), content.current().texts()));
        turns.add(id, logged(input, turn, answer));
        return ResponseEntity.ok(answer.body());
    }

    /** This conversation as a golden transcript (dialogs/tests/README.md), for the editor to check and save. */
    @GetMapping("/conversations/{id}/transcript.yaml")
    ResponseEntity<?> transcript(@PathVariable String id) {
        var log = turns.log(id).orElse(null);
        if (log == null || log.turns().isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error",
                    "no turns of preview conversation " + id + " on this server (the simulator keeps recent ones in memory)"));
        }
        String first = log.turns().get(0).dialog();
        String file = (first == null ? "simulator" : first) + ".simulator.yaml";
        return ResponseEntity.ok().contentType(YAML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(GoldenTranscriptWriter.write(log, LocalDate.now(clock)));
    }

    /** The golden transcript files that go through a dialog (or its sub-dialogs), with their text. */
    @GetMapping("/transcripts")
    Map<String, Object> transcripts(@RequestParam String dialog) {
        List<TranscriptFiles.File> files = transcripts.about(dialog);
        return Map.of("dialog", dialog, "files", files);
    }

    private static PreviewTurns.Turn logged(Input input, Turn turn, PreviewAnswer answer) {
        String value = input instanceof Input.Text t ? t.text() : ((Input.Payload) input).payload();
        Trace t = turn.trace();
        List<String> says = answer.replies().stream().map(PreviewAnswer.Reply::key).filter(Objects::nonNull).toList();
        List<PreviewAnswer.Button> offered = answer.replies().stream().flatMap(r -> r.buttons().stream()).toList();
        boolean handoff = turn.outputs().stream().anyMatch(Output.HandoffRequested.class::isInstance);
        return new PreviewTurns.Turn(input instanceof Input.Text ? "say" : "payload", value, t.language(), t.dialog(), t.step(),
                t.escalated(), handoff, t.candidates(), answer.replies().size(), says, new HashMap<>(turn.state().variables()), offered);
    }

    private static ResponseEntity<?> notFound(String id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no preview conversation " + id));
    }
}
