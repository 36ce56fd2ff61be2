package org.lots.helpdesk.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.i18n.TranslationReport;

/**
 * Every text of one language beside its fallback-language source, as the files hold them now, with the review
 * status: {@code missing}, {@code machine}, {@code reviewed}, {@code outdated} (the source changed after it was
 * translated: its {@code source:} hash no longer matches), or {@code source} in the fallback language itself.
 */
final class ReviewTexts {

    static final List<String> STATUSES = List.of("missing", "machine", "reviewed", "outdated", "source");

    record Row(String key, String dialog, String source, String text, String status, String version) {}

    private ReviewTexts() {}

    static List<Row> of(Content content, TranslationFile sourceFile, TranslationFile languageFile, boolean isSource) {
        Map<String, String> dialogOf = dialogOf(content);
        Map<String, TranslationFile.Text> source = sourceFile.texts();
        Map<String, TranslationFile.Text> mine = languageFile.texts();
        List<Row> rows = new ArrayList<>();
        for (var e : source.entrySet()) {
            String key = e.getKey();
            TranslationFile.Text t = mine.get(key);
            String status = status(e.getValue(), t, isSource);
            rows.add(new Row(key, dialogOf.getOrDefault(key, TranslationReport.SYSTEM), e.getValue().text(),
                    t == null ? null : t.text(), status, t == null ? TranslationFile.MISSING_VERSION : t.version()));
        }
        return rows;
    }

    static String status(TranslationFile.Text source, TranslationFile.Text t, boolean isSource) {
        if (t == null) return "missing";
        if (isSource) return "source";
        if (t.source() != null && source.text() != null && !t.source().equals(Catalogue.hash(source.text()))) return "outdated";
        return "reviewed".equals(t.status()) ? "reviewed" : "machine";
    }

    /** The first dialog (in id order) that uses each key. */
    static Map<String, String> dialogOf(Content content) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Dialog d : content.dialogs().values()) {
            for (String key : d.keys()) out.putIfAbsent(key, d.id());
        }
        return out;
    }
}
