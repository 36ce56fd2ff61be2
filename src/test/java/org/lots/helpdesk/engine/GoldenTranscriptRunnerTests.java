package org.lots.helpdesk.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The golden transcript runner itself: a case that asserts too little or the wrong thing fails, naming file and turn. */
class GoldenTranscriptRunnerTests {

    static void passes(String yaml) {
        GoldenTranscript.run("case.yaml", new Yaml().load(yaml));
    }

    static void failsWith(String yaml, String... parts) {
        AssertionError e = assertThrows(AssertionError.class, () -> passes(yaml));
        for (String part : parts) assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
    }

    @Test
    void aCorrectCasePasses() {
        passes("""
                language: en
                turns:
                  - command: /start
                    expect: {dialog: welcome, step: menu, says: welcome.hello}
                """);
    }

    @Test
    void aReplyInAnotherLanguageThanTheFilesFailsEvenWithoutLanguageInTheTurn() {
        failsWith("""
                language: en
                turns:
                  - say: "hej jag letar efter jobb, hur gör jag?"
                    expect: {says: system.language_switched}
                """, "case.yaml turn 1", "language", "expected: <en> but was: <sv>");
    }

    @Test
    void saysIsFormattedInTheExpectedLanguageNotInTheBotsOwn() {
        // The bot speaks Swedish here; the case claims English and an English text: both checks catch it.
        failsWith("""
                language: sv
                turns:
                  - command: /start
                    expect: {language: en, says: welcome.hello, step: menu}
                """, "case.yaml turn 1");
    }

    @Test
    void aFileWithoutALanguageMustNameOneOnEveryTurn() {
        failsWith("""
                hint: en
                turns:
                  - command: /start
                    expect: {dialog: welcome, step: menu}
                """, "case.yaml turn 1", "each turn must say which one");
    }

    @Test
    void unknownKeysFailAtEveryLevel() {
        failsWith("languag: en\nturns: [{command: /start, expect: {step: menu}}]", "case.yaml", "languag");
        failsWith("language: en\nturns: [{command: /start, expects: {step: menu}}]", "case.yaml turn 1", "expects");
        failsWith("language: en\nturns: [{command: /start, expect: {stepp: menu}}]", "case.yaml turn 1 expect", "stepp");
        failsWith("language: en\nhelpline: {opened: 2}\nturns: [{command: /start, expect: {step: menu}}]", "helpline", "opened");
    }

    @Test
    void aTurnThatAssertsNothingIsRefused() {
        failsWith("language: en\nturns: [{command: /start}]", "case.yaml turn 1", "must assert something");
        failsWith("language: en\nturns: [{command: /start, expect: {}}]", "case.yaml turn 1", "must assert something");
    }

    @Test
    void aPressOutOfRangeOrOfAnAbsentLabelFails() {
        for (String press : new String[] {"99", "0", "\"No such button\""}) {
            failsWith("""
                    language: en
                    turns:
                      - command: /start
                        expect: {step: menu}
                      - press: %s
                        expect: {step: menu}
                    """.formatted(press), "case.yaml turn 2", press.replace("\"", ""));
        }
    }

    @Test
    void anOmittedStepMeansNoStepIsWaiting() {
        failsWith("language: en\nturns: [{command: /start, expect: {dialog: welcome}}]", "case.yaml turn 1", "step");
    }

    @Test
    void repliesExactlyPinsEveryReplyInOrder() {
        passes("""
                language: en
                turns:
                  - command: /start
                    expect: {step: menu, replies_exactly: [welcome.hello, welcome.menu_q]}
                """);
        failsWith("""
                language: en
                turns:
                  - command: /start
                    expect: {step: menu, replies_exactly: [welcome.menu_q, welcome.hello]}
                """, "case.yaml turn 1", "in order");
        failsWith("""
                language: en
                turns:
                  - command: /start
                    expect: {step: menu, replies_exactly: [welcome.hello]}
                """, "case.yaml turn 1");
    }

    @Test
    void anUnknownTextKeyInSaysFails() {
        failsWith("language: en\nturns: [{command: /start, expect: {step: menu, says: welcome.helo}}]", "case.yaml turn 1", "welcome.helo");
    }

    @Test
    void twoInputsInOneTurnOrNoneFail() {
        failsWith("language: en\nturns: [{command: /start, say: hi, expect: {step: menu}}]", "case.yaml turn 1", "exactly one");
        failsWith("language: en\nturns: [{expect: {step: menu}}]", "case.yaml turn 1", "exactly one");
    }

    @Test
    void ambiguousFixesTheRoutersAnswerForItsTurnOnlyAndNamesKnownDialogs() {
        // A message the real router answers at once is asked about when the turn says so; the next turn routes as ever.
        passes("""
                language: en
                turns:
                  - say: "i want to open a restaurant"
                    ambiguous: [business.start, business.permits]
                    expect: {dialog: clarify, candidates: [business.start, business.permits], says: system.clarify}
                  - say: "how do i write a cv"
                    expect: {dialog: jobs.cv, step: has_cv}
                """);
        failsWith("language: en\nturns: [{say: hi, ambiguous: [business.start, business.nothing], expect: {dialog: clarify}}]",
                "case.yaml turn 1", "unknown dialog 'business.nothing'");
        failsWith("language: en\nturns: [{say: hi, ambiguous: [business.start], expect: {dialog: clarify}}]",
                "case.yaml turn 1", "at least two");
    }
}
