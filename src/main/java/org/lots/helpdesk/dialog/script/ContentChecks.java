package org.lots.helpdesk.dialog.script;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.dialog.Catalogue.Entry;
import org.lots.helpdesk.dialog.Catalogue.LanguageTexts;
import org.lots.helpdesk.dialog.Catalogue.Status;
import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.dialog.Step;

/** Checks across files: references, reachability, required dialogs and keys, translations against the source. */
final class ContentChecks {

    private final List<Problem> problems;
    private final String fallbackLanguage;

    ContentChecks(List<Problem> problems, String fallbackLanguage) {
        this.problems = problems;
        this.fallbackLanguage = fallbackLanguage;
    }

    void checkRequired(Map<String, Dialog> dialogs, Collection<SourceFile> dialogFiles,
                               Collection<SourceFile> translationFiles, Map<String, LanguageTexts> languages) {
        String folder = dialogFiles.stream().findFirst().map(f -> parent(f.path())).orElse("dialogs");
        for (String required : List.of(Content.WELCOME, Content.FALLBACK, Content.HANDOFF)) {
            if (!dialogs.containsKey(required)) {
                problems.add(Problem.error(folder + "/" + required + ".yaml", 1, "required dialog '" + required + "' is missing"));
            }
        }
        Dialog welcome = dialogs.get(Content.WELCOME);
        if (welcome != null && welcome.step(Content.MENU_STEP).isEmpty()) {
            problems.add(Problem.error(welcome.path(), 1, "dialog 'welcome' needs a step 'menu' (the main menu)"));
        }
        if (!languages.containsKey(fallbackLanguage)) {
            String tfolder = translationFiles.stream().findFirst().map(f -> parent(f.path())).orElse("translations");
            problems.add(Problem.error(tfolder + "/" + fallbackLanguage + ".yaml", 1, "the fallback language '" + fallbackLanguage + "' has no translation file"));
        }
    }

    private static String parent(String path) {
        int i = path.replace('\\', '/').lastIndexOf('/');
        return i < 0 ? "." : path.substring(0, i);
    }

    void checkDialog(Dialog d, Map<String, Dialog> dialogs, Catalogue catalogue) {
        String path = d.path();
        Map<String, Step> byId = new LinkedHashMap<>();
        d.steps().forEach(s -> byId.put(s.id(), s));
        if (d.title() != null) checkKey(path, 1, d.title(), catalogue);
        for (Step s : d.steps()) {
            for (String target : stepTargets(s)) {
                if (!byId.containsKey(target)) problems.add(Problem.error(path, s.line(), "step '" + s.id() + "' goes to unknown step '" + target + "'"));
            }
            if (s instanceof Step.Call c) {
                if (!dialogs.containsKey(c.dialog())) problems.add(Problem.error(path, s.line(), "step '" + s.id() + "' calls unknown dialog '" + c.dialog() + "'"));
                else if (c.dialog().equals(d.id())) problems.add(Problem.error(path, s.line(), "step '" + s.id() + "' calls its own dialog"));
            } else if (s instanceof Step.Goto g && g.target().contains("#")) {
                String[] t = g.target().split("#", 2);
                Dialog other = dialogs.get(t[0]);
                if (other == null) problems.add(Problem.error(path, s.line(), "step '" + s.id() + "' goes to unknown dialog '" + t[0] + "'"));
                else if (other.step(t[1]).isEmpty()) problems.add(Problem.error(path, s.line(), "step '" + s.id() + "' goes to unknown step '" + t[1] + "' of dialog '" + t[0] + "'"));
            } else if (s instanceof Step.Goto g && !byId.containsKey(g.target()) && !dialogs.containsKey(g.target())) {
                problems.add(Problem.error(path, s.line(), "step '" + s.id() + "' goes to '" + g.target() + "', which is neither a step of this dialog nor a dialog"));
            }
            for (String key : Dialog.textKeys(s)) checkKey(path, s.line(), key, catalogue);
            checkPickUp(path, s, catalogue);
        }
        // The engine follows a safety dialog's handoff with one of these (a person comes first / nobody is online).
        if (d.id().equals("safety") || d.id().startsWith("safety.")) {
            for (String key : List.of("safety.queued", "safety.closed")) checkKey(path, 1, key, catalogue);
        }
        for (String lang : d.examples().keySet()) {
            if (catalogue.language(lang).isEmpty()) problems.add(Problem.warning(path, 1, "examples for '" + lang + "', a language with no translation file"));
        }
        // Reachability from the start step.
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(d.start()));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            Step s = byId.get(id);
            if (s == null || !seen.add(id)) continue;
            todo.addAll(stepTargets(s));
            if (s instanceof Step.Goto g && byId.containsKey(g.target())) todo.add(g.target());
            if (fallsThrough(s)) d.following(s).ifPresent(f -> todo.add(f.id()));
        }
        for (Step s : d.steps()) {
            if (!seen.contains(s.id()) && !(d.id().equals(Content.WELCOME) && s.id().equals(Content.MENU_STEP))) {
                problems.add(Problem.error(path, s.line(), "step '" + s.id() + "' is unreachable"));
            }
        }
    }

    /** Steps with no explicit next continue with the following step in the file. */
    public static boolean fallsThrough(Step s) {
        if (s instanceof Step.Say say) return say.next() == null;
        if (s instanceof Step.Input in) return in.next() == null;
        if (s instanceof Step.Call c) return c.next() == null;
        return false;
    }

    /** The step ids (of the same dialog) this step can lead to, besides falling through and goto. */
    public static List<String> stepTargets(Step s) {
        List<String> t = new ArrayList<>();
        if (s instanceof Step.Say say && say.next() != null) t.add(say.next());
        else if (s instanceof Step.Ask ask) ask.choices().forEach(c -> t.add(c.next()));
        else if (s instanceof Step.Input in && in.next() != null) t.add(in.next());
        else if (s instanceof Step.Branch b) {
            b.rules().forEach(r -> t.add(r.next()));
            t.add(b.otherwise());
        } else if (s instanceof Step.Call c && c.next() != null) t.add(c.next());
        return t;
    }

    /** Choice keywords and examples, and number keywords: the engine's "I understood" texts, known languages. */
    private void checkPickUp(String path, Step s, Catalogue catalogue) {
        List<Map<String, List<String>>> words = new ArrayList<>();
        if (s instanceof Step.Ask a) a.choices().forEach(c -> { words.add(c.keywords()); words.add(c.examples()); });
        if (s instanceof Step.Input in) words.add(in.keywords());
        if (words.stream().allMatch(Map::isEmpty)) return;
        if (s instanceof Step.Ask a && a.into() == null) {
            problems.add(Problem.warning(path, s.line(), "step '" + s.id() + "' has choice keywords but no 'into': nothing is filled"));
        }
        for (String key : List.of("system.understood", "system.understood_fix")) checkKey(path, s.line(), key, catalogue);
        for (Map<String, List<String>> m : words) {
            for (String lang : m.keySet()) {
                if (!catalogue.languages().contains(lang)) {
                    problems.add(Problem.warning(path, s.line(), "step '" + s.id() + "' has keywords or examples for '" + lang + "', which has no translation file"));
                }
            }
        }
        if (s instanceof Step.Ask a) {
            Map<String, String> owner = new LinkedHashMap<>();
            for (Step.Choice c : a.choices()) {
                c.keywords().values().forEach(list -> list.forEach(k -> {
                    String other = owner.putIfAbsent(k.strip().toLowerCase(java.util.Locale.ROOT), c.value());
                    if (other != null && !other.equals(c.value())) {
                        problems.add(Problem.warning(path, s.line(), "keyword '" + k + "' of step '" + s.id() + "' names two choices ('" + other + "' and '" + c.value() + "'): it never fills"));
                    }
                }));
            }
        }
    }

    private void checkKey(String path, int line, String key, Catalogue catalogue) {
        LanguageTexts source = catalogue.language(fallbackLanguage).orElse(null);
        if (source == null) return;
        if (!source.texts().containsKey(key)) {
            problems.add(Problem.error(path, line, "translation key '" + key + "' is missing in the fallback language (" + source.path() + ")"));
            return;
        }
        for (LanguageTexts l : catalogue.languages_().values()) {
            if (!l.texts().containsKey(key)) {
                problems.add(Problem.warning(l.path(), 1, "text '" + key + "' (used in " + path + ":" + line + ") is missing; the " + fallbackLanguage + " text is shown"));
            }
        }
    }

    /** The same example phrase in two dialogs teaches the router two answers to one question. */
    void checkExamplesAreDistinct(Map<String, Dialog> dialogs) {
        Map<String, String> owner = new java.util.HashMap<>();
        for (Dialog d : dialogs.values()) {
            for (var e : d.examples().entrySet()) {
                for (String phrase : e.getValue()) {
                    String key = e.getKey() + ":" + org.lots.helpdesk.language.TextNormalizer.key(phrase);
                    String other = owner.putIfAbsent(key, d.id());
                    if (other != null && !other.equals(d.id())) {
                        problems.add(Problem.warning(d.path(), 1, "example '" + phrase + "' (" + e.getKey() + ") is also an example of dialog '" + other + "'"));
                    }
                }
            }
        }
    }

    void checkEngineKeys(Catalogue catalogue, Collection<SourceFile> translationFiles) {
        catalogue.language(fallbackLanguage).ifPresent(source -> {
            for (String key : ContentLoader.ENGINE_KEYS) {
                if (!source.texts().containsKey(key)) {
                    problems.add(Problem.error(source.path(), 1, "translation key '" + key + "' (used by the help desk itself) is missing in the fallback language"));
                }
            }
        });
    }

    void checkTranslations(Catalogue catalogue) {
        LanguageTexts source = catalogue.language(fallbackLanguage).orElse(null);
        if (source == null) return;
        for (LanguageTexts l : catalogue.languages_().values()) {
            if (l == source) continue;
            int machine = 0, firstMachine = 0;
            for (var e : l.texts().entrySet()) {
                Entry src = source.texts().get(e.getKey());
                Entry t = e.getValue();
                if (src == null) {
                    problems.add(Problem.warning(l.path(), t.line(), "text '" + e.getKey() + "' is not in the fallback language; it is never shown"));
                    continue;
                }
                if (t.status() == Status.MACHINE && machine++ == 0) firstMachine = t.line();
                if (t.sourceHash() != null && !t.sourceHash().equals(Catalogue.hash(src.text()))) {
                    problems.add(Problem.warning(l.path(), t.line(), "text '" + e.getKey() + "' is outdated: the " + fallbackLanguage + " text changed after it was translated"));
                }
            }
            if (machine > 0) {
                problems.add(Problem.warning(l.path(), firstMachine, machine + " machine-made text(s) not yet reviewed by a native speaker"));
            }
        }
        // Keys used only by the engine, missing in a language: warn like dialog keys.
        for (String key : ContentLoader.ENGINE_KEYS) {
            for (LanguageTexts l : catalogue.languages_().values()) {
                if (source.texts().containsKey(key) && !l.texts().containsKey(key)) {
                    problems.add(Problem.warning(l.path(), 1, "text '" + key + "' is missing; the " + fallbackLanguage + " text is shown"));
                }
            }
        }
    }

}
