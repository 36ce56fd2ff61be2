package org.lots.helpdesk.studio;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.dialog.Catalogue;
import org.lots.helpdesk.dialog.Dialog;
import org.lots.helpdesk.unanswered.UnansweredQuestion;
import org.lots.helpdesk.unanswered.UnansweredRepository;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Example phrases (issue 12 item 3): per dialog and language, list, add, remove; and from the unanswered inbox, one
 * call turns a newcomer's question into an example of the dialog the editor picks. The newcomer's text is copied
 * from the stored question by that call only, never sent back and forth by the page.
 */
@RestController
@RequestMapping("/api/studio")
class ExamplesController {

    static final int INBOX_SIZE = 200;

    private final ContentService content;
    private final ExamplePhrases phrases;
    private final StudioAccess access;
    private final UnansweredRepository unanswered;
    private final Clock clock;

    ExamplesController(ContentService content, ExamplePhrases phrases, StudioAccess access, UnansweredRepository unanswered, Clock clock) {
        this.content = content;
        this.phrases = phrases;
        this.access = access;
        this.unanswered = unanswered;
        this.clock = clock;
    }

    @GetMapping("/examples/{lang}")
    Map<String, Object> list(Authentication auth, @PathVariable String lang) {
        access.language(auth, lang);
        Catalogue catalogue = content.current().content().catalogue();
        List<Map<String, Object>> dialogs = new ArrayList<>();
        for (Dialog d : content.current().content().dialogs().values()) {
            DialogFile f = phrases.file(d);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d.id());
            row.put("title", d.title() == null ? d.id() : catalogue.entry(lang, d.title()).map(Catalogue.Entry::text).orElse(d.id()));
            row.put("examples", f.examples(lang));
            row.put("version", f.version(lang));
            dialogs.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("language", lang);
        out.put("direction", catalogue.isRightToLeft(lang) ? "rtl" : "ltr");
        out.put("heldOutChecked", phrases.evalFolder().isPresent());
        out.put("dialogs", dialogs);
        return out;
    }

    /** Exactly one of {@code add} and {@code remove}; {@code version} as the list gave it. */
    record ExampleChange(String add, String remove, String version) {}

    @PostMapping("/examples/{lang}/{dialog}")
    Map<String, Object> change(Authentication auth, @PathVariable String lang, @PathVariable String dialog, @RequestBody ExampleChange change) {
        access.language(auth, lang);
        if (change == null || (change.add() == null) == (change.remove() == null)) throw new StudioErrors.Invalid("send {add} or {remove}, with {version}");
        ContentWriter.Written w = change.add() != null
                ? phrases.add(auth.getName(), dialog, lang, change.add(), change.version())
                : phrases.remove(auth.getName(), dialog, lang, change.remove(), change.version());
        return result(dialog, lang, w);
    }

    private Map<String, Object> result(String dialog, String lang, ContentWriter.Written w) {
        DialogFile f = phrases.file(phrases.dialog(dialog));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dialog", dialog);
        out.put("language", lang);
        out.put("examples", f.examples(lang));
        out.put("version", f.version(lang));
        out.put("changed", w.changed());
        return out;
    }

    /** The newest questions the bot could not answer, each with its id (editors only: it is newcomers' text). */
    @GetMapping("/inbox")
    List<Map<String, Object>> inbox(Authentication auth, @RequestParam(defaultValue = "30") int days) {
        access.editor(auth);
        var since = clock.instant().minus(Duration.ofDays(Math.max(1, Math.min(days, 3650))));
        List<Map<String, Object>> out = new ArrayList<>();
        for (UnansweredQuestion q : unanswered.findByAtAfter(since, Sort.by(Sort.Direction.DESC, "at"))) {
            if (out.size() >= INBOX_SIZE) break;
            if (q.text() == null || q.text().isBlank() || "safety".equals(q.reason())) continue; // danger is not a topic to teach
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", q.id());
            row.put("text", q.text());
            row.put("language", q.language());
            row.put("reason", q.reason());
            row.put("dialog", q.dialog());
            row.put("at", q.at());
            out.add(row);
        }
        return out;
    }

    /** @param language the examples' language; empty: the language the question was asked in */
    record FromInbox(String dialog, String language, String version) {}

    @PostMapping("/inbox/{id}/example")
    Map<String, Object> fromInbox(Authentication auth, @PathVariable String id, @RequestBody FromInbox request) {
        access.editor(auth);
        if (request == null || request.dialog() == null) throw new StudioErrors.Invalid("send {dialog}");
        UnansweredQuestion q = unanswered.findById(id).orElseThrow(() -> new StudioErrors.NotFound("no such question in the inbox"));
        String lang = request.language() == null || request.language().isBlank() ? q.language() : request.language();
        access.language(auth, lang);
        ContentWriter.Written w = phrases.add(auth.getName(), request.dialog(), lang, q.text(), request.version());
        return result(request.dialog(), lang, w);
    }
}
