package org.lots.helpdesk.conversation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A conversation's transcript, found through the primary key only. A transcript entry's id is
 * {@code conversationId:n}, with n counted in the conversation document, so that reading or deleting one
 * conversation's transcript is an {@code _id $in} lookup: the embedded store answers it from its primary index,
 * where a query on {@code conversationId} would scan every conversation's entries (it ignores secondary indexes;
 * see BENCHMARKS.md, growth). Conversations stored before this scheme ({@code transcriptCount} absent) keep their
 * old entries, found by the old query.
 */
@Component
public class TranscriptStore {

    private final MongoTemplate mongo;
    private final TranscriptRepository legacy;

    TranscriptStore(MongoTemplate mongo, TranscriptRepository legacy) {
        this.mongo = mongo;
        this.legacy = legacy;
    }

    /** Ids for the next {@code count} entries of a conversation about to be saved with its version. */
    public static List<String> reserve(Conversation c, int count) {
        long first = c.reserveTranscript(count);
        return LongStream.range(first, first + count).mapToObj(n -> id(c.getId(), n)).toList();
    }

    /**
     * The id of one more entry written outside a turn (an adviser's message or note): the count and the version go
     * up together, so a turn saved from an older copy of the conversation retries instead of reusing the number.
     */
    String reserveOne(String conversationId) {
        Conversation c = mongo.findAndModify(query(where("_id").is(conversationId)),
                new Update().inc("transcriptCount", 1).inc("version", 1), FindAndModifyOptions.options().returnNew(true),
                Conversation.class);
        if (c == null) return null; // deleted meanwhile: the entry gets an id of its own and goes with retention
        return id(conversationId, c.transcriptCount() - 1);
    }

    void insert(List<TranscriptEntry> entries) {
        if (!entries.isEmpty()) mongo.insert(entries, TranscriptEntry.class);
    }

    TranscriptEntry insert(TranscriptEntry entry) {
        return mongo.insert(entry);
    }

    /** In the order written. */
    List<TranscriptEntry> of(Conversation c) {
        List<TranscriptEntry> out = new ArrayList<>();
        if (c.legacyTranscript()) {
            legacy.findByConversationIdOrderByAtAscSequenceAsc(c.getId()).stream()
                    .filter(e -> e.id() == null || !e.id().startsWith(c.getId() + ":")).forEach(out::add); // the numbered follow
        }
        long count = c.transcriptCount();
        if (count > 0) {
            List<TranscriptEntry> numbered = new ArrayList<>(mongo.find(query(where("_id").in(ids(c.getId(), count))), TranscriptEntry.class));
            numbered.removeIf(e -> !c.getId().equals(e.conversationId()));
            numbered.sort(Comparator.comparingLong(TranscriptStore::number));
            out.addAll(numbered);
        }
        return out;
    }

    void delete(Conversation c) {
        if (c.legacyTranscript()) legacy.deleteByConversationId(c.getId());
        long count = c.transcriptCount();
        if (count > 0) mongo.remove(query(where("_id").in(ids(c.getId(), count))), TranscriptEntry.class);
    }

    private static List<String> ids(String conversationId, long count) {
        return LongStream.range(0, count).mapToObj(n -> id(conversationId, n)).toList();
    }

    static String id(String conversationId, long n) {
        return conversationId + ":" + n;
    }

    private static long number(TranscriptEntry e) {
        String id = e.id();
        return Long.parseLong(id.substring(id.lastIndexOf(':') + 1));
    }
}
