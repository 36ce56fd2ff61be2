package org.lots.helpdesk.conversation;

import java.util.Optional;

/** Opens a file a newcomer sent (by the channel's reference), for an adviser who wants to see it. */
public interface AttachmentSource {

    /** The channel whose references this source understands. */
    String channel();

    Optional<Attachment> open(String reference);

    record Attachment(String fileName, String contentType, byte[] bytes) {}
}
