package org.lots.helpdesk.audit;

import java.util.Map;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records every call of a person to the parts of the API that touch newcomers' data or accounts, after it was
 * answered, with the status it got: ids from the path only, never a body. What is not listed (the queue, the console's
 * own calls, previews) is not an action on anyone's data and would only drown the log.
 */
class AuditInterceptor implements HandlerInterceptor {

    /** Request attribute a controller sets when the target id is not in the path (a user created by POST). */
    static final String TARGET = AuditInterceptor.class.getName() + ".target";

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("GET /api/handoffs/{id}", "chat.view"),
            Map.entry("POST /api/handoffs/{id}/claim", "chat.claim"),
            Map.entry("POST /api/handoffs/{id}/messages", "chat.message"),
            Map.entry("POST /api/handoffs/{id}/notes", "chat.note"),
            Map.entry("POST /api/handoffs/{id}/transfer", "chat.transfer"),
            Map.entry("POST /api/handoffs/{id}/close", "chat.close"),
            Map.entry("GET /api/handoffs/{id}/files/{fileId}", "chat.file_download"),
            Map.entry("GET /api/editor/unanswered", "unanswered.view"),
            Map.entry("GET /api/studio/inbox", "unanswered.view"),
            Map.entry("POST /api/studio/inbox/{id}/example", "unanswered.to_example"),
            Map.entry("GET /api/admin/users", "user.list"),
            Map.entry("GET /api/admin/users/{username}", "user.view"),
            Map.entry("POST /api/admin/users", "user.create"),
            Map.entry("PUT /api/admin/users/{username}", "user.update"),
            Map.entry("POST /api/admin/users/{username}/password", "user.password"),
            Map.entry("POST /api/admin/users/{username}/disable", "user.disable"),
            Map.entry("POST /api/admin/users/{username}/enable", "user.enable"),
            Map.entry("POST /api/admin/users/{username}/unlock", "user.unlock"),
            Map.entry("GET /api/admin/audit", "audit.view"));

    private final AuditLog audit;

    AuditInterceptor(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) return;
        String key = request.getMethod() + " " + pattern;
        String action = ACTIONS.get(key);
        if (action == null && (key.startsWith("GET /api/reports/") || key.endsWith(".xliff"))) {
            action = request.getMethod().equals("GET") ? "export" : "import";
        }
        if (action == null) return;
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken) return;
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String target = vars == null ? null : vars.getOrDefault("id", vars.get("username"));
        if (target == null && vars != null) target = vars.get("lang");
        if (target == null && request.getAttribute(TARGET) instanceof String t) target = t;
        String detail = vars == null ? null : vars.get("fileId");
        int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
        audit.record(auth.getName(), action, target, detail, status);
    }

}
