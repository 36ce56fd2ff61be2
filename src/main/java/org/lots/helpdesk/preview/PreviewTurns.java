package org.lots.helpdesk.preview;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lots.helpdesk.conversation.ConversationForgotten;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What was sent and answered in each recent preview conversation, so that the simulator can write the conversation
 * as a golden transcript. Kept in memory only and bounded (conversations, turns, characters): it serves an editor's
 * session, and a conversation deleted with /forget takes its log with it.
 */
@Component
class PreviewTurns {

    static final int MAX_CONVERSATIONS = 200, MAX_TURNS = 200, MAX_CHARS = 2_000_000;

    /**
     * One turn: what the editor sent ({@code kind} say or payload) and what the trace said afterwards.
     *
     * @param says    the keys of the texts replied, in order
     * @param offered the buttons of the replies (to write a pressed button by its label)
     */
    record Turn(String kind, String value, String language, String dialog, String step, boolean escalated,
                boolean handoff, List<String> candidates, int replies, List<String> says, Map<String, String> variables,
                List<PreviewAnswer.Button> offered) {

        int size() {
            return 200 + value.length() + offered.stream().mapToInt(b -> b.label().length() + 64).sum();
        }
    }

    /** @param language the language the conversation was started in (null: the bot found it out) */
    record Log(String language, List<Turn> turns, boolean cut) {}

    private static final class Entry {
        final String language;
        final List<Turn> turns = new ArrayList<>();
        boolean cut;
        int chars;

        Entry(String language) {
            this.language = language;
        }
    }

    private final LinkedHashMap<String, Entry> logs = new LinkedHashMap<>(16, 0.75f, true);
    private int chars;

    synchronized void started(String conversationId, String language) {
        logs.put(conversationId, new Entry(language));
        trim();
    }

    synchronized void add(String conversationId, Turn turn) {
        Entry e = logs.get(conversationId);
        if (e == null) return; // started before this server did: nothing to write it from
        if (e.turns.size() >= MAX_TURNS) {
            e.cut = true;
            return;
        }
        e.turns.add(turn);
        e.chars += turn.size();
        chars += turn.size();
        trim();
    }

    synchronized Optional<Log> log(String conversationId) {
        Entry e = logs.get(conversationId);
        return e == null ? Optional.empty() : Optional.of(new Log(e.language, List.copyOf(e.turns), e.cut));
    }

    @EventListener
    synchronized void forgotten(ConversationForgotten event) {
        Entry e = logs.remove(event.conversationId());
        if (e != null) chars -= e.chars;
    }

    /** Drops the least recently used logs beyond the bounds (never the one just used). */
    private void trim() {
        Iterator<Map.Entry<String, Entry>> it = logs.entrySet().iterator();
        while ((logs.size() > MAX_CONVERSATIONS || chars > MAX_CHARS) && logs.size() > 1 && it.hasNext()) {
            chars -= it.next().getValue().chars;
            it.remove();
        }
    }
}
