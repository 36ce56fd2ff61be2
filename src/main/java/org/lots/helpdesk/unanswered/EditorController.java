package org.lots.helpdesk.unanswered;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.i18n.TranslationReport;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What editors need to decide what to write next: unanswered questions, grouped, and where translations stand. */
@RestController
@RequestMapping("/api/editor")
class EditorController {

    private static final int MAX_QUESTIONS = 5000;
    private final UnansweredRepository unanswered;
    private final ContentService content;
    private final Clock clock;

    EditorController(UnansweredRepository unanswered, ContentService content, Clock clock) {
        this.unanswered = unanswered;
        this.content = content;
        this.clock = clock;
    }

    /**
     * Questions of the last {@code days} days that ended in fallback, a clarification or a handoff, grouped; with
     * {@code language}, only those in that language (the editors' failure view links here per language).
     */
    @GetMapping("/unanswered")
    List<UnansweredGroups.Group> unanswered(@RequestParam(defaultValue = "30") int days, @RequestParam(required = false) String language) {
        var since = clock.instant().minus(Duration.ofDays(Math.max(1, Math.min(days, 3650))));
        List<UnansweredQuestion> recent = unanswered.findByAtAfter(since, Sort.by(Sort.Direction.DESC, "at")).stream()
                .filter(q -> language == null || language.isBlank() || language.equals(q.language()))
                .limit(MAX_QUESTIONS).toList();
        return UnansweredGroups.of(recent, content.current().router());
    }

    @GetMapping("/translations")
    List<TranslationReport.Row> translations() {
        return TranslationReport.of(content.current().content());
    }
}
