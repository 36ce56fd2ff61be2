package org.lots.helpdesk.handoff;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/handoffs/{id}/urgent} with {@code {"urgent": true}} or {@code false} (role ADVISER, as all of
 * {@code /api/handoffs/**}): an adviser flags a chat as urgent, or unflags a false alarm. Answers the flag as it
 * now stands.
 */
@RestController
class UrgentController {

    private final UrgentHandoffs urgent;

    UrgentController(UrgentHandoffs urgent) {
        this.urgent = urgent;
    }

    record UrgentRequest(Boolean urgent) {}

    @ExceptionHandler(HandoffService.Refusal.class)
    ResponseEntity<Map<String, String>> refused(HandoffService.Refusal e) {
        return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
    }

    @PostMapping("/api/handoffs/{id}/urgent")
    ResponseEntity<?> set(@PathVariable String id, @RequestBody(required = false) UrgentRequest request, Authentication auth) {
        if (request == null || request.urgent() == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "send {\"urgent\": true} or {\"urgent\": false}"));
        }
        Handoff h = urgent.set(id, request.urgent(), auth.getName());
        return ResponseEntity.ok(Map.of("id", h.getId(), "urgent", h.isUrgent(), "status", h.getStatus().name().toLowerCase(java.util.Locale.ROOT)));
    }
}
