package org.lots.helpdesk.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.lots.helpdesk.engine.ConversationState;
import org.lots.helpdesk.engine.Output;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One newcomer's conversation on one channel. The engine's state is stored whole; {@code version} makes two
 * messages handled at once (on one instance or several) retry instead of overwriting each other.
 */
@Document("conversations")
@CompoundIndex(name = "channel_address", def = "{'channel': 1, 'address': 1}", unique = true)
public class Conversation {

    @Id
    private String id;
    private String channel;
    /** The channel's own id for the newcomer (a Telegram chat id, a web chat session). */
    private String address;
    /** Preview conversations are never shown to advisers nor counted. */
    private boolean preview;
    private ConversationState state;
    @Version
    private Long version;
    private Instant createdAt;
    private Instant updatedAt;
    /** When the newcomer was told what is stored and for how long (the first turn); null before. */
    private Instant privacyNoticeAt;
    /**
     * The channel's ids of the last inputs whose turn ran (a Telegram update), saved with the state in the same
     * versioned write: an input delivered again after a crash is recognised even when its turn sent nothing.
     */
    private List<String> handledInputs;
    /** The replies of the last handled input, kept so that they can still be sent when a crash came first. */
    private String lastInput;
    private List<Output.Reply> lastReplies;
    /** Transcript entries numbered so far (their ids are {@code id:0 .. id:n-1}); absent in older documents. */
    private Long transcriptCount;
    /** Stored before transcript entries were numbered: its older entries are found by conversation id. */
    private boolean legacyTranscript;
    /** What reports counted of the current session (no content); see {@link TurnCounter}. */
    private CountedSession counted;

    protected Conversation() {}

    public Conversation(String id, String channel, String address, boolean preview, ConversationState state, Instant now) {
        this.id = id;
        this.channel = channel;
        this.address = address;
        this.preview = preview;
        this.state = state;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String getId() { return id; }
    public String getChannel() { return channel; }
    public String getAddress() { return address; }
    public boolean isPreview() { return preview; }
    public ConversationState getState() { return state; }
    public Long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getPrivacyNoticeAt() { return privacyNoticeAt; }
    public CountedSession getCounted() { return counted; }

    void counted(CountedSession session) {
        this.counted = session;
    }

    void noticed(Instant now) {
        this.privacyNoticeAt = now;
    }

    void update(ConversationState state, Instant now) {
        this.state = state;
        this.updatedAt = now;
    }

    long transcriptCount() {
        return transcriptCount == null ? 0 : transcriptCount;
    }

    boolean legacyTranscript() {
        return legacyTranscript;
    }

    /** The number of the first of {@code count} new transcript entries. */
    long reserveTranscript(int count) {
        if (transcriptCount == null) {
            legacyTranscript = version != null; // an older document: its entries so far are not numbered
            transcriptCount = 0L;
        }
        long first = transcriptCount;
        transcriptCount += count;
        return first;
    }

    /** Enough to cover what a channel may deliver again (Telegram redelivers unconfirmed updates in order). */
    static final int HANDLED_INPUTS = 16;

    boolean handled(String inputId) {
        return inputId != null && handledInputs != null && handledInputs.contains(inputId);
    }

    /** The replies of a handled input if it was the last one; none otherwise (they were delivered then). */
    List<Output> repliesTo(String inputId) {
        return inputId.equals(lastInput) && lastReplies != null ? new ArrayList<>(lastReplies) : List.of();
    }

    void handledInput(String inputId, List<Output.Reply> replies) {
        if (inputId == null) return;
        lastInput = inputId;
        lastReplies = List.copyOf(replies);
        List<String> ids = handledInputs == null ? new ArrayList<>() : new ArrayList<>(handledInputs);
        ids.add(inputId);
        handledInputs = ids.size() > HANDLED_INPUTS ? List.copyOf(ids.subList(ids.size() - HANDLED_INPUTS, ids.size())) : ids;
    }
}
