package org.lots.helpdesk.dialog.script;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.dialog.Catalogue.Entry;
import org.lots.helpdesk.dialog.Catalogue.LanguageTexts;
import org.lots.helpdesk.dialog.Catalogue.Status;
import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.dialog.Step;
import org.lots.helpdesk.dialog.script.YamlNode.Mapping;
import org.lots.helpdesk.dialog.script.YamlNode.Scalar;
import org.lots.helpdesk.dialog.script.YamlNode.Sequence;
import org.lots.helpdesk.dialog.OfficeHours;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import com.ibm.icu.text.MessageFormat;

/**
 * Reads {@code dialogs/} and {@code translations/} into a {@link Content}, and says what is wrong with them.
 * Errors stop the content from loading (the last good content keeps serving); warnings do not.
 */
public final class ContentLoader {

    public static final int SPEC_VERSION = 1;
    public static final String SETTINGS_FILE = "settings";
    private static final Set<String> STEP_KINDS = Set.of("say", "ask", "input", "branch", "call", "goto", "handoff", "end");
    public static final Set<String> STEP_KEYS = Set.of("id", "say", "ask", "input", "branch", "call", "goto", "handoff",
            "end", "links", "next", "into", "choices", "expect", "min", "max", "options", "invalid");
    public static final Set<String> DIALOG_KEYS = Set.of("spec", "id", "title", "examples", "keywords", "start", "steps");
    /** Keys the engine itself sends; they must exist like any key a dialog uses. */
    public static final List<String> ENGINE_KEYS = List.of("system.language_menu", "system.language_switched",
            "system.language_back", "system.menu_button", "system.human_button", "system.language_button",
            "system.clarify", "system.empty", "system.too_long", "system.unreadable", "system.invalid_number",
            "system.invalid_number_range", "system.invalid_yesno", "system.invalid_choice", "system.stale_button",
            "system.restarted", "system.unsupported_language", "system.adviser_closed", "system.yes_words",
            "system.no_words", "system.menu_words", "system.human_words", "system.help", "system.kind.voice",
            "system.kind.photo", "system.kind.sticker", "system.kind.document", "system.kind.location",
            "system.kind.contact", "system.kind.other", "system.kind.edited", "system.passed_to_adviser",
            "system.forget_confirm", "system.forget_yes", "system.forget_no", "system.forgotten", "system.forget_kept",
            "system.stopped", "handoff.position", "handoff.closed_until", "handoff.adviser_joined",
            "handoff.satisfaction_q", "handoff.satisfaction_thanks");

    private final String fallbackLanguage;
    private final List<Problem> problems = new ArrayList<>();

    public ContentLoader(String fallbackLanguage) {
        this.fallbackLanguage = fallbackLanguage;
    }

    public record Result(Content content, List<Problem> problems) {
        public boolean ok() {
            return content != null;
        }

        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }
    }

    public Result load(Collection<SourceFile> dialogFiles, Collection<SourceFile> translationFiles) {
        problems.clear();
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, LanguageTexts> languages = new LinkedHashMap<>();
        for (SourceFile f : translationFiles) {
            if (f.baseName().equals(SETTINGS_FILE)) settings.putAll(readSettings(f));
            else {
                LanguageTexts t = readTranslation(f);
                if (t != null) languages.put(t.code(), t);
            }
        }
        Map<String, String> dialogPaths = new TreeMap<>();
        Map<String, Dialog> dialogs = new TreeMap<>();
        for (SourceFile f : dialogFiles) {
            Dialog d = readDialog(f);
            if (d == null) continue;
            if (dialogs.containsKey(d.id())) {
                problems.add(Problem.error(f.path(), 1, "duplicate dialog id '" + d.id() + "' (also in " + dialogPaths.get(d.id()) + ")"));
                continue;
            }
            dialogs.put(d.id(), d);
            dialogPaths.put(d.id(), f.path());
        }
        Catalogue catalogue = new Catalogue(fallbackLanguage, orderLanguages(languages));
        checkRequired(dialogs, dialogFiles, translationFiles, languages);
        for (Dialog d : dialogs.values()) checkDialog(d, dialogs, catalogue);
        checkExamplesAreDistinct(dialogs);
        checkEngineKeys(catalogue, translationFiles);
        checkTranslations(catalogue);
        problems.sort(null);
        boolean failed = problems.stream().anyMatch(Problem::isError);
        return new Result(failed ? null : new Content(java.util.Collections.unmodifiableMap(new TreeMap<>(dialogs)), catalogue, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings))), List.copyOf(problems));
    }

    /** Fallback language first, so that menus list the source language in a stable place. */
    private Map<String, LanguageTexts> orderLanguages(Map<String, LanguageTexts> languages) {
        Map<String, LanguageTexts> ordered = new LinkedHashMap<>();
        new TreeMap<>(languages).forEach(ordered::put);
        return ordered;
    }

    // ---------------------------------------------------------------- files

    private YamlNode parse(SourceFile f) {
        if (f.text().indexOf('\0') >= 0) {
            problems.add(Problem.error(f.path(), 1, "not a text file (contains NUL bytes)"));
            return null;
        }
        try {
            YamlNode root = YamlNode.parse(new StringReader(f.text()));
            if (!(root instanceof Mapping)) {
                problems.add(Problem.error(f.path(), root.line(), "expected a mapping (key: value) at the top of the file"));
                return null;
            }
            reportDuplicates(f.path(), root);
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            problems.add(Problem.error(f.path(), line, "YAML syntax error: " + oneLine(e.getProblem())));
        } catch (YAMLException e) {
            problems.add(Problem.error(f.path(), 1, "YAML error: " + oneLine(e.getMessage())));
        }
        return null;
    }

    private void reportDuplicates(String path, YamlNode node) {
        if (node instanceof Mapping m) {
            for (Scalar d : m.duplicates()) {
                problems.add(Problem.error(path, d.line(), "duplicate key '" + d.value() + "' (first at line " + m.lineOf(d.value()) + ")"));
            }
            m.entries().values().forEach(v -> reportDuplicates(path, v));
        } else if (node instanceof Sequence s) {
            s.items().forEach(v -> reportDuplicates(path, v));
        }
    }

    private Map<String, Object> readSettings(SourceFile f) {
        YamlNode root = parse(f);
        if (root == null) return Map.of();
        Map<String, Object> out = new LinkedHashMap<>();
        ((Mapping) root).entries().forEach((k, v) -> out.put(k, plain(v)));
        OfficeHours.problems(out).forEach((path, message) -> problems.add(Problem.error(f.path(), lineOf(root, path), message)));
        return out;
    }

    /** The line of a dotted settings path such as {@code office_hours.mon} or {@code holidays.2}. */
    private static int lineOf(YamlNode node, String path) {
        int line = node.line();
        for (String part : path.split("\\.")) {
            if (node instanceof Mapping m && m.get(part) != null) {
                line = m.lineOf(part);
                node = m.get(part);
            } else if (node instanceof Sequence q && part.matches("\\d+") && Integer.parseInt(part) < q.items().size()) {
                node = q.items().get(Integer.parseInt(part));
                line = node.line();
            } else {
                break;
            }
        }
        return line;
    }

    private static Object plain(YamlNode node) {
        if (node instanceof Scalar s) return s.value();
        if (node instanceof Sequence s) return s.items().stream().map(ContentLoader::plain).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        ((Mapping) node).entries().forEach((k, v) -> m.put(k, plain(v)));
        return m;
    }

    private LanguageTexts readTranslation(SourceFile f) {
        YamlNode parsed = parse(f);
        if (parsed == null) return null;
        Mapping root = (Mapping) parsed;
        String code = root.text("language");
        if (code == null || code.isBlank()) {
            problems.add(Problem.error(f.path(), root.line(), "missing 'language' (the language code, e.g. 'ar')"));
            return null;
        }
        if (!code.equals(f.baseName())) {
            problems.add(Problem.error(f.path(), root.lineOf("language"), "language '" + code + "' does not match the file name " + f.baseName() + ".yaml"));
        }
        String name = root.text("name");
        if (name == null || name.isBlank()) {
            problems.add(Problem.error(f.path(), root.line(), "missing 'name' (the language's name in itself, for the language menu)"));
            name = code;
        }
        String direction = root.text("direction") == null ? "ltr" : root.text("direction");
        if (!direction.equals("ltr") && !direction.equals("rtl")) {
            problems.add(Problem.error(f.path(), root.lineOf("direction"), "direction must be 'ltr' or 'rtl', not '" + direction + "'"));
        }
        Map<String, Entry> texts = new LinkedHashMap<>();
        YamlNode textsNode = root.get("texts");
        if (!(textsNode instanceof Mapping tm)) {
            problems.add(Problem.error(f.path(), root.lineOf("texts"), "missing 'texts' (a mapping of translation keys to texts)"));
            return new LanguageTexts(code, name, direction, texts, f.path());
        }
        boolean isSource = code.equals(fallbackLanguage);
        for (var e : tm.entries().entrySet()) {
            String key = e.getKey();
            int line = tm.lineOf(key);
            String text, hash = null;
            Status status = isSource ? Status.SOURCE : Status.MACHINE;
            if (e.getValue() instanceof Scalar s) {
                text = s.value();
            } else if (e.getValue() instanceof Mapping m) {
                text = m.text("text");
                hash = m.text("source");
                String st = m.text("status");
                if (st != null) {
                    try {
                        status = Status.valueOf(st.trim().toUpperCase());
                    } catch (IllegalArgumentException ex) {
                        problems.add(Problem.error(f.path(), m.lineOf("status"), "unknown status '" + st + "' (use source, machine or reviewed)"));
                    }
                }
                for (String k : m.entries().keySet()) {
                    if (!Set.of("text", "status", "source").contains(k)) {
                        problems.add(Problem.error(f.path(), m.lineOf(k), "unknown field '" + k + "' in text '" + key + "' (use text, status, source)"));
                    }
                }
            } else {
                text = null;
            }
            if (text == null) {
                problems.add(Problem.error(f.path(), line, "text '" + key + "' has no text"));
                continue;
            }
            String icuError = icuError(text);
            if (icuError != null) problems.add(Problem.error(f.path(), line, "ICU MessageFormat error in '" + key + "': " + icuError));
            texts.put(key, new Entry(text, status, hash, line));
        }
        return new LanguageTexts(code, name, direction, texts, f.path());
    }

    static String icuError(String text) {
        try {
            new MessageFormat(text);
            return null;
        } catch (IllegalArgumentException e) {
            return oneLine(e.getMessage());
        }
    }

    // ---------------------------------------------------------------- dialogs

    private Dialog readDialog(SourceFile f) {
        YamlNode parsed = parse(f);
        if (parsed == null) return null;
        Mapping root = (Mapping) parsed;
        String path = f.path();
        for (String k : root.entries().keySet()) {
            if (!DIALOG_KEYS.contains(k)) problems.add(Problem.error(path, root.lineOf(k), "unknown key '" + k + "' in dialog"));
        }
        String spec = root.text("spec");
        if (spec == null) {
            problems.add(Problem.error(path, root.line(), "missing 'spec' (the format version, currently " + SPEC_VERSION + ")"));
        } else if (!spec.trim().equals(String.valueOf(SPEC_VERSION))) {
            problems.add(Problem.error(path, root.lineOf("spec"), "unsupported spec version '" + spec + "' (this help desk reads " + SPEC_VERSION + ")"));
        }
        String id = root.text("id");
        if (id == null || id.isBlank()) {
            problems.add(Problem.error(path, root.line(), "missing 'id'"));
            return null;
        }
        if (!id.equals(f.baseName())) {
            problems.add(Problem.error(path, root.lineOf("id"), "dialog id '" + id + "' does not match the file name " + f.baseName() + ".yaml"));
        }
        List<Step> steps = new ArrayList<>();
        YamlNode stepsNode = root.get("steps");
        if (!(stepsNode instanceof Sequence seq) || seq.items().isEmpty()) {
            problems.add(Problem.error(path, root.lineOf("steps"), "missing 'steps' (a list with at least one step)"));
            return null;
        }
        Set<String> ids = new HashSet<>();
        for (YamlNode n : seq.items()) {
            Step s = readStep(path, n);
            if (s == null) continue;
            if (!ids.add(s.id())) {
                problems.add(Problem.error(path, s.line(), "duplicate step id '" + s.id() + "'"));
                continue;
            }
            steps.add(s);
        }
        if (steps.isEmpty()) return null;
        String start = root.text("start") != null ? root.text("start") : steps.get(0).id();
        if (!ids.contains(start)) problems.add(Problem.error(path, root.lineOf("start"), "unknown start step '" + start + "'"));
        Map<String, List<String>> examples = new LinkedHashMap<>();
        if (root.get("examples") instanceof Mapping ex) {
            ex.entries().forEach((lang, v) -> examples.put(lang, strings(path, v, "examples." + lang)));
        } else if (root.get("examples") != null) {
            problems.add(Problem.error(path, root.lineOf("examples"), "'examples' must map language codes to lists of phrases"));
        }
        List<String> keywords = root.get("keywords") == null ? List.of() : strings(path, root.get("keywords"), "keywords");
        return new Dialog(id, root.text("title"), start, List.copyOf(steps), examples, keywords, path);
    }

    private List<String> strings(String path, YamlNode node, String what) {
        if (node instanceof Sequence s) {
            List<String> out = new ArrayList<>();
            for (YamlNode i : s.items()) {
                if (i instanceof Scalar sc && !sc.value().isBlank()) out.add(sc.value());
                else problems.add(Problem.error(path, i.line(), what + ": expected a phrase"));
            }
            return out;
        }
        problems.add(Problem.error(path, node.line(), what + ": expected a list"));
        return List.of();
    }

    private Step readStep(String path, YamlNode node) {
        if (!(node instanceof Mapping m)) {
            problems.add(Problem.error(path, node.line(), "a step must be a mapping with an 'id' and one kind (" + String.join(", ", sorted(STEP_KINDS)) + ")"));
            return null;
        }
        int line = m.line();
        String id = m.text("id");
        if (id == null || id.isBlank()) {
            problems.add(Problem.error(path, line, "step without 'id'"));
            return null;
        }
        for (String k : m.entries().keySet()) {
            if (!STEP_KEYS.contains(k)) problems.add(Problem.error(path, m.lineOf(k), "unknown key '" + k + "' in step '" + id + "'"));
        }
        List<String> kinds = m.entries().keySet().stream().filter(STEP_KINDS::contains).toList();
        if (kinds.size() != 1) {
            problems.add(Problem.error(path, line, "step '" + id + "' must have exactly one kind of "
                    + String.join(", ", sorted(STEP_KINDS)) + (kinds.isEmpty() ? "" : " (has " + String.join(", ", kinds) + ")")));
            return null;
        }
        String kind = kinds.get(0);
        String value = m.text(kind);
        String next = m.text("next");
        try {
            return switch (kind) {
                case "say" -> new Step.Say(id, line, require(value, "say"), links(path, m), next);
                case "ask" -> new Step.Ask(id, line, require(value, "ask"), m.text("into"), choices(path, m, id));
                case "input" -> input(path, m, id, line, require(value, "input"), next);
                case "branch" -> branch(path, m, id, line);
                case "call" -> new Step.Call(id, line, require(value, "call"), next);
                case "goto" -> new Step.Goto(id, line, require(value, "goto"));
                case "handoff" -> new Step.Handoff(id, line, blankToNull(value));
                default -> new Step.End(id, line, blankToNull(value));
            };
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(path, line, "step '" + id + "': " + e.getMessage()));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String require(String value, String kind) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("'" + kind + "' needs a value");
        return value;
    }

    private List<Step.Link> links(String path, Mapping m) {
        List<Step.Link> links = new ArrayList<>();
        if (m.get("links") == null) return links;
        if (!(m.get("links") instanceof Sequence s)) throw new IllegalArgumentException("'links' must be a list");
        for (YamlNode n : s.items()) {
            if (!(n instanceof Mapping l) || l.text("label") == null || l.text("url") == null) {
                problems.add(Problem.error(path, n.line(), "a link needs 'label' (a translation key) and 'url'"));
                continue;
            }
            String url = l.text("url");
            if (!url.startsWith("https://") && !url.startsWith("http://") && !url.matches("\\{[a-z_]+}")) {
                problems.add(Problem.error(path, l.lineOf("url"), "link url must start with https:// or be a setting such as {municipality_url} ('" + url + "')"));
            }
            links.add(new Step.Link(l.text("label"), url));
        }
        return links;
    }

    private List<Step.Choice> choices(String path, Mapping m, String id) {
        if (!(m.get("choices") instanceof Sequence s) || s.items().isEmpty()) {
            throw new IllegalArgumentException("'ask' needs 'choices' (a list of label/next)");
        }
        List<Step.Choice> out = new ArrayList<>();
        for (YamlNode n : s.items()) {
            if (!(n instanceof Mapping c) || c.text("label") == null || c.text("next") == null) {
                problems.add(Problem.error(path, n.line(), "a choice in step '" + id + "' needs 'label' and 'next'"));
                continue;
            }
            String value = c.text("value") != null ? c.text("value") : c.text("next");
            out.add(new Step.Choice(c.text("label"), value, c.text("next")));
        }
        return out;
    }

    private Step.Input input(String path, Mapping m, String id, int line, String text, String next) {
        String into = m.text("into");
        if (into == null) throw new IllegalArgumentException("'input' needs 'into' (the variable to fill)");
        String expectText = m.text("expect") == null ? "free" : m.text("expect");
        Step.Expect expect;
        try {
            expect = Step.Expect.valueOf(expectText.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown expect '" + expectText + "' (use number, yesno, oneof or free)");
        }
        List<String> options = m.get("options") == null ? List.of() : strings(path, m.get("options"), "options");
        if (expect == Step.Expect.ONEOF && options.isEmpty()) throw new IllegalArgumentException("'expect: oneof' needs 'options'");
        return new Step.Input(id, line, text, into, expect, number(m, "min"), number(m, "max"), options, m.text("invalid"), next);
    }

    private static Double number(Mapping m, String key) {
        String v = m.text(key);
        if (v == null) return null;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a number, not '" + v + "'");
        }
    }

    private Step.Branch branch(String path, Mapping m, String id, int line) {
        if (!(m.get("branch") instanceof Sequence s) || s.items().isEmpty()) {
            throw new IllegalArgumentException("'branch' needs a list of rules (when/next, and a last 'else')");
        }
        List<Step.Rule> rules = new ArrayList<>();
        String otherwise = null;
        for (YamlNode n : s.items()) {
            if (!(n instanceof Mapping r)) {
                problems.add(Problem.error(path, n.line(), "a branch rule needs 'when' and 'next', or 'else'"));
                continue;
            }
            if (r.text("else") != null) {
                otherwise = r.text("else");
            } else if (r.text("when") != null && r.text("next") != null) {
                try {
                    rules.add(new Step.Rule(org.lots.helpdesk.dialog.Condition.parse(r.text("when")), r.text("next")));
                } catch (IllegalArgumentException e) {
                    problems.add(Problem.error(path, r.lineOf("when"), e.getMessage()));
                }
            } else {
                problems.add(Problem.error(path, n.line(), "a branch rule needs 'when' and 'next', or 'else'"));
            }
        }
        if (otherwise == null) throw new IllegalArgumentException("'branch' needs a last rule '- else: step'");
        return new Step.Branch(id, line, rules, otherwise);
    }

    // ---------------------------------------------------------------- checks across files

    private void checkRequired(Map<String, Dialog> dialogs, Collection<SourceFile> dialogFiles,
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

    private void checkDialog(Dialog d, Map<String, Dialog> dialogs, Catalogue catalogue) {
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
            } else if (s instanceof Step.Goto g && !byId.containsKey(g.target()) && !dialogs.containsKey(g.target())) {
                problems.add(Problem.error(path, s.line(), "step '" + s.id() + "' goes to '" + g.target() + "', which is neither a step of this dialog nor a dialog"));
            }
            for (String key : Dialog.textKeys(s)) checkKey(path, s.line(), key, catalogue);
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
    private void checkExamplesAreDistinct(Map<String, Dialog> dialogs) {
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

    private void checkEngineKeys(Catalogue catalogue, Collection<SourceFile> translationFiles) {
        catalogue.language(fallbackLanguage).ifPresent(source -> {
            for (String key : ENGINE_KEYS) {
                if (!source.texts().containsKey(key)) {
                    problems.add(Problem.error(source.path(), 1, "translation key '" + key + "' (used by the help desk itself) is missing in the fallback language"));
                }
            }
        });
    }

    private void checkTranslations(Catalogue catalogue) {
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
        for (String key : ENGINE_KEYS) {
            for (LanguageTexts l : catalogue.languages_().values()) {
                if (source.texts().containsKey(key) && !l.texts().containsKey(key)) {
                    problems.add(Problem.warning(l.path(), 1, "text '" + key + "' is missing; the " + fallbackLanguage + " text is shown"));
                }
            }
        }
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
