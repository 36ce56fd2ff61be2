package org.lots.helpdesk.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lots.helpdesk.Api;
import org.lots.helpdesk.HelpdeskIntegrationTest;
import org.lots.helpdesk.users.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Roles (CONTRACT section 6) on every endpoint: the table below names who may call each one, and the test calls each
 * endpoint anonymously and as a user of every other role, expecting 401 and 403. The endpoints come from Spring's own
 * handler mapping, so that a new endpoint without a row here fails this test until someone decides who may call it.
 */
@HelpdeskIntegrationTest
class AccessRulesIntegrationTests {

    static final String PASSWORD = "Roles-Secret-2026!x";
    static final String PUBLIC = "PUBLIC", ANY = "ANY_USER";
    static final List<String> ROLES = List.of("ADVISER", "EDITOR", "REVIEWER", "COORDINATOR", "ADMIN");

    /** "METHOD pattern" -> the roles that may call it (PUBLIC: anyone; ANY_USER: any logged-in user). */
    static final Map<String, Set<String>> RULES = new TreeMap<>(Map.ofEntries(
            Map.entry("POST /api/preview/conversations", Set.of("EDITOR")),
            Map.entry("POST /api/preview/conversations/{id}/messages", Set.of("EDITOR")),
            Map.entry("GET /api/editor/unanswered", Set.of("EDITOR")),
            Map.entry("GET /api/editor/translations", Set.of("EDITOR")),
            // simulator: the preview trace's transcript actions; studio.health: the content health page's data
            Map.entry("GET /api/preview/conversations/{id}/transcript.yaml", Set.of("EDITOR")),
            Map.entry("GET /api/preview/transcripts", Set.of("EDITOR")),
            Map.entry("GET /api/editor/health", Set.of("EDITOR")),
            Map.entry("GET /api/handoffs", Set.of("ADVISER", "ADMIN")),
            Map.entry("GET /api/handoffs/{id}", Set.of("ADVISER", "ADMIN")),
            Map.entry("POST /api/handoffs/{id}/claim", Set.of("ADVISER", "ADMIN")),
            Map.entry("POST /api/handoffs/{id}/messages", Set.of("ADVISER", "ADMIN")),
            Map.entry("POST /api/handoffs/{id}/notes", Set.of("ADVISER", "ADMIN")),
            Map.entry("POST /api/handoffs/{id}/transfer", Set.of("ADVISER", "ADMIN")),
            Map.entry("POST /api/handoffs/{id}/close", Set.of("ADVISER", "ADMIN")),
            Map.entry("GET /api/handoffs/{id}/canned", Set.of("ADVISER", "ADMIN")),
            Map.entry("GET /api/handoffs/{id}/files/{fileId}", Set.of("ADVISER", "ADMIN")),
            Map.entry("GET /api/console/me", Set.of(ANY)),
            Map.entry("GET /api/console/advisers", Set.of("ADVISER", "ADMIN")),
            Map.entry("GET /api/console/stream", Set.of("ADVISER", "ADMIN")),
            Map.entry("GET /console/csrf", Set.of(PUBLIC)), // the login page needs its CSRF token
            Map.entry("POST /api/admin/users", Set.of("ADMIN")),
            Map.entry("GET /api/admin/users", Set.of("ADMIN")),
            Map.entry("GET /api/admin/users/{username}", Set.of("ADMIN")),
            Map.entry("PUT /api/admin/users/{username}", Set.of("ADMIN")),
            Map.entry("POST /api/admin/users/{username}/password", Set.of("ADMIN")),
            Map.entry("POST /api/admin/users/{username}/disable", Set.of("ADMIN")),
            Map.entry("POST /api/admin/users/{username}/enable", Set.of("ADMIN")),
            Map.entry("POST /api/admin/users/{username}/unlock", Set.of("ADMIN")),
            Map.entry("GET /api/admin/audit", Set.of("ADMIN")),
            Map.entry("POST /api/handoffs/{id}/urgent", Set.of("ADVISER", "ADMIN")),
            // The studio: a REVIEWER only in their own languages (StudioApiIntegrationTests); here the language is unknown.
            Map.entry("GET /api/studio/status", Set.of("EDITOR", "REVIEWER")),
            Map.entry("GET /api/studio/review/{lang}", Set.of("EDITOR", "REVIEWER")),
            Map.entry("PUT /api/studio/review/{lang}", Set.of("EDITOR", "REVIEWER")),
            Map.entry("GET /api/studio/examples/{lang}", Set.of("EDITOR", "REVIEWER")),
            Map.entry("POST /api/studio/examples/{lang}/{dialog}", Set.of("EDITOR", "REVIEWER")),
            Map.entry("GET /api/studio/history", Set.of("EDITOR", "REVIEWER")),
            Map.entry("GET /api/studio/history/file", Set.of("EDITOR", "REVIEWER")),
            Map.entry("POST /api/studio/history/restore", Set.of("EDITOR", "REVIEWER")),
            Map.entry("GET /api/studio/inbox", Set.of("EDITOR")), // newcomers' questions
            Map.entry("POST /api/studio/inbox/{id}/example", Set.of("EDITOR")),
            Map.entry("GET /api/editor/translations/{lang}.xliff", Set.of("EDITOR", "REVIEWER")),
            Map.entry("PUT /api/editor/translations/{lang}.xliff", Set.of("EDITOR", "REVIEWER")),
            // reports (issue 13): outcomes for the console, follow-ups, the coordinator's summary, the editors' failures
            Map.entry("GET /api/console/outcomes", Set.of("ADVISER", "ADMIN", "COORDINATOR")),
            Map.entry("POST /api/handoffs/{id}/outcomes", Set.of("ADVISER", "ADMIN")),
            Map.entry("GET /api/reports/summary", Set.of("COORDINATOR")),
            Map.entry("GET /api/reports/summary.csv", Set.of("COORDINATOR")),
            Map.entry("GET /api/editor/failures", Set.of("EDITOR")),
            // The web chat is public: its per-conversation token is the key (WebchatApiIntegrationTests).
            Map.entry("POST /webchat/conversations", Set.of(PUBLIC)),
            Map.entry("POST /webchat/conversations/{id}/messages", Set.of(PUBLIC)),
            Map.entry("GET /webchat/conversations/{id}", Set.of(PUBLIC)),
            Map.entry("GET /webchat/conversations/{id}/events", Set.of(PUBLIC)),
            Map.entry("DELETE /webchat/conversations/{id}", Set.of(PUBLIC)),
            Map.entry("GET /webchat/languages", Set.of(PUBLIC)),
            Map.entry("POST /telegram/webhook", Set.of(PUBLIC))));

    /** Pages that are static files (not in the handler mapping). */
    static final Map<String, Set<String>> PAGES = Map.ofEntries(
            Map.entry("GET /console/simulator.html", Set.of("EDITOR")),
            Map.entry("GET /console/simulator.js", Set.of("EDITOR")),
            Map.entry("GET /console/health.html", Set.of("EDITOR")),
            Map.entry("GET /console/health.js", Set.of("EDITOR")),
            Map.entry("GET /console/review.html", Set.of("EDITOR", "REVIEWER")),
            Map.entry("GET /console/examples.html", Set.of("EDITOR", "REVIEWER")),
            Map.entry("GET /console/studio.js", Set.of("EDITOR", "REVIEWER")),
            Map.entry("GET /console/reports.html", Set.of("COORDINATOR")),
            Map.entry("GET /console/reports.js", Set.of("COORDINATOR")),
            Map.entry("GET /console/failures.html", Set.of("EDITOR")),
            Map.entry("GET /console/failures.js", Set.of("EDITOR")),
            Map.entry("GET /console/admin.html", Set.of("ADMIN")),
            Map.entry("GET /console/admin.js", Set.of("ADMIN")),
            Map.entry("GET /console/index.html", Set.of(ANY)));

    /** Endpoints that stream (an allowed call would not end): only the refusals are checked. */
    static final Set<String> STREAMS = Set.of("GET /api/console/stream");

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    @BeforeEach
    void oneUserPerRole() {
        for (String role : ROLES) {
            String name = "only-" + role.toLowerCase();
            if (users.find(name).isEmpty()) users.create(name, PASSWORD, List.of(role), List.of("sv"));
        }
    }

    /** The help desk's own endpoints (not Spring's error page), as "METHOD pattern". */
    Set<String> endpoints() {
        Set<String> out = new TreeSet<>();
        for (var e : mapping.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("org.lots.helpdesk")) continue;
            RequestMappingInfo info = e.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) out.add("GET " + pattern);
                for (RequestMethod m : methods) out.add(m.name() + " " + pattern);
            }
        }
        return out;
    }

    @Test
    void everyEndpointHasARule() {
        Set<String> missing = new TreeSet<>(endpoints());
        missing.removeAll(RULES.keySet());
        assertTrue(missing.isEmpty(), "endpoints without a row in AccessRulesIntegrationTests.RULES: " + missing);
    }

    @Test
    void anonymousCallersAndWrongRolesAreRefusedEverywhere() {
        Map<String, Set<String>> all = new TreeMap<>(RULES);
        all.putAll(PAGES);
        Set<String> present = endpoints();
        List<String> wrong = new ArrayList<>();
        for (var rule : all.entrySet()) {
            if (RULES.containsKey(rule.getKey()) && !present.contains(rule.getKey())) continue; // e.g. Telegram is off here
            String method = rule.getKey().split(" ", 2)[0];
            String path = rule.getKey().split(" ", 2)[1].replaceAll("\\{[^}]+}", "x1");
            Set<String> allowed = rule.getValue();
            if (allowed.contains(PUBLIC)) continue;
            int anonymous = new Api(port, null, null).send(method, path, "{}").status();
            if (anonymous != 401 && !(anonymous == 302 && !path.startsWith("/api/"))) wrong.add(rule.getKey() + " anonymous: " + anonymous);
            for (String role : ROLES) {
                boolean may = allowed.contains(ANY) || allowed.contains(role);
                if (may && STREAMS.contains(rule.getKey())) continue;
                int status = new Api(port, "only-" + role.toLowerCase(), PASSWORD).send(method, path, "{}").status();
                if (!may && status != 403) wrong.add(rule.getKey() + " as " + role + ": " + status + " (expected 403)");
                if (may && (status == 401 || status == 403)) wrong.add(rule.getKey() + " as " + role + ": " + status + " (expected access)");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void anApiPathWithoutARuleIsClosedEvenToAdmins() {
        assertEquals(403, new Api(port).get("/api/not-yet-there").status());
    }
}
