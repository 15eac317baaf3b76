package vn.ansinh.stack;

import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./benchmark.sh indicators [scale ...]}: the registry's events of the demo province's
 * 2023 survey (registrations and classifications, and the administrative units) are waiting on
 * the topics when reporting-service starts; it prints how long the service takes from the first
 * event to the last indicator published (the province's 2023 poverty rate over every household,
 * nothing left to recompute, the outbox empty), events per second, its peak memory (RSS), and
 * how many indicator messages the coalescing let through.
 */
public final class IndicatorBenchmark {

    private static final String REPORTING = "reporting-service";

    private IndicatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Double> scales = args.length == 0 ? List.of(0.1, 1.0) : Stream.of(args).map(Double::valueOf).toList();
        System.out.printf("Indicator benchmark on %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        for (double scale : scales) {
            try (Stack stack = Measure.freshStack("indicators-" + scale, List.of(Measure.HOUSEHOLDS))) {
                run(stack, scale);
            }
        }
    }

    /** Records on the four reporting topics (their end offsets: nothing is compacted away this soon). */
    private static long messages(String bootstrap) throws Exception {
        List<String> topics = List.of("reporting.poverty-rate.v1", "reporting.benefit-coverage.v1",
                "reporting.support-delivered.v1", "reporting.budget-execution.v1");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                topic.partitions().forEach(p -> ends.put(new TopicPartition(topic.name(), p.partition()),
                        OffsetSpec.latest()));
            }
            return admin.listOffsets(ends).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    private static void run(Stack stack, double scale) throws Exception {
        JsonNode job = Measure.awaitJob(stack, Measure.startDemoImport(stack, scale), () -> { });
        long areas;
        try (Connection registry = stack.connect(Measure.HOUSEHOLDS)) {
            Measure.awaitOutboxDrained(registry, () -> { });
            areas = Measure.count(registry, "SELECT count(*) FROM area");
        }
        long households = job.path("changes").path("householdsCreated").asLong();
        long events = households + areas;
        System.out.printf("%nscale %s: %,d registry events waiting (%,d registrations with %,d classifications, %,d"
                + " administrative units)%n", scale, events, households,
                job.path("changes").path("surveysRecorded").asLong(), areas);

        Map<String, Double> cpuBefore = Measure.cpu(stack);
        Instant started = Instant.now();
        stack.startService(REPORTING, Ports.free());
        Measure.Rss rss = new Measure.Rss(stack.pids().get(REPORTING));
        String province = "SELECT coalesce(max((value->>'households')::bigint), 0) FROM indicator"
                + " WHERE key = 'poverty-rate/ALL/24/2023'";
        try (Connection reporting = stack.connect(REPORTING)) {
            Instant lastReport = Instant.now();
            double consumed = 0;
            while (true) {
                rss.sample();
                long applied = Measure.count(reporting, "SELECT count(*) FROM processed_event");
                if (applied >= events && consumed == 0) {
                    consumed = Measure.seconds(started, Instant.now());
                }
                if (applied >= events && Measure.count(reporting, province) == households
                        && Measure.count(reporting, "SELECT count(*) FROM dirty_scope") == 0
                        && Measure.count(reporting, "SELECT count(*) FROM outbox_event") == 0) {
                    break;
                }
                if (Measure.seconds(lastReport, Instant.now()) >= 10) {
                    System.out.printf("  … %,d of %,d events applied after %.0f s%n", applied, events,
                            Measure.seconds(started, Instant.now()));
                    lastReport = Instant.now();
                }
                Thread.sleep(100);
            }
            double published = Measure.seconds(started, Instant.now());
            Map<String, Double> cpuAfter = Measure.cpu(stack);
            long values = Measure.count(reporting, "SELECT count(*) FROM indicator");
            long messages = messages(stack.kafkaBootstrap());
            System.out.printf("  all events applied %.1f s after the service was started; last indicator published"
                    + " after %.1f s = %,.0f events/s end to end%n", consumed, published, events / published);
            System.out.printf("  %,d indicator values, %,d messages on the reporting topics (%.1f per value)%n",
                    values, messages, values == 0 ? 0.0 : (double) messages / values);
            System.out.printf("  reporting-service peak RSS: %,d MB%n", rss.peakMb());
            System.out.printf("  CPU seconds used: %s%n", Measure.cpuUsed(cpuBefore, cpuAfter));
        }
    }
}
