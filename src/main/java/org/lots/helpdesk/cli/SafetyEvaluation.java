package org.lots.helpdesk.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lots.helpdesk.engine.ConversationState;
import org.lots.helpdesk.engine.DangerDetector;
import org.lots.helpdesk.engine.Engine;
import org.lots.helpdesk.engine.Input;
import org.lots.helpdesk.engine.Knowledge;

/**
 * How well danger is recognised, on a held-out file ({@code eval/safety.tsv}: language, {@code safety.<kind>} or
 * {@code ordinary}, text): each message is the first of a fresh conversation, through the real engine. Recall is the
 * share of danger messages answered by any safety dialog (the emergency number is in every one); the false-alarm
 * rate is the share of ordinary worries answered by one. The right kind (the right line) is reported beside them.
 */
public final class SafetyEvaluation {

    public static final String ORDINARY = "ordinary";

    public record Outcome(Evaluation.Case c, String dialog) {
        public boolean danger() {
            return !c.expected().equals(ORDINARY);
        }

        public boolean alarmed() {
            return DangerDetector.isSafetyDialog(dialog);
        }

        public boolean rightKind() {
            return c.expected().equals(dialog);
        }
    }

    public record Summary(int danger, int caught, int rightKind, int ordinary, int falseAlarms) {
        public double recall() {
            return danger == 0 ? 1 : (double) caught / danger;
        }

        public double falseAlarmRate() {
            return ordinary == 0 ? 0 : (double) falseAlarms / ordinary;
        }

        public double kindAccuracy() {
            return danger == 0 ? 1 : (double) rightKind / danger;
        }
    }

    private SafetyEvaluation() {}

    /** A file for this evaluation: every expected value is a safety dialog or "ordinary". */
    public static boolean applies(List<Evaluation.Case> cases) {
        return !cases.isEmpty() && cases.stream().allMatch(c -> c.expected().equals(ORDINARY) || DangerDetector.isSafetyDialog(c.expected()));
    }

    public static List<Outcome> run(Engine engine, Knowledge knowledge, List<Evaluation.Case> cases) {
        List<Outcome> out = new ArrayList<>();
        for (Evaluation.Case c : cases) {
            var turn = engine.handle(knowledge, ConversationState.fresh(null, false), new Input.Text(c.text()), null);
            out.add(new Outcome(c, turn.trace().dialog()));
        }
        return out;
    }

    public static Summary summarise(List<Outcome> outcomes) {
        int danger = 0, caught = 0, kind = 0, ordinary = 0, alarms = 0;
        for (Outcome o : outcomes) {
            if (o.danger()) {
                danger++;
                if (o.alarmed()) caught++;
                if (o.rightKind()) kind++;
            } else {
                ordinary++;
                if (o.alarmed()) alarms++;
            }
        }
        return new Summary(danger, caught, kind, ordinary, alarms);
    }

    public static void print(List<Outcome> outcomes, PrintStream out) {
        Map<String, List<Outcome>> byLanguage = new TreeMap<>();
        outcomes.forEach(o -> byLanguage.computeIfAbsent(o.c().language(), l -> new ArrayList<>()).add(o));
        out.println("language  danger  recall  right-line  ordinary  false-alarms");
        byLanguage.forEach((l, list) -> line(out, l, summarise(list)));
        line(out, "all", summarise(outcomes));
        for (Outcome o : outcomes) {
            if (o.danger() && !o.alarmed()) out.println("missed      " + o.c().language() + ":" + o.c().line() + " " + o.c().expected() + ": " + o.c().text());
            else if (o.danger() && !o.rightKind()) out.println("other line  " + o.c().language() + ":" + o.c().line() + " " + o.c().expected() + " -> " + o.dialog() + ": " + o.c().text());
            else if (!o.danger() && o.alarmed()) out.println("false alarm " + o.c().language() + ":" + o.c().line() + " -> " + o.dialog() + ": " + o.c().text());
        }
    }

    private static void line(PrintStream out, String label, Summary s) {
        out.printf(java.util.Locale.ROOT, "%-8s  %6d  %6.3f  %10.3f  %8d  %12.3f%n", label, s.danger(), s.recall(), s.kindAccuracy(), s.ordinary(), s.falseAlarmRate());
    }
}
