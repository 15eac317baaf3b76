package vn.ansinh.reporting.service;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
 * Runs the indicator publisher on its own thread: a round per publish interval, or after a pause
 * of {@code publish-pause-factor} times the last round's duration when that is longer.
 */
@ApplicationScoped
public class PublisherRunner {

    private static final Logger LOG = Logger.getLogger(PublisherRunner.class);

    private final IndicatorPublisher publisher;
    private final ReadModelRepository readModel;
    private final ReportingConfig config;
    private ScheduledThreadPoolExecutor executor;
    private volatile long published;
    private volatile boolean healthy = true;

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
        executor = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "indicator-publisher"));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduleNext(config.publishInterval().toMillis());
    }

    private void scheduleNext(long delayMillis) {
        try {
            executor.schedule(this::roundThenPause, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // no more rounds
        }
    }

    private void roundThenPause() {
        long start = System.nanoTime();
        round();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        scheduleNext(Math.max(config.publishInterval().toMillis(), took * config.publishPauseFactor()));
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
