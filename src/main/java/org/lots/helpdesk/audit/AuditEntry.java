package org.lots.helpdesk.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One thing a person (or the help desk itself) did: who, what, when, to which record. Never message text, names of
 * newcomers or request bodies: ids only, so that the log can outlive the conversations it names.
 *
 * @param actor  the user name, or {@code system} for the retention purge and a newcomer's own deletion
 * @param action e.g. {@code chat.view}, {@code chat.close}, {@code user.disable}, {@code conversation.delete}
 * @param target the id acted on (a handoff, a user name, a conversation), null if none
 * @param detail a second id where one matters (a file id), null otherwise
 * @param status the HTTP status the action got (403 and 404 show refused attempts); null outside HTTP
 */
@Document("audit")
public record AuditEntry(@Id String id, @Indexed Instant at, String actor, String action, String target, String detail,
                         Integer status) {}
