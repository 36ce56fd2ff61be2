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

    /** CONTRACT section 6: ADVISER takes chats, EDITOR edits content, REVIEWER reviews translations in their languages,
     *  COORDINATOR reads reports, ADMIN manages users and may see every chat. */
    public enum Role { ADVISER, EDITOR, REVIEWER, COORDINATOR, ADMIN }

    public UserAccount disabled() {
        return new UserAccount(username, passwordHash, roles, languages, false, createdAt);
    }
}
