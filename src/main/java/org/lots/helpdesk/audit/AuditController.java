package org.lots.helpdesk.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/audit} (role ADMIN): the audit log, newest first, filtered by actor, action or target. */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/admin/audit")
    ResponseEntity<?> read(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                           @RequestParam(required = false) String target, @RequestParam(required = false) String before,
                           @RequestParam(defaultValue = "200") int limit) {
        Instant until;
        try {
            until = before == null || before.isBlank() ? null : Instant.parse(before);
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "before must be an ISO-8601 instant, e.g. 2026-12-01T10:00:00Z"));
        }
        List<AuditEntry> entries = audit.read(actor, action, target, until, limit);
        return ResponseEntity.ok(entries);
    }
}
