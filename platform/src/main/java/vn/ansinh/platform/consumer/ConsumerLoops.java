package vn.ansinh.platform.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;

import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import vn.ansinh.platform.events.EventsConfig;
import vn.ansinh.platform.events.KafkaClients;
import vn.ansinh.platform.metrics.EventMetrics;

/**
 * Starts the service's consumer loops, each on a thread of its own, and stops them cleanly
 * (current batch finished, group left) when the application shuts down.
 */
@ApplicationScoped
public class ConsumerLoops {

    private final KafkaClients kafka;
    private final EntityManager entityManager;
    private final EventsConfig config;
    private final EventMetrics metrics;
    private final Tracer tracer;
    private final List<Running> loops = new CopyOnWriteArrayList<>();
    private KafkaProducer<String, byte[]> deadLetters;

    public ConsumerLoops(KafkaClients kafka, EntityManager entityManager, EventsConfig config, EventMetrics metrics,
            Tracer tracer) {
        this.tracer = tracer;
        this.kafka = kafka;
        this.entityManager = entityManager;
        this.config = config;
        this.metrics = metrics;
    }

    private record Running(ConsumerLoop loop, Thread thread) {
    }

    /**
     * Starts the members of a consumer group reading {@code topics} ({@code ansinh.events.consumer.loops},
     * one by default). The handler is shared by the members: it must keep per-batch state in
     * what {@link EventHandler#forBatch} returns.
     *
     * @param name the consumer group (one per purpose, e.g. {@code benefits.household-view})
     */
    public List<ConsumerLoop> start(String name, List<String> topics, EventHandler handler) {
        List<ConsumerLoop> started = new ArrayList<>();
        for (int i = 0; i < config.consumer().loops(); i++) {
            started.add(start(new ConsumerLoop(name, topics, handler, kafka, entityManager, deadLetters(), config,
                    tracer)));
        }
        return started;
    }

    /** Starts a loop built by the caller (tests use this to inject faults). */
    public ConsumerLoop start(ConsumerLoop loop) {
        int member = (int) loops.stream().filter(r -> r.loop().name().equals(loop.name())).count();
        metrics.register(loop, member);
        Thread thread = new Thread(loop, "consumer-" + loop.name() + "-" + member);
        thread.start();
        loops.add(new Running(loop, thread));
        return loop;
    }

    /** For loops built by the caller. */
    public Tracer tracer() {
        return tracer;
    }

    /** The shared dead-letter producer, created on first use. */
    public synchronized KafkaProducer<String, byte[]> deadLetters() {
        if (deadLetters == null) {
            deadLetters = kafka.producer(config.source() + "/dead-letters");
        }
        return deadLetters;
    }

    /** Loops that should be running but whose thread has ended. */
    public List<String> dead() {
        return loops.stream().filter(r -> !r.thread().isAlive()).map(r -> r.loop().name()).toList();
    }

    public List<ConsumerLoop> loops() {
        return loops.stream().map(Running::loop).toList();
    }

    /** Stops one loop and waits for it to leave its group. */
    public void stop(ConsumerLoop loop) throws InterruptedException {
        for (Running running : loops) {
            if (running.loop() == loop) {
                loop.stop();
                running.thread().join(Duration.ofSeconds(15).toMillis());
                loops.remove(running);
            }
        }
    }

    void shutdown(@Observes ShutdownEvent event) throws InterruptedException {
        for (Running running : loops) {
            stop(running.loop());
        }
        synchronized (this) {
            if (deadLetters != null) {
                deadLetters.close(Duration.ofSeconds(5));
            }
        }
    }
}
