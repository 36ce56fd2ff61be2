package org.lots.helpdesk.dialog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One dialog script, as an editor wrote it in {@code dialogs/<id>.yaml}. Texts are translation keys.
 *
 * @param examples phrases per language that teach the router which free text belongs here
 * @param keywords short cross-lingual stems that strongly signal this dialog
 */
public record Dialog(String id, String title, String start, List<Step> steps,
                     Map<String, List<String>> examples, List<String> keywords, String path) {

    public Optional<Step> step(String stepId) {
        if (stepId == null) return Optional.empty();
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public Step startStep() {
        return step(start).orElse(steps.get(0));
    }

    /** Every translation key this dialog shows: its title and each step's texts and button labels. */
    public java.util.Set<String> keys() {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        if (title != null) keys.add(title);
        for (Step s : steps) keys.addAll(textKeys(s));
        return keys;
    }

    public static List<String> textKeys(Step s) {
        List<String> keys = new java.util.ArrayList<>();
        if (s instanceof Step.Say say) {
            keys.add(say.text());
            say.links().forEach(l -> keys.add(l.label()));
        } else if (s instanceof Step.Ask ask) {
            keys.add(ask.text());
            ask.choices().forEach(c -> keys.add(c.label()));
        } else if (s instanceof Step.Input in) {
            keys.add(in.text());
            if (in.invalid() != null) keys.add(in.invalid());
        } else if (s instanceof Step.Handoff h && h.text() != null) keys.add(h.text());
        else if (s instanceof Step.End e && e.text() != null) keys.add(e.text());
        return keys;
    }

    /** The step after {@code step} in file order, for steps that fall through. */
    public Optional<Step> following(Step step) {
        int i = steps.indexOf(step);
        return i >= 0 && i + 1 < steps.size() ? Optional.of(steps.get(i + 1)) : Optional.empty();
    }
}
