package org.lots.helpdesk.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.handoff.HandoffProperties;
import org.lots.helpdesk.handoff.Presence;
import org.lots.helpdesk.translator.Translator;
import org.lots.helpdesk.users.UserAccount;
import org.lots.helpdesk.users.UserService;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Console-only endpoints: the CSRF token for the pages, who is logged in, advisers to transfer to, the event stream. */
@RestController
class ConsoleController {

    private final UserService users;
    private final ContentService content;
    private final Translator translator;
    private final Presence presence;
    private final HandoffProperties handoff;
    private final ConsoleEvents events;

    ConsoleController(UserService users, ContentService content, Translator translator, Presence presence,
                      HandoffProperties handoff, ConsoleEvents events) {
        this.users = users;
        this.content = content;
        this.translator = translator;
        this.presence = presence;
        this.handoff = handoff;
        this.events = events;
    }

    /** The pages are static files; they fetch the session's CSRF token here and send it with every change. */
    @GetMapping("/console/csrf")
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("token", token.getToken(), "header", token.getHeaderName(), "parameter", token.getParameterName());
    }

    @GetMapping("/api/console/me")
    Map<String, Object> me(Authentication auth) {
        UserAccount a = users.find(auth.getName()).orElse(null);
        Catalogue catalogue = content.current().content().catalogue();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", auth.getName());
        out.put("roles", a == null ? Set.of() : a.roles());
        out.put("languages", a == null ? List.of() : a.languages());
        out.put("translator", translator.enabled());
        out.put("languageNames", catalogue.names());
        out.put("rightToLeft", catalogue.languages().stream().filter(catalogue::isRightToLeft).toList());
        out.put("offerAllAfterSeconds", handoff.offerAllAfter().toSeconds());
        return out;
    }

    /** Advisers a chat can be transferred to, with their languages and whether they are online. */
    @GetMapping("/api/console/advisers")
    List<Map<String, Object>> advisers() {
        Set<String> online = presence.online();
        return users.all().stream().filter(u -> u.enabled() && u.roles().contains(UserAccount.Role.ADVISER))
                .sorted((x, y) -> x.username().compareToIgnoreCase(y.username()))
                .map(u -> Map.<String, Object>of("username", u.username(), "languages", u.languages(), "online", online.contains(u.username())))
                .toList();
    }

    @GetMapping("/api/console/stream")
    SseEmitter stream(Authentication auth) {
        return events.subscribe(auth.getName());
    }
}
