package org.lots.helpdesk.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.TestContent;

/**
 * Whatever arrives (random scripts, control and bidi characters, lone surrogates, emoji, huge or empty texts,
 * forged button payloads, unknown commands, in any order), the engine answers, keeps a supported language, and never
 * throws. Seeded, so a failure can be replayed.
 */
class HostileInputTests {

    static final String[] PIECES = {"jobb", "شغل", "کار", "ስራሕ", "shaqo", "робота", "работа", "iş", "Arbeit", "job",
            "\u0000", "\u0007", "\u200f", "\u202e", "\u2066", "\ufeff", "\ud800", "\udfff", "😀", "👍🏽", "\u0640", "٢٥", "۱۷",
            "<script>alert(1)</script>", "{municipality}", "{0,number}", "'", "\"", "\\", "${jndi:ldap://x}", " ", "\n",
            "%s%n", "../../etc/passwd", "menu", "human", "/start", "ok", "1", "99999999999999999999", "-1", "NaN"};
    static final String[] PAYLOADS = {"c:jobs.find:more:0", "c:jobs.find:more:99", "c:::", "v:education.adult:age:abc",
            "go:nowhere", "go:jobs.cv", "lang:xx", "lang:ti", "cmd:forget_yes", "cmd:nothing", "rate:9", "rate:3", "", ":",
            "c:jobs.find:more:-1", "v:jobs.find:registered:maybe"};

    @Test
    void theEngineAnswersEverythingAndNeverThrows() {
        Knowledge k = TestContent.shipped();
        Engine engine = TestContent.engine();
        Set<String> languages = k.content().languages();
        Random random = new Random(20261127);
        for (int conversation = 0; conversation < 40; conversation++) {
            ConversationState state = ConversationState.fresh(null, false);
            for (int turn = 0; turn < 25; turn++) {
                Input input = randomInput(random);
                Turn t = engine.handle(k, state, input, random.nextBoolean() ? null : "xx-YY");
                state = t.state();
                assertTrue(languages.contains(state.language()), "language " + state.language() + " after " + input);
                boolean answered = !t.replies().isEmpty() || t.outputs().stream().anyMatch(o -> !(o instanceof Output.Reply));
                boolean silentEvent = input instanceof Input.Event;
                assertTrue(answered || silentEvent, "no answer to " + input);
                t.replies().forEach(r -> assertFalse(r.text().isBlank(), "an empty reply to " + input));
            }
        }
    }

    private static Input randomInput(Random random) {
        int kind = random.nextInt(10);
        if (kind < 6) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(8);
            for (int i = 0; i < n; i++) sb.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextBoolean() ? " " : "");
            if (random.nextInt(20) == 0) sb.append("x".repeat(5000));
            return new Input.Text(sb.toString());
        }
        if (kind < 8) return new Input.Payload(PAYLOADS[random.nextInt(PAYLOADS.length)]);
        if (kind < 9) {
            List<String> commands = List.of("start", "menu", "language", "human", "help", "forget", "stop", "restart", "bogus");
            return new Input.Command(commands.get(random.nextInt(commands.size())), random.nextBoolean() ? null : "jobs.find");
        }
        return random.nextBoolean() ? new Input.Event(Input.Event.Kind.values()[random.nextInt(Input.Event.Kind.values().length)])
                : new Input.Media(List.of("voice", "photo", "sticker", "edited", "weird").get(random.nextInt(5)), random.nextBoolean() ? "file-1" : null);
    }
}
