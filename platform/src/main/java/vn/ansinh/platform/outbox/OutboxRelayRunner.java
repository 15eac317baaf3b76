package vn.ansinh.platform.outbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import vn.ansinh.platform.events.EventsConfig;
import vn.ansinh.platform.events.KafkaClients;

/**
 * Runs this replica's outbox relay on its own thread: publishes while there is a backlog,
 * otherwise waits for a local commit or the poll interval.
 */
@ApplicationScoped
public class OutboxRelayRunner {

    private static final Logger LOG = Logger.getLogger(OutboxRelayRunner.class);
    private static final Duration FAILURE_BACKOFF = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final KafkaClients kafka;
    private final EventsConfig config;
    private final OutboxSignal signal;

    private volatile boolean running;
    private volatile boolean healthy = true;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelayRunner(DataSource dataSource, KafkaClients kafka, EventsConfig config, OutboxSignal signal) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.config = config;
        this.signal = signal;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            return;
        }
        producer = kafka.producer(config.source() + "/outbox-relay");
        OutboxRelay relay = new OutboxRelay(dataSource, producer, config.source(), config.relay().batchSize());
        running = true;
        thread = new Thread(() -> run(relay), "outbox-relay");
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        signal.wake();
        thread.join(Duration.ofSeconds(10).toMillis());
        producer.close(Duration.ofSeconds(5));
    }

    /** False while the last attempt to publish failed (broker or database unreachable). */
    public boolean healthy() {
        return healthy;
    }

    public boolean running() {
        return running && thread != null && thread.isAlive();
    }

    private void run(OutboxRelay relay) {
        while (running) {
            try {
                int published = relay.publishBatch();
                healthy = true;
                if (published < config.relay().batchSize()) {
                    signal.await(config.relay().pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                healthy = false;
                LOG.warnf("outbox relay could not publish, retrying in %s: %s", FAILURE_BACKOFF, e.toString());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(FAILURE_BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
