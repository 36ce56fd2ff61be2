package org.lots.helpdesk.users;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin API: users, their roles and languages. Never returns password hashes. */
@RestController
@RequestMapping("/api/admin/users")
class AdminController {

    private final UserService users;

    AdminController(UserService users) {
        this.users = users;
    }

    record CreateUser(String username, String password, List<String> roles, List<String> languages) {}

    record UserView(String username, Set<UserAccount.Role> roles, List<String> languages, boolean enabled, Instant createdAt) {
        static UserView of(UserAccount a) {
            return new UserView(a.username(), a.roles(), a.languages(), a.enabled(), a.createdAt());
        }
    }

    @PostMapping
    ResponseEntity<?> create(@RequestBody CreateUser request) {
        try {
            UserAccount a = users.create(request.username(), request.password(), request.roles(), request.languages());
            return ResponseEntity.status(HttpStatus.CREATED).body(UserView.of(a));
        } catch (UserService.InvalidUser e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        } catch (DuplicateKeyException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "user '" + request.username() + "' exists"));
        }
    }

    @GetMapping
    List<UserView> list() {
        return users.all().stream().map(UserView::of).toList();
    }

    @PostMapping("/{username}/disable")
    ResponseEntity<?> disable(@PathVariable String username) {
        return users.disable(username) ? ResponseEntity.ok(Map.of("username", username, "enabled", false))
                : ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no user '" + username + "'"));
    }
}
