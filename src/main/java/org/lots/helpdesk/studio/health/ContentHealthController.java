package org.lots.helpdesk.studio.health;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.engine.Knowledge;
import org.lots.helpdesk.unanswered.UnansweredGroups;
import org.lots.helpdesk.unanswered.UnansweredQuestion;
import org.lots.helpdesk.unanswered.UnansweredRepository;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The content health page's data (role EDITOR, as everything under /api/editor). */
@RestController
class ContentHealthController {

    static final int MAX_QUESTIONS = 5000, TOP_GROUPS = 10;
    private final ContentService content;
    private final UnansweredRepository unanswered;
    private final Clock clock;

    ContentHealthController(ContentService content, UnansweredRepository unanswered, Clock clock) {
        this.content = content;
        this.unanswered = unanswered;
        this.clock = clock;
    }

    /**
     * @param days how far back the unanswered questions go (default a week)
     * @param few  fewer example phrases than this in a language count as few
     */
    @GetMapping("/api/editor/health")
    ContentHealthReport health(@RequestParam(defaultValue = "7") int days, @RequestParam(defaultValue = "10") int few) {
        Knowledge k = content.current();
        int window = Math.max(1, Math.min(days, 365));
        List<UnansweredQuestion> recent = unanswered.findByAtAfter(clock.instant().minus(Duration.ofDays(window)),
                Sort.by(Sort.Direction.DESC, "at")).stream().limit(MAX_QUESTIONS).toList();
        List<UnansweredGroups.Group> groups = UnansweredGroups.of(recent, k.router());
        var inbox = new ContentHealthReport.Unanswered(window, recent.size(), groups.stream().limit(TOP_GROUPS).toList());
        return ContentHealthReport.of(k.content(), content.problems(), Math.max(1, Math.min(few, 1000)), inbox);
    }
}
