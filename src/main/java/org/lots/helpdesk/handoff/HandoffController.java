package org.lots.helpdesk.handoff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lots.helpdesk.conversation.AttachmentSource;
import org.lots.helpdesk.conversation.TranscriptEntry;
import org.lots.helpdesk.engine.Output;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The adviser API (CONTRACT section 5), which the adviser console itself uses: the queue, claiming, the
 * conversation, messages to the newcomer, notes, transfer, close, canned replies and files.
 */
@RestController
@RequestMapping("/api/handoffs")
class HandoffController {

    /** Images a browser shows inline without running anything; everything else is offered as a download. */
    private static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private final HandoffService desk;
    private final HandoffAccess access;
    private final Outcomes outcomes;

    HandoffController(HandoffService desk, HandoffAccess access, Outcomes outcomes) {
        this.desk = desk;
        this.access = access;
        this.outcomes = outcomes;
    }

    /** The handoff if the caller may see it (an adviser: waiting chats and their own, now or before); else 404. */
    private Handoff visible(String id, Authentication auth) {
        return access.require(desk.get(id), actor(auth));
    }

    record TextRequest(String text, Boolean translate, String from) {}

    record CloseRequest(String outcome) {}

    record TransferRequest(String to) {}

    @ExceptionHandler(HandoffService.Refusal.class)
    ResponseEntity<Map<String, String>> refused(HandoffService.Refusal e) {
        return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
    }

    /**
     * {@code status=waiting} (default): the chats offered to the caller, oldest first ({@code scope=all}: every
     * waiting chat); {@code claimed}: chats advisers have ({@code mine=true}: the caller's); {@code closed}: the
     * latest closed chats.
     */
    @GetMapping
    ResponseEntity<?> list(@RequestParam(defaultValue = "waiting") String status, @RequestParam(defaultValue = "") String scope,
                           @RequestParam(defaultValue = "false") boolean mine, Authentication auth) {
        String me = auth.getName();
        switch (status.toLowerCase(Locale.ROOT)) {
            case "waiting" -> {
                List<Map<String, Object>> out = new ArrayList<>();
                for (HandoffService.Offer o : desk.waiting(me, scope.equalsIgnoreCase("all"))) {
                    Map<String, Object> item = summary(o.handoff());
                    item.put("offeredToAll", o.toAll());
                    out.add(item);
                }
                return ResponseEntity.ok(out);
            }
            case "claimed" -> {
                return ResponseEntity.ok(desk.claimed(mine || !actor(auth).admin() ? me : null).stream().map(this::summary).toList());
            }
            case "closed" -> {
                return ResponseEntity.ok(desk.closed().stream().filter(h -> access.visible(h, actor(auth))).map(this::summary).toList());
            }
            default -> {
                return ResponseEntity.badRequest().body(Map.of("error", "status must be waiting, claimed or closed"));
            }
        }
    }

    @GetMapping("/{id}")
    Map<String, Object> conversation(@PathVariable String id, @RequestParam(required = false) String translateTo, Authentication auth) {
        Handoff h = visible(id, auth);
        Map<String, Object> out = summary(h);
        out.put("conversationId", h.getConversationId());
        out.put("note", h.getNote());
        out.put("newcomerLanguage", desk.newcomerLanguage(h));
        out.put("claimedAt", iso(h.getClaimedAt()));
        out.put("closedAt", iso(h.getClosedAt()));
        out.put("closedBy", h.getClosedBy());
        out.put("outcome", h.getOutcome());
        out.put("followUps", h.getFollowUps().stream().map(f -> Map.of("outcome", f.outcome(), "at", iso(f.at()), "by", f.by())).toList());
        out.put("satisfaction", h.getSatisfaction());
        out.put("mine", h.getStatus() == Handoff.Status.CLAIMED && auth.getName().equals(h.getAdviser()));
        List<TranscriptEntry> entries = desk.transcript(h);
        Map<String, HandoffService.MessageSide> sides = desk.sides(h, entries, translateTo);
        List<Map<String, Object>> messages = new ArrayList<>();
        for (TranscriptEntry e : entries) {
            Map<String, Object> m = entry(e);
            m.put("direction", e.language() == null ? "auto" : desk.rightToLeft(e.language()) ? "rtl" : "ltr");
            if (e.adviser() != null) m.put("adviser", e.adviser());
            if (e.buttons() != null && !e.buttons().isEmpty()) m.put("buttons", e.buttons().stream().map(Output.Button::label).toList());
            HandoffService.MessageSide side = sides.get(e.id());
            if (side != null) {
                m.put(side.original() ? "original" : "translation", Map.of("language", side.language(), "text", side.text(),
                        "direction", desk.rightToLeft(side.language()) ? "rtl" : "ltr"));
            }
            messages.add(m);
        }
        out.put("messages", messages);
        out.put("files", desk.files(h).stream().map(f -> Map.of("id", f.id(), "kind", f.kind(), "at", iso(f.at()), "openable", f.openable())).toList());
        return out;
    }

    @PostMapping("/{id}/claim")
    Map<String, Object> claim(@PathVariable String id, Authentication auth) {
        return summary(desk.claim(id, actor(auth)));
    }

    @PostMapping("/{id}/messages")
    ResponseEntity<?> message(@PathVariable String id, @RequestBody(required = false) TextRequest request, Authentication auth) {
        visible(id, auth);
        if (request == null) return ResponseEntity.badRequest().body(Map.of("error", "send {\"text\": \"...\"}"));
        TranscriptEntry e = desk.send(id, actor(auth), request.text(), Boolean.TRUE.equals(request.translate()), request.from());
        return ResponseEntity.ok(entry(e));
    }

    @PostMapping("/{id}/notes")
    ResponseEntity<?> note(@PathVariable String id, @RequestBody(required = false) TextRequest request, Authentication auth) {
        Handoff h = visible(id, auth);
        if (!access.writable(h, actor(auth))) throw new HandoffService.Refusal(409, h.getAdviser() + " has this chat; only they can add notes");
        if (request == null) return ResponseEntity.badRequest().body(Map.of("error", "send {\"text\": \"...\"}"));
        return ResponseEntity.ok(entry(desk.note(id, actor(auth), request.text())));
    }

    @PostMapping("/{id}/transfer")
    ResponseEntity<?> transfer(@PathVariable String id, @RequestBody(required = false) TransferRequest request, Authentication auth) {
        visible(id, auth);
        if (request == null || request.to() == null) return ResponseEntity.badRequest().body(Map.of("error", "send {\"to\": \"username\"}"));
        return ResponseEntity.ok(summary(desk.transfer(id, actor(auth), request.to())));
    }

    @PostMapping("/{id}/close")
    ResponseEntity<?> close(@PathVariable String id, @RequestBody(required = false) CloseRequest request, Authentication auth) {
        visible(id, auth);
        String outcome = outcomes.parse(request == null ? null : request.outcome()).orElse(null);
        if (outcome == null) return ResponseEntity.badRequest().body(Map.of("error", outcomes.choices()));
        return ResponseEntity.ok(summary(desk.close(id, actor(auth), outcome)));
    }

    /** Ready-made replies in the newcomer's language, each with its meaning in the caller's language ({@code gloss}). */
    @GetMapping("/{id}/canned")
    List<HandoffService.Canned> canned(@PathVariable String id, @RequestParam(required = false) String gloss, Authentication auth) {
        return desk.canned(visible(id, auth), gloss);
    }

    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<?> file(@PathVariable String id, @PathVariable String fileId, Authentication auth) {
        AttachmentSource.Attachment a = desk.open(visible(id, auth), fileId)
                .orElseThrow(() -> new HandoffService.Refusal(404, "the channel no longer has this file"));
        MediaType type;
        try {
            type = a.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(a.contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        boolean inline = INLINE.contains(type.getType() + "/" + type.getSubtype());
        String name = a.fileName() == null || a.fileName().isBlank() ? "file" : a.fileName();
        return ResponseEntity.ok()
                .contentType(inline ? type : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(a.bytes());
    }

    private Map<String, Object> summary(Handoff h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.getId());
        m.put("language", h.getLanguage());
        m.put("topic", h.getTopic());
        m.put("since", iso(h.getRequestedAt()));
        m.put("preview", desk.preview(h));
        m.put("topicTitle", desk.topicTitle(h.getTopic(), null));
        m.put("direction", desk.rightToLeft(h.getLanguage()) ? "rtl" : "ltr");
        m.put("channel", h.getChannel());
        m.put("status", h.getStatus().name().toLowerCase(Locale.ROOT));
        m.put("adviser", h.getAdviser());
        m.put("lastActivityAt", iso(h.getLastActivityAt()));
        m.put("urgent", h.isUrgent());
        return m;
    }

    private static Map<String, Object> entry(TranscriptEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("author", e.author().name());
        m.put("text", e.text());
        m.put("at", iso(e.at()));
        m.put("language", e.language());
        return m;
    }

    static HandoffService.Actor actor(Authentication auth) {
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return new HandoffService.Actor(auth.getName(), admin);
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
