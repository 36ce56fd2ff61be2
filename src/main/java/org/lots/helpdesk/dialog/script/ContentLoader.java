package org.lots.helpdesk.dialog.script;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.dialog.Catalogue.LanguageTexts;
import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.dialog.Municipalities;
import org.lots.helpdesk.dialog.script.YamlNode.Mapping;
import org.lots.helpdesk.dialog.script.YamlNode.Scalar;
import org.lots.helpdesk.dialog.script.YamlNode.Sequence;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code dialogs/} and {@code translations/} into a {@link Content}, and says what is wrong with them.
 * Errors stop the content from loading (the last good content keeps serving); warnings do not.
 */
public final class ContentLoader {

    public static final int SPEC_VERSION = 1;
    public static final String SETTINGS_FILE = "settings";
    static final Set<String> STEP_KINDS = Set.of("say", "ask", "input", "branch", "call", "goto", "handoff", "end");
    public static final Set<String> STEP_KEYS = Set.of("id", "say", "ask", "input", "branch", "call", "goto", "handoff",
            "end", "links", "next", "into", "choices", "expect", "min", "max", "options", "invalid", "keywords");
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
            "handoff.satisfaction_q", "handoff.satisfaction_thanks",
            // privacy: the notice at first contact, /privacy, /mydata, consent before an adviser reads
            "privacy.first_contact", "privacy.days", "privacy.notice", "privacy.mydata", "privacy.mydata_none",
            "privacy.consent_q", "privacy.consent_yes", "privacy.consent_no", "privacy.consent_declined");

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
        TranslationReader translations = new TranslationReader(problems, fallbackLanguage);
        DialogReader dialogReader = new DialogReader(problems, fallbackLanguage);
        ContentChecks checks = new ContentChecks(problems, fallbackLanguage);
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, LanguageTexts> languages = new LinkedHashMap<>();
        for (SourceFile f : translationFiles) {
            if (f.baseName().equals(SETTINGS_FILE)) settings.putAll(translations.readSettings(f));
            else {
                LanguageTexts t = translations.readTranslation(f);
                if (t != null) languages.put(t.code(), t);
            }
        }
        Map<String, String> dialogPaths = new TreeMap<>();
        Map<String, Dialog> dialogs = new TreeMap<>();
        for (SourceFile f : dialogFiles) {
            Dialog d = dialogReader.readDialog(f);
            if (d == null) continue;
            if (dialogs.containsKey(d.id())) {
                problems.add(Problem.error(f.path(), 1, "duplicate dialog id '" + d.id() + "' (also in " + dialogPaths.get(d.id()) + ")"));
                continue;
            }
            dialogs.put(d.id(), d);
            dialogPaths.put(d.id(), f.path());
        }
        MunicipalityChoices municipalities = new MunicipalityChoices(Municipalities.of(settings));
        dialogs.replaceAll((id, d) -> municipalities.expand(d));
        Catalogue catalogue = new Catalogue(fallbackLanguage, orderLanguages(municipalities.withNames(languages)));
        new PlaceholderCheck(problems).check(dialogFiles, translationFiles);
        checks.checkRequired(dialogs, dialogFiles, translationFiles, languages);
        for (Dialog d : dialogs.values()) checks.checkDialog(d, dialogs, catalogue);
        checks.checkExamplesAreDistinct(dialogs);
        checks.checkEngineKeys(catalogue, translationFiles);
        checks.checkTranslations(catalogue);
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

    /** Parses a file into a mapping; a problem (with its line) and null when it is not one. */
    static YamlNode parse(SourceFile f, List<Problem> problems) {
        if (f.tooLarge() || f.text().length() > SourceFile.MAX_CHARS) {
            problems.add(Problem.error(f.path(), 1, "file too large (a content file may have at most " + SourceFile.MAX_CHARS + " characters)"));
            return null;
        }
        if (f.text().indexOf('\0') >= 0) {
            problems.add(Problem.error(f.path(), 1, "not a text file (contains NUL bytes)"));
            return null;
        }
        try {
            YamlNode root = YamlNode.parse(f.text());
            if (!(root instanceof Mapping)) {
                problems.add(Problem.error(f.path(), root.line(), "expected a mapping (key: value) at the top of the file"));
                return null;
            }
            reportDuplicates(f.path(), root, problems);
            return root;
        } catch (YamlNode.Refused e) {
            problems.add(Problem.error(f.path(), e.line(), e.getMessage()));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            problems.add(Problem.error(f.path(), line, "YAML syntax error: " + oneLine(e.getProblem())));
        } catch (YAMLException e) {
            problems.add(Problem.error(f.path(), 1, "YAML error: " + oneLine(e.getMessage())));
        }
        return null;
    }

    private static void reportDuplicates(String path, YamlNode node, List<Problem> problems) {
        if (node instanceof Mapping m) {
            for (Scalar d : m.duplicates()) {
                problems.add(Problem.error(path, d.line(), "duplicate key '" + d.value() + "' (first at line " + m.lineOf(d.value()) + ")"));
            }
            m.entries().values().forEach(v -> reportDuplicates(path, v, problems));
        } else if (node instanceof Sequence s) {
            s.items().forEach(v -> reportDuplicates(path, v, problems));
        }
    }

    static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
