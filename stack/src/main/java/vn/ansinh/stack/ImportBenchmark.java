package vn.ansinh.stack;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./benchmark.sh import [scale ...]}: imports the demo province's 2023 survey (households,
 * members, 2023 answers; scale 1 = about 477,000 households) into a running households-service
 * started as the local run starts it (PostgreSQL 17, a Kafka broker, the service jar), and prints
 * households per second, the time until the outbox is drained to Kafka, the peak memory (RSS)
 * of the service during the import and the CPU each process used. Each scale runs on a fresh
 * database.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Double> scales = args.length == 0 ? List.of(0.1, 1.0) : Stream.of(args).map(Double::valueOf).toList();
        System.out.printf("Import benchmark on %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        for (double scale : scales) {
            try (Stack stack = Measure.freshStack("import-" + scale, List.of(Measure.HOUSEHOLDS))) {
                run(stack, scale);
            }
        }
    }

    private static void run(Stack stack, double scale) throws Exception {
        Instant generating = Instant.now();
        String job = Measure.startDemoImport(stack, scale);
        double generation = Measure.seconds(generating, Instant.now());
        Measure.Rss rss = new Measure.Rss(stack.pids().get(Measure.HOUSEHOLDS));
        Map<String, Double> cpuBefore = Measure.cpu(stack);
        JsonNode status = Measure.awaitJob(stack, job, rss::sample);
        Instant created = Instant.parse(status.path("createdAt").asText());
        double importing = Measure.seconds(created, Instant.parse(status.path("finishedAt").asText()));
        try (Connection db = stack.connect(Measure.HOUSEHOLDS)) {
            Measure.awaitOutboxDrained(db, rss::sample);
        }
        double drained = Measure.seconds(created, Instant.now());
        Map<String, Double> cpuAfter = Measure.cpu(stack);
        JsonNode changes = status.path("changes");
        long households = changes.path("householdsCreated").asLong();
        long rows = status.path("rowsTotal").asLong();
        System.out.printf("%nscale %s: %,d households, %,d members, %,d surveys (%,d CSV rows; generated in %.1f s)%n",
                scale, households, changes.path("membersAdded").asLong(), changes.path("surveysRecorded").asLong(),
                rows, generation);
        System.out.printf("  import (upload to COMPLETED): %.1f s = %,.0f households/s, %,.0f rows/s%n", importing,
                households / importing, rows / importing);
        System.out.printf("  outbox drained to Kafka after %.1f s%n", drained);
        System.out.printf("  households-service peak RSS during the import: %,d MB%n", rss.peakMb());
        System.out.printf("  CPU seconds used until drained: %s%n", Measure.cpuUsed(cpuBefore, cpuAfter));
    }
}
