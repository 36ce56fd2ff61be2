package org.lots.helpdesk.handoff;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A newcomer's request for a human adviser, from the moment the bot records it until an adviser closes it. */
@Document("handoffs")
public class Handoff {

    public enum Status { WAITING, CLAIMED, CLOSED }

    @Id
    private String id;
    @Indexed
    private String conversationId;
    private String channel;
    private String language;
    private String topic;
    private String note;
    @Indexed
    private Status status;
    private Instant requestedAt;
    @Version
    private Long version;

    protected Handoff() {}

    public Handoff(String conversationId, String channel, String language, String topic, String note, Instant requestedAt) {
        this.conversationId = conversationId;
        this.channel = channel;
        this.language = language;
        this.topic = topic;
        this.note = note;
        this.status = Status.WAITING;
        this.requestedAt = requestedAt;
    }

    public String getId() { return id; }
    public String getConversationId() { return conversationId; }
    public String getChannel() { return channel; }
    public String getLanguage() { return language; }
    public String getTopic() { return topic; }
    public String getNote() { return note; }
    public Status getStatus() { return status; }
    public Instant getRequestedAt() { return requestedAt; }
    public Long getVersion() { return version; }
}
