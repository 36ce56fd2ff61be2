package org.lots.helpdesk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lots.helpdesk.TestContent;
import org.lots.helpdesk.engine.ConversationState.Mode;

/** What comes before everything else when a message speaks of danger. */
class SafetyCheckTests {

    final Engine engine = TestContent.engine();
    final Knowledge k = TestContent.shipped();

    String all(Turn t) {
        return String.join("\n", t.replies().stream().map(Output.Reply::text).toList());
    }

    @Test
    void aFirstMessageInDangerIsAnsweredInItsOwnLanguageWithoutAnyLanguageNotice() {
        Turn t = engine.handle(k, ConversationState.fresh(null, false), new Input.Text("زوجي بيضربني كل ليلة وانا خايفة"), "sv");
        assertEquals("ar", t.trace().language());
        assertEquals("safety.violence", t.trace().dialog());
        assertTrue(all(t).contains("112"), all(t));
        assertTrue(t.outputs().stream().anyMatch(o -> o instanceof Output.SafetyAlert a && a.dialog().equals("safety.violence")));
        assertTrue(t.outputs().stream().anyMatch(o -> o instanceof Output.Unanswered u && u.reason() == Output.Unanswered.Reason.SAFETY));
    }

    @Test
    void aClearSentenceInAnotherLanguageSwitchesQuietly() {
        Turn t = engine.handle(k, ConversationState.fresh("sv", true), new Input.Text("please help, my husband is beating me and I am scared"), null);
        assertEquals("en", t.trace().language());
        assertFalse(all(t).contains(k.texts().format("en", "system.language_switched")), all(t));
        assertEquals(2, t.replies().size(), "the emergency message and the urgent handoff, nothing else");
    }

    @Test
    void theSecondMissAndAPendingQuestionDoNotGetInTheWay() {
        ConversationState missedOnce = new ConversationState("en", true, "fallback", null, List.of(), Map.of(), Mode.BOT, 1,
                null, List.of());
        Turn t = engine.handle(k, missedOnce, new Input.Text("i took too many pills, feel very dizzy"), null);
        assertEquals("safety.medical", t.trace().dialog());
        assertEquals(0, t.state().misses());
        assertTrue(t.outputs().stream().anyMatch(o -> o instanceof Output.HandoffRequested h && h.urgent()));

        ConversationState asked = new ConversationState("en", true, Engine.SATISFACTION, null, List.of(), Map.of(), Mode.BOT, 0,
                null, List.of());
        Turn rated = engine.handle(k, asked, new Input.Text("i want to kill myself"), null);
        assertEquals("safety.suicide", rated.trace().dialog());
        assertTrue(rated.outputs().stream().noneMatch(Output.SatisfactionGiven.class::isInstance));
    }

    @Test
    void aVeryLongMessageWithDangerInItIsStillAnswered() {
        String story = "i came to sweden two years ago and worked in a restaurant. ".repeat(60) + "now the owner took my passport and locks the door at night";
        assertTrue(story.length() > Engine.MAX_TEXT);
        Turn t = engine.handle(k, ConversationState.fresh("en", true), new Input.Text(story), null);
        assertEquals("safety.trafficking", t.trace().dialog());
        assertTrue(all(t).contains("114 14"), all(t));
    }

    @Test
    void anOrdinaryWorryStaysAnOrdinaryTopic() {
        Turn t = engine.handle(k, ConversationState.fresh("en", true), new Input.Text("I need a job to feed my children"), null);
        assertFalse(DangerDetector.isSafetyDialog(t.trace().dialog()), t.trace().toString());
        assertTrue(t.outputs().stream().noneMatch(Output.SafetyAlert.class::isInstance));
    }
}
