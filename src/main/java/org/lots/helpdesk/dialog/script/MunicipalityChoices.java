package org.lots.helpdesk.dialog.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.dialog.Catalogue.LanguageTexts;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.dialog.Municipalities;
import org.lots.helpdesk.dialog.Step;

/**
 * Turns {@code choices: municipalities} into the deployment's municipalities, then "I don't know / elsewhere", at load
 * time, so the engine meets an ordinary ask. A deployment serving one municipality (or none) never asks: the step
 * becomes a jump to its {@code next}. Each name is a text in every language ({@code municipality.name.<id>}).
 */
final class MunicipalityChoices {

    private final List<Municipalities.Municipality> municipalities;

    MunicipalityChoices(List<Municipalities.Municipality> municipalities) {
        this.municipalities = municipalities;
    }

    Dialog expand(Dialog d) {
        if (d.steps().stream().noneMatch(MunicipalityChoices::fromSettings)) return d;
        List<Step> steps = new ArrayList<>();
        for (Step s : d.steps()) steps.add(fromSettings(s) ? expand((Step.Ask) s) : s);
        return new Dialog(d.id(), d.title(), d.start(), List.copyOf(steps), d.examples(), d.keywords(), d.path());
    }

    private Step expand(Step.Ask ask) {
        String next = ask.choices().get(0).next();
        if (municipalities.size() <= 1) return new Step.Goto(ask.id(), ask.line(), next);
        List<Step.Choice> choices = new ArrayList<>();
        for (Municipalities.Municipality m : municipalities) choices.add(new Step.Choice(Municipalities.NAME_KEY + m.id(), m.id(), next));
        choices.add(new Step.Choice(Municipalities.ELSEWHERE_KEY, Municipalities.ELSEWHERE, next));
        return new Step.Ask(ask.id(), ask.line(), ask.text(), ask.into(), List.copyOf(choices));
    }

    private static boolean fromSettings(Step s) {
        return s instanceof Step.Ask a && a.choices().size() == 1 && Municipalities.FROM_SETTINGS.equals(a.choices().get(0).label());
    }

    /** The languages with each municipality's name added as a text: a name is not translated. */
    Map<String, LanguageTexts> withNames(Map<String, LanguageTexts> languages) {
        if (municipalities.isEmpty()) return languages;
        Map<String, LanguageTexts> out = new LinkedHashMap<>();
        languages.forEach((code, l) -> {
            Map<String, Catalogue.Entry> texts = new LinkedHashMap<>(l.texts());
            for (Municipalities.Municipality m : municipalities) {
                texts.putIfAbsent(Municipalities.NAME_KEY + m.id(), new Catalogue.Entry(m.name(), Catalogue.Status.SOURCE, null, 1));
            }
            out.put(code, new LanguageTexts(l.code(), l.name(), l.direction(), texts, l.path()));
        });
        return out;
    }
}
