package org.lots.helpdesk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lots.helpdesk.TestContent;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs every golden transcript in {@code dialogs/tests/} against the shipped content: what the newcomer sends,
 * what the bot must answer. Adding a case is adding a file; see dialogs/tests/README.md for the format.
 */
class GoldenTranscriptTests {

    static final Path FOLDER = Path.of("dialogs/tests");

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(FOLDER)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() > 0, "no transcripts in " + FOLDER);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    @SuppressWarnings("unchecked")
    static void run(Path file) throws IOException {
        Map<String, Object> doc;
        try (Reader r = Files.newBufferedReader(file)) {
            doc = new Yaml().load(r);
        }
        Knowledge k = TestContent.shipped();
        Engine engine = TestContent.engine();
        String language = (String) doc.get("language");
        String hint = (String) doc.get("hint");
        ConversationState state = ConversationState.fresh(language, language != null);
        Helpline helpline = helpline((Map<String, Object>) doc.get("helpline"));
        List<Output.Reply> last = List.of();
        int n = 0;
        for (Map<String, Object> turn : (List<Map<String, Object>>) doc.get("turns")) {
            n++;
            String where = file.getFileName() + " turn " + n;
            Input input = input(turn, last, where);
            Turn t = engine.handle(k, state, input, hint, helpline);
            state = t.state();
            if (!t.replies().isEmpty()) last = t.replies();
            Map<String, Object> expect = (Map<String, Object>) turn.getOrDefault("expect", Map.of());
            check(k, t, expect, where);
        }
    }

    /** {@code helpline: {open: 3}} (number 3 in the queue) or {@code {closed: "2026-11-30T09:00+01:00[Europe/Stockholm]"}}. */
    private static Helpline helpline(Map<String, Object> spec) {
        if (spec == null) return Helpline.UNKNOWN;
        if (spec.get("open") != null) {
            Helpline.Availability a = new Helpline.Open(((Number) spec.get("open")).intValue());
            return () -> a;
        }
        if (spec.get("closed") != null) {
            Helpline.Availability a = new Helpline.Closed(java.time.ZonedDateTime.parse(String.valueOf(spec.get("closed"))));
            return () -> a;
        }
        fail("helpline needs open: N or closed: <date-time with zone>");
        return null;
    }

    private static Input input(Map<String, Object> turn, List<Output.Reply> last, String where) {
        if (turn.containsKey("say")) {
            String text = String.valueOf(turn.get("say"));
            return new Input.Text(turn.containsKey("times") ? text.repeat((Integer) turn.get("times")) : text);
        }
        if (turn.containsKey("payload")) return new Input.Payload(String.valueOf(turn.get("payload")));
        if (turn.containsKey("command")) {
            String[] c = String.valueOf(turn.get("command")).replaceFirst("^/", "").split(" ", 2);
            return new Input.Command(c[0], c.length > 1 ? c[1] : null);
        }
        if (turn.containsKey("event")) return new Input.Event(Input.Event.Kind.valueOf(String.valueOf(turn.get("event"))));
        if (turn.containsKey("press")) {
            Object press = turn.get("press");
            List<Output.Button> buttons = last.stream().flatMap(r -> r.buttons().stream()).filter(b -> b.payload() != null).toList();
            if (press instanceof Integer i) return new Input.Payload(buttons.get(i - 1).payload());
            for (Output.Button b : buttons) if (b.label().equals(press)) return new Input.Payload(b.payload());
            fail(where + ": no button '" + press + "' among " + buttons.stream().map(Output.Button::label).toList());
        }
        fail(where + ": a turn needs say, press, payload, command or event");
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void check(Knowledge k, Turn t, Map<String, Object> expect, String where) {
        String all = String.join("\n", t.replies().stream().map(Output.Reply::text).toList());
        String context = where + "\nbot said:\n" + all + "\ntrace: " + t.trace();
        for (var e : expect.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "language" -> assertEquals(v, t.trace().language(), context);
                case "dialog" -> assertEquals(v, t.trace().dialog(), context);
                case "step" -> assertEquals(v, t.trace().step(), context);
                case "escalated" -> assertEquals(v, t.trace().escalated(), context);
                case "replies" -> assertEquals(v, t.replies().size(), context);
                case "candidates" -> assertTrue(t.trace().candidates().containsAll((List<String>) v), context);
                case "says" -> {
                    for (String key : list(v)) {
                        String text = k.texts().format(t.trace().language(), key, t.state().variables());
                        assertTrue(all.contains(text), context + "\nexpected the text of " + key + ": " + text);
                    }
                }
                case "reply" -> {
                    for (String s : list(v)) assertTrue(all.contains(s), context + "\nexpected: " + s);
                }
                case "not_reply" -> {
                    for (String s : list(v)) assertTrue(!all.contains(s), context + "\nunexpected: " + s);
                }
                case "buttons" -> {
                    List<String> labels = t.replies().stream().flatMap(r -> r.buttons().stream()).map(Output.Button::label).toList();
                    for (String s : list(v)) assertTrue(labels.contains(s), context + "\nexpected button " + s + " in " + labels);
                }
                case "script" -> {
                    for (Output.Reply r : t.replies()) assertTrue(Scripts.mostlyIn(r.text(), (String) v), context + "\nnot in script " + v + ": " + r.text());
                }
                case "rtl" -> t.replies().forEach(r -> assertEquals(v, r.rightToLeft(), context));
                case "handoff" -> assertEquals(v, t.outputs().stream().anyMatch(Output.HandoffRequested.class::isInstance), context);
                case "urgent" -> assertEquals(v, t.outputs().stream().anyMatch(o -> o instanceof Output.HandoffRequested h && h.urgent()), context);
                case "satisfaction" -> assertTrue(t.outputs().stream().anyMatch(o -> o instanceof Output.SatisfactionGiven g && g.score() == ((Number) v).intValue()), context);
                case "for_adviser" -> assertTrue(t.outputs().stream().anyMatch(o -> o instanceof Output.ForAdviser f && f.text().equals(v)), context);
                case "variable" -> ((Map<String, Object>) v).forEach((name, value) ->
                        assertEquals(String.valueOf(value), t.state().variables().get(name), context + "\nvariable " + name));
                default -> fail(where + ": unknown expectation '" + e.getKey() + "'");
            }
        }
    }

    private static List<String> list(Object v) {
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            l.forEach(x -> out.add(String.valueOf(x)));
            return out;
        }
        return List.of(String.valueOf(v));
    }
}
