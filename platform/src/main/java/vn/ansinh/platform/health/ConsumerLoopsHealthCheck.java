package vn.ansinh.platform.health;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import vn.ansinh.platform.consumer.ConsumerLoop;
import vn.ansinh.platform.consumer.ConsumerLoops;

/** Live while every consumer loop thread runs: a loop that died needs the pod restarted. */
@Liveness
@ApplicationScoped
public class ConsumerLoopsHealthCheck implements HealthCheck {

    private final ConsumerLoops loops;

    public ConsumerLoopsHealthCheck(ConsumerLoops loops) {
        this.loops = loops;
    }

    @Override
    public HealthCheckResponse call() {
        List<String> dead = loops.dead();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumer loops").status(dead.isEmpty());
        for (ConsumerLoop loop : loops.loops()) {
            response.withData(loop.name(), "applied " + loop.applied() + ", dead-lettered " + loop.deadLettered());
        }
        if (!dead.isEmpty()) {
            response.withData("stopped", String.join(", ", dead));
        }
        return response.build();
    }
}
