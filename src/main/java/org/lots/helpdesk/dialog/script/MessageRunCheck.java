package org.lots.helpdesk.dialog.script;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.dialog.Step;

/**
 * "Short, then deeper": a newcomer gets at most {@value #MAX} messages in a row before they can answer or choose.
 * Walks every path the engine can take in one turn (from each dialog's start and after each answer), through
 * branches, calls, gotos and the return to a caller, and fails the step that would be one message too many.
 */
final class MessageRunCheck {

    static final int MAX = 2;
    private static final int MAX_CALL_DEPTH = 8;

    private final List<Problem> problems;
    private final Set<String> reported = new HashSet<>();
    private final Set<String> seen = new HashSet<>();

    MessageRunCheck(List<Problem> problems) {
        this.problems = problems;
    }

    /** Where the engine returns when a called dialog ends. */
    private record Frame(Dialog dialog, String next) {}

    void check(Map<String, Dialog> dialogs) {
        for (Dialog d : dialogs.values()) {
            if (d.steps().isEmpty()) continue;
            walk(dialogs, d, d.startStep(), 0, List.of());
            for (Step s : d.steps()) {
                if (s instanceof Step.Ask ask) ask.choices().forEach(c -> walk(dialogs, d, d.step(c.next()).orElse(null), 0, List.of()));
                else if (s instanceof Step.Input in) walk(dialogs, d, next(d, s, in.next()), 0, List.of());
            }
        }
    }

    private void walk(Map<String, Dialog> dialogs, Dialog d, Step s, int sent, List<Frame> stack) {
        if (s == null) {
            returnToCaller(dialogs, sent, stack);
            return;
        }
        if (!seen.add(d.id() + "#" + s.id() + "#" + sent + "#" + stack)) return;
        if (s instanceof Step.Say say) {
            if (message(d, s, sent)) walk(dialogs, d, next(d, s, say.next()), sent + 1, stack);
        } else if (s instanceof Step.End e) {
            if (e.text() == null || message(d, s, sent)) returnToCaller(dialogs, e.text() == null ? sent : sent + 1, stack);
        } else if (s instanceof Step.Branch b) {
            b.rules().forEach(r -> walk(dialogs, d, d.step(r.next()).orElse(null), sent, stack));
            walk(dialogs, d, d.step(b.otherwise()).orElse(null), sent, stack);
        } else if (s instanceof Step.Goto g) {
            if (d.step(g.target()).isPresent()) walk(dialogs, d, d.step(g.target()).get(), sent, stack);
            else {
                String[] t = g.target().split("#", 2);
                Dialog other = dialogs.get(t[0]);
                if (other != null && !other.steps().isEmpty()) walk(dialogs, other, t.length > 1 ? other.step(t[1]).orElse(null) : other.startStep(), sent, stack);
            }
        } else if (s instanceof Step.Call c) {
            Dialog callee = dialogs.get(c.dialog());
            if (callee == null || callee.steps().isEmpty() || stack.size() >= MAX_CALL_DEPTH) return;
            List<Frame> deeper = new ArrayList<>(stack);
            deeper.add(new Frame(d, c.next() != null ? c.next() : d.following(c).map(Step::id).orElse(null)));
            walk(dialogs, callee, callee.startStep(), sent, List.copyOf(deeper));
        }
        // ask, input and handoff: the newcomer can answer (or a person takes over); the run ends here
    }

    private void returnToCaller(Map<String, Dialog> dialogs, int sent, List<Frame> stack) {
        if (stack.isEmpty()) return;
        Frame f = stack.get(stack.size() - 1);
        walk(dialogs, f.dialog(), f.dialog().step(f.next()).orElse(null), sent, stack.subList(0, stack.size() - 1));
    }

    /** Counts one message; false (and one problem per step) when it is one too many. */
    private boolean message(Dialog d, Step s, int sent) {
        if (sent < MAX) return true;
        if (reported.add(d.id() + "#" + s.id())) {
            problems.add(Problem.error(d.path(), s.line(), "step '" + s.id() + "' would be message " + (sent + 1) + " in a row before the newcomer can answer (at most "
                    + MAX + "): ask first, or offer the rest behind a choice"));
        }
        return false;
    }

    private static Step next(Dialog d, Step from, String next) {
        return next != null ? d.step(next).orElse(null) : d.following(from).orElse(null);
    }
}
