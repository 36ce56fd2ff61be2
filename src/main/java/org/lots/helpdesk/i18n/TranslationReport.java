package org.lots.helpdesk.i18n;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.dialog.Catalogue.Entry;
import org.lots.helpdesk.dialog.Catalogue.LanguageTexts;
import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;

/**
 * Where each language stands, per dialog: texts missing, machine-made, reviewed, and outdated (the source text
 * changed after the translation was made, seen by the source hash each translation keeps). Texts no dialog uses
 * (the help desk's own, the channels', the advisers') are grouped under "(system)".
 */
public final class TranslationReport {

    public static final String SYSTEM = "(system)", ALL = "(all)";

    public record Row(String language, String dialog, int total, int missing, int machine, int reviewed, int outdated) {}

    private TranslationReport() {}

    public static List<Row> of(Content content) {
        Catalogue catalogue = content.catalogue();
        LanguageTexts source = catalogue.language(catalogue.fallback()).orElseThrow();
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        for (Dialog d : content.dialogs().values()) {
            groups.put(d.id(), d.keys());
            used.addAll(d.keys());
        }
        Set<String> system = new LinkedHashSet<>(source.texts().keySet());
        system.removeAll(used);
        groups.put(SYSTEM, system);
        List<Row> rows = new ArrayList<>();
        for (LanguageTexts l : catalogue.languages_().values()) {
            for (var g : groups.entrySet()) rows.add(row(source, l, g.getKey(), g.getValue()));
        }
        return rows;
    }

    /**
     * One row per language over all its texts, each counted once (a text that several dialogs show is in each of
     * their rows above, so those rows do not add up to a language's total); {@code dialog} is {@link #ALL}.
     */
    public static List<Row> totals(Content content) {
        Catalogue catalogue = content.catalogue();
        LanguageTexts source = catalogue.language(catalogue.fallback()).orElseThrow();
        List<Row> rows = new ArrayList<>();
        for (LanguageTexts l : catalogue.languages_().values()) rows.add(row(source, l, ALL, source.texts().keySet()));
        return rows;
    }

    private static Row row(LanguageTexts source, LanguageTexts l, String group, Set<String> keys) {
        int missing = 0, machine = 0, reviewed = 0, outdated = 0, total = 0;
        for (String key : keys) {
            Entry src = source.texts().get(key);
            if (src == null) continue;
            total++;
            Entry e = l.texts().get(key);
            if (e == null) {
                missing++;
                continue;
            }
            if (l == source) {
                reviewed++;
                continue;
            }
            if (e.sourceHash() != null && !e.sourceHash().equals(Catalogue.hash(src.text()))) outdated++;
            if (e.status() == Catalogue.Status.MACHINE) machine++;
            else reviewed++;
        }
        return new Row(l.code(), group, total, missing, machine, reviewed, outdated);
    }

    public static void print(List<Row> rows, PrintStream out) {
        out.printf("%-8s %-22s %6s %8s %8s %9s %9s%n", "language", "dialog", "texts", "missing", "machine", "reviewed", "outdated");
        Map<String, int[]> totals = new LinkedHashMap<>();
        for (Row r : rows) {
            out.printf("%-8s %-22s %6d %8d %8d %9d %9d%n", r.language(), r.dialog(), r.total(), r.missing(), r.machine(), r.reviewed(), r.outdated());
            int[] t = totals.computeIfAbsent(r.language(), k -> new int[5]);
            t[0] += r.total(); t[1] += r.missing(); t[2] += r.machine(); t[3] += r.reviewed(); t[4] += r.outdated();
        }
        out.println();
        out.printf("%-8s %-22s %6s %8s %8s %9s %9s%n", "language", "(all dialogs)", "texts", "missing", "machine", "reviewed", "outdated");
        totals.forEach((l, t) -> out.printf("%-8s %-22s %6d %8d %8d %9d %9d%n", l, "", t[0], t[1], t[2], t[3], t[4]));
    }
}
