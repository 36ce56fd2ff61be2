package org.lots.helpdesk.studio.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.dialog.script.Problem;
import org.lots.helpdesk.i18n.TranslationReport;
import org.lots.helpdesk.unanswered.UnansweredGroups;

/**
 * The content's health at a glance, for editors: what lint says, where each language stands (texts missing and
 * outdated, per dialog), which dialogs have few example phrases in some language (the router then guesses), and
 * what newcomers asked lately that the bot could not answer.
 */
record ContentHealthReport(Lint lint, List<LanguageHealth> translations, Examples examples, Unanswered unanswered) {

    /** @param refused the last edit has errors: the content before it keeps serving */
    record Lint(int errors, int warnings, boolean refused, List<Line> problems) {}

    record Line(String path, int line, String severity, String message) {}

    /** @param dialogs the dialogs where this language has texts missing or outdated */
    record LanguageHealth(String language, String name, int total, int missing, int machine, int reviewed, int outdated,
                          List<DialogGap> dialogs) {}

    record DialogGap(String dialog, int missing, int outdated) {}

    /** @param few fewer phrases than this in a language count as few */
    record Examples(int few, List<ExampleGap> gaps) {}

    /** @param most the phrases of the language this dialog has most of: what the others could reach */
    record ExampleGap(String dialog, String language, int count, int most) {}

    record Unanswered(int days, int questions, List<UnansweredGroups.Group> groups) {}

    static ContentHealthReport of(Content content, List<Problem> problems, int few, Unanswered unanswered) {
        return new ContentHealthReport(lint(problems), translations(content), examples(content, few), unanswered);
    }

    static Lint lint(List<Problem> problems) {
        List<Line> lines = problems.stream().sorted(Comparator.comparing((Problem p) -> !p.isError()).thenComparing(Comparator.naturalOrder()))
                .map(p -> new Line(p.path(), p.line(), p.severity().name().toLowerCase(java.util.Locale.ROOT), p.message())).toList();
        int errors = (int) problems.stream().filter(Problem::isError).count();
        return new Lint(errors, problems.size() - errors, errors > 0, lines);
    }

    static List<LanguageHealth> translations(Content content) {
        Map<String, List<DialogGap>> gaps = new LinkedHashMap<>();
        for (TranslationReport.Row r : TranslationReport.of(content)) {
            List<DialogGap> list = gaps.computeIfAbsent(r.language(), l -> new ArrayList<>());
            if (r.missing() > 0 || r.outdated() > 0) list.add(new DialogGap(r.dialog(), r.missing(), r.outdated()));
        }
        Map<String, String> names = content.catalogue().names();
        List<LanguageHealth> out = new ArrayList<>();
        for (TranslationReport.Row t : TranslationReport.totals(content)) {
            List<DialogGap> where = new ArrayList<>(gaps.getOrDefault(t.language(), List.of()));
            where.sort(Comparator.comparingInt((DialogGap g) -> -(g.missing() + g.outdated())).thenComparing(DialogGap::dialog));
            out.add(new LanguageHealth(t.language(), names.getOrDefault(t.language(), t.language()), t.total(), t.missing(),
                    t.machine(), t.reviewed(), t.outdated(), where));
        }
        out.sort(Comparator.comparingInt((LanguageHealth l) -> -(l.missing() + l.outdated())).thenComparing(LanguageHealth::language));
        return out;
    }

    /** Dialogs the router learns (those with examples in some language), in each language with fewer than {@code few}. */
    static Examples examples(Content content, int few) {
        List<ExampleGap> gaps = new ArrayList<>();
        for (Dialog d : content.dialogs().values()) {
            if (d.examples() == null || d.examples().isEmpty()) continue;
            int most = d.examples().values().stream().mapToInt(List::size).max().orElse(0);
            for (String language : content.languages()) {
                int count = d.examples().getOrDefault(language, List.of()).size();
                if (count < few) gaps.add(new ExampleGap(d.id(), language, count, most));
            }
        }
        gaps.sort(Comparator.comparingInt(ExampleGap::count).thenComparing(ExampleGap::dialog).thenComparing(ExampleGap::language));
        return new Examples(few, gaps);
    }
}
