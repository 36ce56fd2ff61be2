package org.lots.helpdesk.system;

import java.util.List;

import org.lots.helpdesk.handoff.Handoff;
import org.lots.helpdesk.handoff.HandoffRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The operator's metric {@code helpdesk.handoffs.waiting}: chats waiting for an adviser, over all instances (read
 * from the store when the metric is read, through the handoffs' own repository).
 */
@Component
class HandoffMetrics {

    HandoffMetrics(ObjectProvider<MeterRegistry> registry, HandoffRepository handoffs) {
        MeterRegistry r = registry.getIfAvailable();
        if (r == null) return;
        Gauge.builder("helpdesk.handoffs.waiting", handoffs, h -> {
            try {
                return h.findByStatusIn(List.of(Handoff.Status.WAITING)).size();
            } catch (RuntimeException storeAway) {
                return Double.NaN;
            }
        }).description("chats waiting for an adviser (all instances)").register(r);
    }
}
