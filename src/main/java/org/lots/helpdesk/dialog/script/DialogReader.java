package org.lots.helpdesk.dialog.script;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.dialog.Municipalities;
import org.lots.helpdesk.dialog.Step;
import org.lots.helpdesk.dialog.script.YamlNode.Mapping;
import org.lots.helpdesk.dialog.script.YamlNode.Scalar;
import org.lots.helpdesk.dialog.script.YamlNode.Sequence;

/** Reads one {@code dialogs/<id>.yaml} into a {@link Dialog}: its steps, examples and keywords. */
final class DialogReader {

    /** What a choice of an {@code ask} may hold. */
    static final Set<String> CHOICE_KEYS = Set.of("label", "value", "next", "keywords", "examples");

    private final List<Problem> problems;
    private final String fallbackLanguage;

    DialogReader(List<Problem> problems, String fallbackLanguage) {
        this.problems = problems;
        this.fallbackLanguage = fallbackLanguage;
    }

    Dialog readDialog(SourceFile f) {
        YamlNode parsed = ContentLoader.parse(f, problems);
        if (parsed == null) return null;
        Mapping root = (Mapping) parsed;
        String path = f.path();
        for (String k : root.entries().keySet()) {
            if (!ContentLoader.DIALOG_KEYS.contains(k)) problems.add(Problem.error(path, root.lineOf(k), "unknown key '" + k + "' in dialog"));
        }
        String spec = root.text("spec");
        if (spec == null) {
            problems.add(Problem.error(path, root.line(), "missing 'spec' (the format version, currently " + ContentLoader.SPEC_VERSION + ")"));
        } else if (!spec.trim().equals(String.valueOf(ContentLoader.SPEC_VERSION))) {
            problems.add(Problem.error(path, root.lineOf("spec"), "unsupported spec version '" + spec + "' (this help desk reads " + ContentLoader.SPEC_VERSION + ")"));
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
            problems.add(Problem.error(path, node.line(), "a step must be a mapping with an 'id' and one kind (" + String.join(", ", ContentLoader.sorted(ContentLoader.STEP_KINDS)) + ")"));
            return null;
        }
        int line = m.line();
        String id = m.text("id");
        if (id == null || id.isBlank()) {
            problems.add(Problem.error(path, line, "step without 'id'"));
            return null;
        }
        for (String k : m.entries().keySet()) {
            if (!ContentLoader.STEP_KEYS.contains(k)) problems.add(Problem.error(path, m.lineOf(k), "unknown key '" + k + "' in step '" + id + "'"));
        }
        List<String> kinds = m.entries().keySet().stream().filter(ContentLoader.STEP_KINDS::contains).toList();
        if (kinds.size() != 1) {
            problems.add(Problem.error(path, line, "step '" + id + "' must have exactly one kind of "
                    + String.join(", ", ContentLoader.sorted(ContentLoader.STEP_KINDS)) + (kinds.isEmpty() ? "" : " (has " + String.join(", ", kinds) + ")")));
            return null;
        }
        String kind = kinds.get(0);
        if (m.get("keywords") != null && !kind.equals("input")) {
            problems.add(Problem.error(path, m.lineOf("keywords"), "'keywords' belong on an input step or on the choices of an ask (step '" + id + "')"));
        }
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
        if (m.get("choices") instanceof YamlNode.Scalar sc && sc.value().equals(Municipalities.FROM_SETTINGS)) {
            // Expanded by the loader from the settings (MunicipalityChoices); every choice goes on to `next`.
            if (m.text("next") == null) throw new IllegalArgumentException("'choices: municipalities' needs 'next'");
            return List.of(new Step.Choice(Municipalities.FROM_SETTINGS, Municipalities.FROM_SETTINGS, m.text("next")));
        }
        if (!(m.get("choices") instanceof Sequence s) || s.items().isEmpty()) {
            throw new IllegalArgumentException("'ask' needs 'choices' (a list of label/next)");
        }
        List<Step.Choice> out = new ArrayList<>();
        for (YamlNode n : s.items()) {
            if (!(n instanceof Mapping c) || c.text("label") == null || c.text("next") == null) {
                problems.add(Problem.error(path, n.line(), "a choice in step '" + id + "' needs 'label' and 'next'"));
                continue;
            }
            for (String k : c.entries().keySet()) {
                if (!CHOICE_KEYS.contains(k)) problems.add(Problem.error(path, c.lineOf(k), "unknown key '" + k + "' in a choice of step '" + id + "'"));
            }
            String value = c.text("value") != null ? c.text("value") : c.text("next");
            out.add(new Step.Choice(c.text("label"), value, c.text("next"), perLanguage(path, c, "keywords"), perLanguage(path, c, "examples")));
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
        Map<String, List<String>> keywords = perLanguage(path, m, "keywords");
        if (!keywords.isEmpty() && expect != Step.Expect.NUMBER) throw new IllegalArgumentException("'keywords' on an input need 'expect: number'");
        keywords.forEach((lang, list) -> list.forEach(k -> {
            if (k.chars().filter(ch -> ch == '#').count() != 1) {
                problems.add(Problem.error(path, m.lineOf("keywords"), "keyword '" + k + "' (" + lang + ") of step '" + id + "' needs exactly one # where the number stands"));
            }
        }));
        return new Step.Input(id, line, text, into, expect, number(m, "min"), number(m, "max"), options, m.text("invalid"), next, keywords);
    }

    /** {@code keywords: {en: [...], sv: [...]}} on a choice or an input: phrases per language. */
    private Map<String, List<String>> perLanguage(String path, Mapping m, String key) {
        YamlNode node = m.get(key);
        if (node == null) return Map.of();
        if (!(node instanceof Mapping byLanguage)) {
            problems.add(Problem.error(path, m.lineOf(key), "'" + key + "' must map language codes to lists of phrases"));
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        byLanguage.entries().forEach((lang, v) -> out.put(lang, List.copyOf(strings(path, v, key + "." + lang))));
        return Map.copyOf(out);
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

}
