package vn.ansinh.platform.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import vn.ansinh.platform.outbox.OutboxRelayRunner;

/** Ready while the outbox relay can publish (database and broker have their own checks too). */
@Readiness
@ApplicationScoped
public class OutboxRelayHealthCheck implements HealthCheck {

    private final OutboxRelayRunner relay;

    public OutboxRelayHealthCheck(OutboxRelayRunner relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox relay").status(relay.healthy())
                .withData("running", relay.running())
                .build();
    }
}
