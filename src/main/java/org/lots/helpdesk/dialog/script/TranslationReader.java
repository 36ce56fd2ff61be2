package org.lots.helpdesk.dialog.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lots.helpdesk.dialog.Catalogue.Entry;
import org.lots.helpdesk.dialog.Catalogue.LanguageTexts;
import org.lots.helpdesk.dialog.Catalogue.Status;
import org.lots.helpdesk.dialog.OfficeHours;
import org.lots.helpdesk.dialog.script.YamlNode.Mapping;
import org.lots.helpdesk.dialog.script.YamlNode.Scalar;
import org.lots.helpdesk.dialog.script.YamlNode.Sequence;

import com.ibm.icu.text.MessageFormat;

/** Reads {@code translations/<lang>.yaml} (texts, their status and source hash) and {@code settings.yaml}. */
final class TranslationReader {

    private final List<Problem> problems;
    private final String fallbackLanguage;

    TranslationReader(List<Problem> problems, String fallbackLanguage) {
        this.problems = problems;
        this.fallbackLanguage = fallbackLanguage;
    }

    Map<String, Object> readSettings(SourceFile f) {
        YamlNode root = ContentLoader.parse(f, problems);
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
        if (node instanceof Sequence s) return s.items().stream().map(TranslationReader::plain).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        ((Mapping) node).entries().forEach((k, v) -> m.put(k, plain(v)));
        return m;
    }

    LanguageTexts readTranslation(SourceFile f) {
        YamlNode parsed = ContentLoader.parse(f, problems);
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
            return ContentLoader.oneLine(e.getMessage());
        }
    }

}
