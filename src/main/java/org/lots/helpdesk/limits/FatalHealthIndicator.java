package org.lots.helpdesk.limits;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN once a worker caught an OutOfMemoryError or another {@link VirtualMachineError} ({@link Fatal}). */
@Component("jvm")
class FatalHealthIndicator implements HealthIndicator {

    @Override
    public Health health() {
        String error = Fatal.seen();
        return error == null ? Health.up().build() : Health.down().withDetail("error", error).build();
    }
}
