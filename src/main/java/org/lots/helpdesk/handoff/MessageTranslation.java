package org.lots.helpdesk.handoff;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The other-language side of a transcript entry. For a newcomer's message: a machine translation for the adviser
 * (a cache; {@code original} false). For an adviser's translated reply, the transcript holds what the newcomer got
 * and this holds the adviser's own words ({@code original} true), so that both originals are kept.
 *
 * @param id {@code entryId:language}
 */
@Document("message_translations")
record MessageTranslation(@Id String id, @Indexed String conversationId, String entryId, String language, String text,
                          boolean original) {

    static String id(String entryId, String language) {
        return entryId + ":" + language;
    }
}
