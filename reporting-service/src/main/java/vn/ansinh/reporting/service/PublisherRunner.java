package vn.ansinh.reporting.service;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import vn.ansinh.reporting.domain.IndicatorFamily;
import vn.ansinh.reporting.repository.ReadModelRepository;

/**
 * Runs the indicator publisher on its own thread. It looks every publish interval; a round runs
 * once changes have stopped arriving for an interval, or, while they keep arriving (a province
 * loading), once {@code publish-pause-factor} times the last round's duration has passed since it
 * ended. So the figures follow a load at a cost bounded by the factor, and the final ones come
 * an interval after the last change.
 */
@ApplicationScoped
public class PublisherRunner {

    private static final Logger LOG = Logger.getLogger(PublisherRunner.class);

    private final IndicatorPublisher publisher;
    private final ReadModelRepository readModel;
    private final ReportingConfig config;
    private ScheduledExecutorService executor;
    private volatile long published;
    private volatile boolean healthy = true;
    private volatile long lastChange = System.nanoTime();
    /** When the next round may run while changes keep arriving (System.nanoTime). */
    private long earliestBusyRound = System.nanoTime();

    public PublisherRunner(IndicatorPublisher publisher, ReadModelRepository readModel, ReportingConfig config,
            MeterRegistry registry) {
        this.publisher = publisher;
        this.readModel = readModel;
        this.config = config;
        FunctionCounter.builder("ansinh.indicators.published", this, PublisherRunner::published)
                .description("indicator values published on the reporting topics").register(registry);
    }

    void start(@Observes StartupEvent event) {
        // a round takes its scopes before it computes them: one cut short by a crash left them
        // taken and unpublished, so every family is computed once at start (only values that
        // differ from those published are published again)
        List<String> families = Stream.of(IndicatorFamily.values()).map(Enum::name).toList();
        QuarkusTransaction.requiringNew().run(() -> readModel.markDirty(families,
                Collections.nCopies(families.size(), IndicatorFamily.EVERY_YEAR)));
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "indicator-publisher"));
        long interval = config.publishInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Called as a consumer batch marks indicators to recompute. */
    public void changesArrived() {
        lastChange = System.nanoTime();
    }

    private void tick() {
        long now = System.nanoTime();
        boolean quiet = now - lastChange >= config.publishInterval().toNanos();
        if (!quiet && now - earliestBusyRound < 0) { // nanoTime values compare by difference only
            return; // more changes are on their way: this round's work would be redone soon
        }
        round();
        long end = System.nanoTime();
        earliestBusyRound = end + (end - now) * config.publishPauseFactor();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void round() {
        try {
            int count = publisher.publishChanges();
            published += count;
            healthy = true;
            if (count > 0) {
                LOG.debugf("published %d indicator values", count);
            }
        } catch (RuntimeException e) {
            // the round's scopes were marked again: the next round computes them
            healthy = false;
            LOG.warnf("indicator round failed, retrying next interval: %s", e.toString());
        }
    }

    /** Indicator values published since start. */
    public long published() {
        return published;
    }

    public boolean healthy() {
        return healthy;
    }
}
