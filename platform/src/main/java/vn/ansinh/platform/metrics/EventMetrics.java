package vn.ansinh.platform.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import vn.ansinh.platform.consumer.ConsumerLoop;

/**
 * The event plumbing's signals at {@code /q/metrics}: outbox backlog (events written, not yet
 * published), and per consumer group member the events applied, the records dead-lettered and
 * the lag behind the topics' ends. Names start with {@code ansinh_}.
 */
@ApplicationScoped
public class EventMetrics {

    private final MeterRegistry registry;
    private final DataSource dataSource;
    private final Set<ConsumerLoop> registered = new HashSet<>();

    public EventMetrics(MeterRegistry registry, DataSource dataSource) {
        this.registry = registry;
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("ansinh.outbox.backlog", this, EventMetrics::backlog)
                .description("events in the outbox not yet published").register(registry);
    }

    /** Called by {@link ConsumerLoops} for every loop it starts; {@code member} numbers the group's members here. */
    public synchronized void register(ConsumerLoop loop, int member) {
        if (registered.add(loop)) {
                Tags tags = Tags.of("consumer", loop.name(), "member", Integer.toString(member));
                FunctionCounter.builder("ansinh.consumer.events.applied", loop, ConsumerLoop::applied)
                        .tags(tags).description("events applied (redeliveries skipped)")
                        .register(registry);
                FunctionCounter.builder("ansinh.consumer.dead.lettered", loop, ConsumerLoop::deadLettered)
                        .tags(tags).description("records sent to the dead-letter topic")
                        .register(registry);
                Gauge.builder("ansinh.consumer.lag", loop, ConsumerLoop::lag).tags(tags)
                        .description("records behind the end of the partitions this member reads").register(registry);
        }
    }

    private double backlog() {
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
                ResultSet count = query.executeQuery("SELECT count(*) FROM outbox_event")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
