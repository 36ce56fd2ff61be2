package org.lots.helpdesk.preview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.lots.helpdesk.engine.Privacy;

/**
 * Writes a preview conversation as a golden transcript (format: dialogs/tests/README.md) that the test runner
 * accepts as it is: every turn states the language and the step it ended in, the dialog, and the texts replied.
 */
final class GoldenTranscriptWriter {

    private static final Pattern PLAIN = Pattern.compile("[a-z][a-z0-9_.-]*");
    /** Words YAML 1.1 would read as a boolean or null (snakeyaml does): always quoted. */
    private static final Set<String> YAML_WORDS = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

    private GoldenTranscriptWriter() {}

    static String write(PreviewTurns.Log log, LocalDate today) {
        StringBuilder out = new StringBuilder();
        String first = log.turns().isEmpty() ? null : log.turns().get(0).dialog();
        out.append("# Written by the simulator on ").append(today).append(": ")
                .append(first == null ? "a conversation" : "a conversation about " + first)
                .append(". Say in this line what it checks, and save it as dialogs/tests/<what-it-checks>.yaml.\n");
        out.append("# It ran with the live office hours and queue; a turn that reaches a person may need helpline: {open: 1}.\n");
        if (log.cut()) out.append("# Only the first ").append(PreviewTurns.MAX_TURNS).append(" turns were kept.\n");
        if (log.language() != null) out.append("language: ").append(scalar(log.language())).append('\n');
        out.append("turns:\n");
        List<PreviewAnswer.Button> lastOffered = List.of();
        Map<String, String> variables = Map.of();
        for (PreviewTurns.Turn t : log.turns()) {
            out.append("  - ").append(input(t, lastOffered)).append('\n');
            out.append("    expect: {").append(String.join(", ", expect(t, log.language(), variables))).append("}\n");
            if (t.replies() > 0) lastOffered = t.offered(); // as the runner: the buttons of the last replies
            variables = t.variables();
        }
        return out.toString();
    }

    /** A pressed button by its label when the label names it alone among the last buttons, else by payload. */
    private static String input(PreviewTurns.Turn t, List<PreviewAnswer.Button> offered) {
        if (t.kind().equals("say")) return "say: " + quoted(t.value());
        List<PreviewAnswer.Button> actions = offered.stream().filter(b -> b.payload() != null).toList();
        for (PreviewAnswer.Button b : actions) {
            if (!b.payload().equals(t.value())) continue;
            long sameLabel = actions.stream().filter(o -> o.label().equals(b.label())).count();
            if (sameLabel == 1) return "press: " + quoted(b.label());
        }
        return "payload: " + quoted(t.value());
    }

    private static List<String> expect(PreviewTurns.Turn t, String fileLanguage, Map<String, String> before) {
        List<String> e = new ArrayList<>();
        if (!Objects.equals(t.language(), fileLanguage)) e.add("language: " + scalar(t.language()));
        if (t.dialog() != null) e.add("dialog: " + scalar(t.dialog()));
        if (t.step() != null) e.add("step: " + scalar(t.step()));
        if (t.escalated()) e.add("escalated: true");
        if (t.handoff()) e.add("handoff: true");
        if (!t.candidates().isEmpty()) e.add("candidates: " + list(t.candidates()));
        // The first-contact notice comes from the conversation service, not the engine the runner drives.
        List<String> says = t.says().stream().filter(k -> !k.equals(Privacy.FIRST_CONTACT)).distinct().toList();
        if (!says.isEmpty()) e.add("says: " + list(says));
        Map<String, String> changed = new HashMap<>();
        t.variables().forEach((k, v) -> { if (!Objects.equals(before.get(k), v)) changed.put(k, v); });
        if (!changed.isEmpty()) {
            List<String> pairs = changed.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(v -> scalar(v.getKey()) + ": " + quoted(v.getValue())).toList();
            e.add("variable: {" + String.join(", ", pairs) + "}");
        }
        if (e.isEmpty()) e.add("language: " + scalar(t.language())); // every turn asserts something
        return e;
    }

    private static String list(List<String> values) {
        return "[" + String.join(", ", values.stream().map(GoldenTranscriptWriter::scalar).toList()) + "]";
    }

    /** An id as it is when YAML reads it back unchanged, else quoted. */
    static String scalar(String s) {
        return s != null && PLAIN.matcher(s).matches() && !YAML_WORDS.contains(s) ? s : quoted(s);
    }

    /** A YAML double-quoted string: escapes what YAML does not allow to stand as it is. */
    static String quoted(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                    boolean printable = (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
                            || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
                    if (pair) b.append(c).append(s.charAt(++i));
                    else if (Character.isSurrogate(c)) b.append("\\ufffd"); // half a character: not text anyone typed
                    else if (printable) b.append(c);
                    else b.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return b.append('"').toString();
    }
}
