package org.lots.helpdesk.handoff;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A file a newcomer sent while an adviser was (or was awaited) in the chat: the channel's reference, so that the
 * adviser can open it through that channel's {@code AttachmentSource}. The file itself stays with the channel.
 */
@Document("newcomer_files")
record NewcomerFile(@Id String id, @Indexed String conversationId, String channel, String kind, String reference, Instant at) {}
