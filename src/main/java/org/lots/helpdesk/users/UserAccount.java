package org.lots.helpdesk.users;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person who works the help desk: adviser, editor, admin. The password is only ever stored hashed. */
@Document("users")
public record UserAccount(@Id String username, String passwordHash, Set<Role> roles, List<String> languages,
                          boolean enabled, Instant createdAt) {

    public enum Role { ADVISER, EDITOR, ADMIN }

    public UserAccount disabled() {
        return new UserAccount(username, passwordHash, roles, languages, false, createdAt);
    }
}
