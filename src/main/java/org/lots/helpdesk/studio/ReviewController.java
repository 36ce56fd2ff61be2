package org.lots.helpdesk.studio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.dialog.Content;
import org.lots.helpdesk.system.HelpdeskProperties;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Translation review (issue 12 item 2): per language and dialog, the source beside the translation with its status;
 * a save is checked (ICU, the source's placeholders, lint) and written through {@link ContentWriter}.
 */
@RestController
@RequestMapping("/api/studio")
class ReviewController {

    private final ContentService content;
    private final ContentWriter writer;
    private final StudioAccess access;
    private final String fallback;

    ReviewController(ContentService content, ContentWriter writer, StudioAccess access, HelpdeskProperties properties) {
        this.content = content;
        this.writer = writer;
        this.access = access;
        this.fallback = properties.fallbackLanguage();
    }

    /** What the studio pages need first: the caller's languages, the language names and whether saving works. */
    @GetMapping("/status")
    Map<String, Object> status(Authentication auth) {
        Content c = content.current().content();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("editor", StudioAccess.isEditor(auth));
        out.put("languages", access.languages(auth));
        out.put("languageNames", c.catalogue().names());
        out.put("rightToLeft", c.catalogue().languages().stream().filter(c.catalogue()::isRightToLeft).toList());
        out.put("fallback", fallback);
        out.put("dialogs", c.dialogs().keySet());
        out.put("readOnly", writer.readOnlyReason().orElse(null));
        return out;
    }

    @GetMapping("/review/{lang}")
    Map<String, Object> review(Authentication auth, @PathVariable String lang, @RequestParam(required = false) String dialog,
                               @RequestParam(required = false) String status) {
        access.language(auth, lang);
        if (status != null && !status.isBlank() && !ReviewTexts.STATUSES.contains(status)) {
            throw new StudioErrors.Invalid("status must be one of " + ReviewTexts.STATUSES);
        }
        List<ReviewTexts.Row> rows = ReviewTexts.of(content.current().content(), file(fallback), file(lang), lang.equals(fallback));
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (ReviewTexts.Row r : rows) counts.computeIfAbsent(r.dialog(), d -> new TreeMap<>()).merge(r.status(), 1, Integer::sum);
        Catalogue catalogue = content.current().content().catalogue();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("language", lang);
        out.put("direction", catalogue.isRightToLeft(lang) ? "rtl" : "ltr");
        out.put("fallback", fallback);
        out.put("fallbackDirection", catalogue.isRightToLeft(fallback) ? "rtl" : "ltr");
        out.put("dialogs", counts);
        out.put("texts", rows.stream().filter(r -> dialog == null || dialog.isBlank() || r.dialog().equals(dialog))
                .filter(r -> status == null || status.isBlank() || r.status().equals(status)).toList());
        return out;
    }

    /** @param reviewed true: the text is marked reviewed by a native speaker; false: it stays (or becomes) machine */
    record TextChange(String key, String text, Boolean reviewed, String version) {}

    @PutMapping("/review/{lang}")
    Map<String, Object> save(Authentication auth, @PathVariable String lang, @RequestBody TextChange change) {
        access.language(auth, lang);
        if (change == null || change.key() == null || change.text() == null || change.version() == null) {
            throw new StudioErrors.Invalid("send {key, text, reviewed, version}");
        }
        TranslationFile.Text source = file(fallback).texts().get(change.key());
        if (source == null) throw new StudioErrors.NotFound("no text '" + change.key() + "' in the " + fallback + " source");
        boolean isSource = lang.equals(fallback);
        TextCheck.problem(change.text(), isSource ? null : source.text()).ifPresent(p -> {
            throw new StudioErrors.Invalid(change.key() + ": " + p);
        });
        Catalogue.Status status = isSource ? null : Boolean.TRUE.equals(change.reviewed()) ? Catalogue.Status.REVIEWED : Catalogue.Status.MACHINE;
        String summary = change.key() + (status == Catalogue.Status.REVIEWED ? " reviewed" : " edited");
        TextEdits edits = new TextEdits(writer, lang, isSource);
        edits.put(change.key(), change.text(), status, isSource ? null : Catalogue.hash(source.text()), change.version());
        ContentWriter.Written w = edits.write(auth.getName(), summary);
        TranslationFile.Text now = file(lang).texts().get(change.key());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", change.key());
        out.put("text", now.text());
        out.put("status", ReviewTexts.status(source, now, isSource));
        out.put("version", now.version());
        out.put("file", w.file());
        out.put("fileVersion", w.version());
        return out;
    }

    private TranslationFile file(String lang) {
        return new TranslationFile(writer.read("translations/" + lang + ".yaml"), lang.equals(fallback));
    }
}
