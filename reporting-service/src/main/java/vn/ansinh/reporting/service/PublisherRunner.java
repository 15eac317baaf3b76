package vn.ansinh.reporting.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Runs the indicator publisher on its own thread, one round per publish interval. */
@ApplicationScoped
public class PublisherRunner {

    private static final Logger LOG = Logger.getLogger(PublisherRunner.class);

    private final IndicatorPublisher publisher;
    private final ReportingConfig config;
    private ScheduledExecutorService executor;
    private volatile long published;
    private volatile boolean healthy = true;

    public PublisherRunner(IndicatorPublisher publisher, ReportingConfig config, MeterRegistry registry) {
        this.publisher = publisher;
        this.config = config;
        FunctionCounter.builder("ansinh.indicators.published", this, PublisherRunner::published)
                .description("indicator values published on the reporting topics").register(registry);
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "indicator-publisher"));
        long interval = config.publishInterval().toMillis();
        executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
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
            // the dirty marks were rolled back with the round: the next round computes them again
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
