package org.lots.helpdesk.handoff;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Spring Data's fragment implementation of {@link OpenHandoffQueries} (found by its name). */
class OpenHandoffQueriesImpl implements OpenHandoffQueries {

    private final OpenHandoffSlots slots;
    private final MongoTemplate mongo;

    OpenHandoffQueriesImpl(OpenHandoffSlots slots, MongoTemplate mongo) {
        this.slots = slots;
        this.mongo = mongo;
    }

    @Override
    public List<Handoff> findByStatusOrderByRequestedAtAsc(Handoff.Status status) {
        List<Handoff> found = OpenHandoffSlots.OPEN.contains(status)
                ? slots.all().stream().filter(h -> h.getStatus() == status).toList()
                : mongo.find(query(where("status").is(status)), Handoff.class);
        return found.stream().sorted(Comparator.comparing(Handoff::getRequestedAt)).toList();
    }

    @Override
    public List<Handoff> findByStatusIn(List<Handoff.Status> statuses) {
        if (OpenHandoffSlots.OPEN.containsAll(statuses)) return slots.all().stream().filter(h -> statuses.contains(h.getStatus())).toList();
        return mongo.find(query(where("status").in(statuses)), Handoff.class);
    }

    @Override
    public Optional<Handoff> findFirstByConversationIdAndStatusIn(String conversationId, List<Handoff.Status> statuses) {
        if (OpenHandoffSlots.OPEN.containsAll(statuses)) return slots.of(conversationId).filter(h -> statuses.contains(h.getStatus()));
        return Optional.ofNullable(mongo.findOne(query(where("conversationId").is(conversationId).and("status").in(statuses))
                .with(Sort.by("requestedAt")), Handoff.class));
    }
}
