package org.lots.helpdesk.content;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Up once content is loaded; tells operators where it came from and whether the last edit was rejected. */
@Component("content")
class ContentHealthIndicator implements HealthIndicator {
    private final ContentService content;

    ContentHealthIndicator(ContentService content) {
        this.content = content;
    }

    @Override
    public Health health() {
        if (content.current() == null) return Health.down().build();
        if (!content.watching()) return Health.down().withDetail("watcher", "stopped").build(); // edits would no longer go live
        long errors = content.problems().stream().filter(p -> p.isError()).count();
        return Health.up().withDetail("source", content.source())
                .withDetail("dialogs", content.current().content().dialogs().size())
                .withDetail("lastEditRejected", errors > 0).build();
    }
}
