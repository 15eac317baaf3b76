package vn.ansinh.stack;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./benchmark.sh entitlements [scale ...]}: the registry's events of the demo province's
 * 2023 survey (registrations with members and classifications) are waiting on the topic when
 * benefits-service starts; it prints how fast the service turns them into its registry copy and
 * entitlements (events per second until the last is applied and the entitlement events
 * published), its peak memory (RSS) and the CPU each process used.
 */
public final class EntitlementBenchmark {

    private static final String BENEFITS = "benefits-service";

    private EntitlementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Double> scales = args.length == 0 ? List.of(0.1, 1.0) : Stream.of(args).map(Double::valueOf).toList();
        System.out.printf("Entitlement benchmark on %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        for (double scale : scales) {
            try (Stack stack = Measure.freshStack("entitlements-" + scale, List.of(Measure.HOUSEHOLDS))) {
                run(stack, scale);
            }
        }
    }

    private static void run(Stack stack, double scale) throws Exception {
        JsonNode job = Measure.awaitJob(stack, Measure.startDemoImport(stack, scale), () -> { });
        try (Connection registry = stack.connect(Measure.HOUSEHOLDS)) {
            Measure.awaitOutboxDrained(registry, () -> { });
        }
        long events = job.path("changes").path("householdsCreated").asLong();
        System.out.printf("%nscale %s: %,d registry events waiting (registrations with their members and %,d"
                + " classifications)%n", scale, events, job.path("changes").path("surveysRecorded").asLong());

        Map<String, Double> cpuBefore = Measure.cpu(stack);
        Instant started = Instant.now();
        stack.startService(BENEFITS, Ports.free());
        Measure.Rss rss = new Measure.Rss(stack.pids().get(BENEFITS));
        try (Connection benefits = stack.connect(BENEFITS)) {
            long applied;
            Instant lastReport = Instant.now();
            while ((applied = Measure.count(benefits, "SELECT count(*) FROM processed_event")) < events) {
                rss.sample();
                if (Measure.seconds(lastReport, Instant.now()) >= 10) {
                    System.out.printf("  … %,d of %,d events applied after %.0f s%n", applied, events,
                            Measure.seconds(started, Instant.now()));
                    lastReport = Instant.now();
                }
                Thread.sleep(200);
            }
            double consumed = Measure.seconds(started, Instant.now());
            Measure.awaitOutboxDrained(benefits, rss::sample);
            double drained = Measure.seconds(started, Instant.now());
            long entitlements = Measure.count(benefits, "SELECT count(*) FROM entitlement");
            long households = Measure.count(benefits, "SELECT count(DISTINCT household_id) FROM entitlement");
            Map<String, Double> cpuAfter = Measure.cpu(stack);
            System.out.printf("  all applied %.1f s after the service was started = %,.0f events/s%n", consumed,
                    events / consumed);
            System.out.printf("  %,d entitlements for %,d households; their events published after %.1f s%n",
                    entitlements, households, drained);
            System.out.printf("  benefits-service peak RSS: %,d MB%n", rss.peakMb());
            System.out.printf("  CPU seconds used: %s%n", Measure.cpuUsed(cpuBefore, cpuAfter));
        }
    }
}
