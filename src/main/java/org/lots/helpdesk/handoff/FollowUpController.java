package org.lots.helpdesk.handoff;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outcome list for the console's close dialog, and follow-ups: an outcome recorded on a closed chat later
 * ("she started at Komvux"), by an adviser who held the chat or an admin. Each outcome counts once per chat.
 */
@RestController
class FollowUpController {

    private final Outcomes outcomes;
    private final HandoffService desk;
    private final HandoffAccess access;
    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FollowUpController(Outcomes outcomes, HandoffService desk, HandoffAccess access, MongoTemplate mongo,
                       ApplicationEventPublisher events, Clock clock) {
        this.outcomes = outcomes;
        this.desk = desk;
        this.access = access;
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    record OutcomeRequest(String outcome) {}

    @ExceptionHandler(HandoffService.Refusal.class)
    ResponseEntity<Map<String, String>> refused(HandoffService.Refusal e) {
        return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
    }

    /** The configured outcomes with their labels in {@code language} (the console's). */
    @GetMapping("/api/console/outcomes")
    List<Map<String, String>> list(@RequestParam(required = false) String language) {
        return outcomes.ids().stream().map(id -> Map.of("id", id, "label", outcomes.label(id, language))).toList();
    }

    @PostMapping("/api/handoffs/{id}/outcomes")
    ResponseEntity<?> followUp(@PathVariable String id, @RequestBody(required = false) OutcomeRequest request, Authentication auth) {
        HandoffService.Actor actor = HandoffController.actor(auth);
        Handoff h = access.require(desk.get(id), actor);
        String outcome = outcomes.parse(request == null ? null : request.outcome())
                .orElseThrow(() -> new HandoffService.Refusal(400, outcomes.choices()));
        if (h.getStatus() != Handoff.Status.CLOSED) throw new HandoffService.Refusal(409, "close the chat first; a follow-up is for later");
        if (!actor.admin() && !h.getHolders().contains(actor.username())) {
            throw new HandoffService.Refusal(403, "only an adviser who held this chat records its follow-ups");
        }
        Instant now = clock.instant();
        // Once per outcome and chat: the condition and the push are one atomic update.
        Handoff updated = mongo.findAndModify(query(where("_id").is(id).and("outcome").ne(outcome).and("followUps.outcome").ne(outcome)),
                new Update().push("followUps", new Handoff.FollowUp(outcome, now, actor.username())).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), Handoff.class);
        if (updated == null) throw new HandoffService.Refusal(409, "this chat already has the outcome " + outcome);
        events.publishEvent(HandoffMilestone.outcome(updated, outcome, now));
        events.publishEvent(new HandoffChanged(updated.getId(), updated.getConversationId()));
        return ResponseEntity.ok(Map.of("id", updated.getId(), "outcome", updated.getOutcome() == null ? "" : updated.getOutcome(),
                "followUps", updated.getFollowUps().stream().map(f -> Map.of("outcome", f.outcome(), "at", f.at().toString(), "by", f.by())).toList()));
    }
}
