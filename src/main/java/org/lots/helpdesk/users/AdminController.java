package org.lots.helpdesk.users;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lots.helpdesk.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin API: users, their roles and languages. Never returns password hashes. */
@RestController
@RequestMapping("/api/admin/users")
class AdminController {

    private final UserService users;
    private final ApplicationEventPublisher events;

    AdminController(UserService users, ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    /** Ends the user's open sessions and event streams after a change to their account. */
    private <T> T changed(String username, T result) {
        events.publishEvent(new UserChanged(username));
        return result;
    }

    record CreateUser(String username, String password, List<String> roles, List<String> languages) {}

    /** @param roles null: unchanged; @param languages null: unchanged */
    record UpdateUser(List<String> roles, List<String> languages) {}

    record PasswordChange(String password) {}

    /** @param lockedUntil set while the account is locked after too many wrong passwords */
    record UserView(String username, Set<UserAccount.Role> roles, List<String> languages, boolean enabled, Instant createdAt,
                    Instant lockedUntil) {}

    private UserView view(UserAccount a) {
        return new UserView(a.username(), a.roles(), a.languages(), a.enabled(), a.createdAt(), users.lockedUntil(a.username()));
    }

    @PostMapping
    ResponseEntity<?> create(@RequestBody CreateUser request, jakarta.servlet.http.HttpServletRequest http) {
        AuditLog.target(http, request.username());
        try {
            UserAccount a = users.create(request.username(), request.password(), request.roles(), request.languages());
            return ResponseEntity.status(HttpStatus.CREATED).body(view(a));
        } catch (UserService.InvalidUser e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        } catch (DuplicateKeyException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "user '" + request.username() + "' exists"));
        }
    }

    @GetMapping
    List<UserView> list() {
        return users.all().stream().map(this::view).toList();
    }

    @GetMapping("/{username}")
    ResponseEntity<?> one(@PathVariable String username) {
        return users.find(username).<ResponseEntity<?>>map(a -> ResponseEntity.ok(view(a))).orElseGet(() -> notFound(username));
    }

    /** Sets the roles and/or languages of an existing user; an admin cannot take away their own ADMIN role. */
    @PutMapping("/{username}")
    ResponseEntity<?> update(@PathVariable String username, @RequestBody(required = false) UpdateUser request, Principal me) {
        if (request == null || (request.roles() == null && request.languages() == null)) {
            return ResponseEntity.badRequest().body(Map.of("error", "send {\"roles\": [...]} and/or {\"languages\": [...]}"));
        }
        if (username.equals(me.getName()) && request.roles() != null
                && request.roles().stream().noneMatch(r -> "ADMIN".equalsIgnoreCase(r))) {
            return ResponseEntity.badRequest().body(Map.of("error", "you cannot take away your own ADMIN role"));
        }
        try {
            return users.update(username, request.roles(), request.languages())
                    .<ResponseEntity<?>>map(a -> changed(username, ResponseEntity.ok(view(a)))).orElseGet(() -> notFound(username));
        } catch (UserService.InvalidUser e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
    }

    @PostMapping("/{username}/password")
    ResponseEntity<?> password(@PathVariable String username, @RequestBody(required = false) PasswordChange request) {
        try {
            return users.setPassword(username, request == null ? null : request.password())
                    .<ResponseEntity<?>>map(a -> changed(username, ResponseEntity.ok(view(a)))).orElseGet(() -> notFound(username));
        } catch (UserService.InvalidUser e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
    }

    @PostMapping("/{username}/disable")
    ResponseEntity<?> disable(@PathVariable String username, Principal me) {
        if (username.equals(me.getName())) return ResponseEntity.badRequest().body(Map.of("error", "you cannot disable yourself"));
        return users.disable(username) ? changed(username, ResponseEntity.ok(Map.of("username", username, "enabled", false))) : notFound(username);
    }

    @PostMapping("/{username}/enable")
    ResponseEntity<?> enable(@PathVariable String username) {
        return users.enable(username) ? ResponseEntity.ok(Map.of("username", username, "enabled", true)) : notFound(username);
    }

    /** Lifts a lock-out after too many wrong passwords before it runs out. */
    @PostMapping("/{username}/unlock")
    ResponseEntity<?> unlock(@PathVariable String username) {
        return users.unlock(username) ? ResponseEntity.ok(Map.of("username", username, "locked", false)) : notFound(username);
    }

    private static ResponseEntity<?> notFound(String username) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no user '" + username + "'"));
    }
}
