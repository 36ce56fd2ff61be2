package org.lots.helpdesk.handoff;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A newcomer's request for a human adviser, from the moment the bot records it until an adviser closes it.
 * Changed only by single-document atomic updates (claim, transfer, close), each of which bumps {@code version}, so
 * that consoles on any instance notice the change.
 */
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
    /** The adviser who has the chat (CLAIMED) or had it last (CLOSED). */
    private String adviser;
    /** Every adviser who has had the chat: they may read it later, nobody else (but admins). */
    private java.util.Set<String> holders;
    private Instant claimedAt;
    private Instant closedAt;
    private String closedBy;
    /** What came of the chat, chosen on closing: an id of {@link Outcomes} (lower case; older ones upper case). */
    private String outcome;
    /** Outcomes the advisers who held the chat recorded later (a follow-up: "she got the job"). */
    private java.util.List<FollowUp> followUps;
    /** When an adviser first wrote to the newcomer: reports count the wait from {@code requestedAt}. */
    private Instant firstReplyAt;
    /** The newcomer's answer to the satisfaction question, 1..5, once given. */
    private Integer satisfaction;
    /** Closed, and the newcomer not yet told (their channel failed): {@link CloseNotices} tries again. */
    private Boolean closeNoticePending;
    /** The last time the newcomer or an adviser wrote while this handoff was open. */
    private Instant lastActivityAt;
    /**
     * The newcomer may be in danger (the safety dialogs, or an adviser's flag): first in the queue, offered to every
     * adviser. {@code urgentAt} is when it first became urgent and stays set when an adviser unflags it, so that
     * reports can count handoffs that were ever urgent ({@code urgentAt != null}); no text is kept for that.
     */
    private boolean urgent;
    private Instant urgentAt;
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
        this.lastActivityAt = requestedAt;
    }

    public String getId() { return id; }
    public String getConversationId() { return conversationId; }
    public String getChannel() { return channel; }
    public String getLanguage() { return language; }
    public String getTopic() { return topic; }
    public String getNote() { return note; }
    public Status getStatus() { return status; }
    public Instant getRequestedAt() { return requestedAt; }
    public String getAdviser() { return adviser; }
    public java.util.Set<String> getHolders() { return holders == null ? java.util.Set.of() : holders; }
    public Instant getClaimedAt() { return claimedAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
    public String getOutcome() { return outcome == null ? null : Outcomes.normal(outcome); }
    public java.util.List<FollowUp> getFollowUps() { return followUps == null ? java.util.List.of() : followUps; }
    public Instant getFirstReplyAt() { return firstReplyAt; }
    public Integer getSatisfaction() { return satisfaction; }
    public Instant getLastActivityAt() { return lastActivityAt; }
    public boolean isCloseNoticePending() { return Boolean.TRUE.equals(closeNoticePending); }
    public Long getVersion() { return version; }
    public boolean isUrgent() { return urgent; }
    public Instant getUrgentAt() { return urgentAt; }

    /** An outcome recorded after the chat was closed, by whom and when. */
    public record FollowUp(String outcome, Instant at, String by) {}

    /** A new handoff that is urgent from the start (a newcomer in danger). */
    Handoff urgentFrom(Instant at) {
        this.urgent = true;
        this.urgentAt = at;
        return this;
    }
}
