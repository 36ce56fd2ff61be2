package org.lots.helpdesk.dialog;

import java.util.List;
import java.util.Map;

/**
 * A step of a dialog. Exactly one kind per step; the YAML key names the kind
 * ({@code say}, {@code ask}, {@code input}, {@code branch}, {@code call}, {@code goto}, {@code handoff}, {@code end}).
 * {@code next} is a step id of the same dialog, or null to fall through to the following step.
 */
public sealed interface Step {
    String id();
    int line();

    /** {@code say: key} with optional link buttons. */
    record Say(String id, int line, String text, List<Link> links, String next) implements Step {}

    /** {@code ask: key} with choice buttons; the chosen value may go {@code into} a variable. */
    record Ask(String id, int line, String text, String into, List<Choice> choices) implements Step {}

    /**
     * {@code input: key}: free text into a variable, validated by {@code expect}.
     *
     * @param keywords per language, phrases in which {@code #} stands for the number ("i am #"), so that a number
     *                 in what the newcomer wrote before the question fills it (expect: number only)
     */
    record Input(String id, int line, String text, String into, Expect expect, Double min, Double max,
                 List<String> options, String invalid, String next, Map<String, List<String>> keywords) implements Step {
        public Input(String id, int line, String text, String into, Expect expect, Double min, Double max,
                     List<String> options, String invalid, String next) {
            this(id, line, text, into, expect, min, max, options, invalid, next, Map.of());
        }
    }

    /** {@code branch}: the first rule whose condition holds names the next step; the last rule is {@code else}. */
    record Branch(String id, int line, List<Rule> rules, String otherwise) implements Step {}

    /** {@code call: dialog}: run another dialog, then come back to {@code next}. */
    record Call(String id, int line, String dialog, String next) implements Step {}

    /** {@code goto: target}: a step of this dialog, or another dialog (no return). */
    record Goto(String id, int line, String target) implements Step {}

    /** {@code handoff: key?}: ask for a human adviser. */
    record Handoff(String id, int line, String text) implements Step {}

    /** {@code end: key?}: the dialog ends; a caller, if any, continues. */
    record End(String id, int line, String text) implements Step {}

    enum Expect { NUMBER, YESNO, ONEOF, FREE }

    record Link(String label, String url) {}

    /**
     * A button of an {@code ask}. {@code keywords} and {@code examples} (per language) let what the newcomer wrote
     * answer the question before it is asked: a keyword is a word or phrase matched on word boundaries
     * ({@code *} at a word's end or start: any ending or beginning), an example a phrase most of whose words occur.
     */
    record Choice(String label, String value, String next, Map<String, List<String>> keywords,
                  Map<String, List<String>> examples) {
        public Choice(String label, String value, String next) {
            this(label, value, next, Map.of(), Map.of());
        }

        public boolean picksUp() {
            return !keywords.isEmpty() || !examples.isEmpty();
        }
    }

    record Rule(Condition condition, String next) {}
}
