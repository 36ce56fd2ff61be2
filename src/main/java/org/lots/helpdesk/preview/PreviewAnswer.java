package org.lots.helpdesk.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.engine.Output;
import org.lots.helpdesk.engine.Trace;
import org.lots.helpdesk.engine.Turn;

/**
 * One turn as the preview API answers it (CONTRACT section 4): the replies with the key and review status of each
 * text, and the trace. {@code trace.texts} lists every text shown, in order, so that an editor sees at a glance
 * which of them are machine-made.
 */
record PreviewAnswer(List<Reply> replies, Map<String, Object> trace) {

    /** A reply; {@code key} and {@code status} are those of its text (null for words that are no text). */
    record Reply(String text, List<Button> buttons, String direction, String status, String key) {}

    record Button(String label, String payload, String url, String key, String status) {}

    /** A text shown this turn: {@code in} is {@code reply} or {@code button}. */
    record ShownText(String key, String status, String in) {}

    static PreviewAnswer of(Turn turn, ShownTexts shown) {
        List<Reply> replies = new ArrayList<>();
        List<ShownText> texts = new ArrayList<>();
        for (Output.Reply r : turn.replies()) {
            ShownTexts.Shown s = shown.find(r.text());
            String status = r.status() != null ? r.status() : s.status();
            if (s.key() != null) texts.add(new ShownText(s.key(), status, "reply"));
            List<Button> buttons = new ArrayList<>();
            for (Output.Button b : r.buttons()) {
                ShownTexts.Shown bs = shown.find(b.label());
                buttons.add(new Button(b.label(), b.payload(), b.url(), bs.key(), bs.status()));
                if (bs.key() != null) texts.add(new ShownText(bs.key(), bs.status(), "button"));
            }
            replies.add(new Reply(r.text(), buttons, r.rightToLeft() ? "rtl" : "ltr", status, s.key()));
        }
        Trace t = turn.trace();
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("language", t.language());
        trace.put("dialog", t.dialog());
        trace.put("step", t.step());
        trace.put("escalated", t.escalated());
        if (t.confidence() != null) trace.put("confidence", Math.round(t.confidence() * 1000) / 1000.0);
        if (!t.candidates().isEmpty()) trace.put("candidates", t.candidates());
        trace.put("variables", turn.state().variables()); // what the bot now knows (contract section 4)
        trace.put("texts", texts);
        trace.put("handoff", turn.outputs().stream().anyMatch(Output.HandoffRequested.class::isInstance));
        return new PreviewAnswer(replies, trace);
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("replies", replies);
        body.put("trace", trace);
        return body;
    }
}
