package vn.ansinh.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./benchmark.sh import [scale ...]}: imports the demo province's 2023 survey (households,
 * members, 2023 answers; scale 1 = about 477,000 households) into a running households-service
 * started as the local run starts it (PostgreSQL 17, a Kafka broker, the service jar), and prints
 * households per second, the time until the outbox is drained to Kafka, and the peak memory
 * (RSS) of the service during the import. Each scale runs on a fresh database.
 */
public final class ImportBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SERVICE = "households-service";

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Double> scales = args.length == 0 ? List.of(0.1, 1.0) : Stream.of(args).map(Double::valueOf).toList();
        Path root = Path.of("").toAbsolutePath();
        String classpath = Files.readString(root.resolve("stack/target/classpath.txt")).trim()
                + java.io.File.pathSeparator + root.resolve("stack/target/classes");
        System.out.printf("Import benchmark on %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        for (double scale : scales) {
            Path workDir = root.resolve("stack/target/benchmark/import-" + scale);
            delete(workDir);
            Files.createDirectories(workDir.resolve("logs"));
            System.setProperty("ansinh.workDir", workDir.toString());
            StackOptions options = new StackOptions(root, workDir, classpath, null, "postgres", "postgres", null,
                    Ports.free(), Ports.free(), Ports.free(), Map.of(SERVICE, Ports.free()), true);
            try (Stack stack = Stack.start(options)) {
                run(stack, scale);
            }
        }
    }

    private static void run(Stack stack, double scale) throws Exception {
        String url = stack.url(SERVICE);
        Instant generating = Instant.now();
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(
                URI.create(url + "/api/imports/demo-province?year=2023&scale=" + scale))
                .header("X-Actor", "benchmark").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("the demo province was refused: " + started.body());
        }
        Duration generation = Duration.between(generating, Instant.now());
        String job = URI.create(url).resolve(started.headers().firstValue("Location").orElseThrow()).toString();
        Rss rss = new Rss(stack.pids().get(SERVICE));
        Map<String, Double> cpuBefore = cpu(stack);
        JsonNode status;
        do {
            Thread.sleep(100);
            rss.sample();
            status = get(job);
        } while (!List.of("COMPLETED", "REJECTED", "FAILED").contains(status.path("status").asText()));
        if (!status.path("status").asText().equals("COMPLETED")) {
            throw new IllegalStateException("the import did not complete: " + status);
        }
        Instant created = Instant.parse(status.path("createdAt").asText());
        Duration importing = Duration.between(created, Instant.parse(status.path("finishedAt").asText()));
        long left;
        try (Connection db = stack.connect(SERVICE)) {
            while ((left = outbox(db)) > 0) {
                rss.sample();
                Thread.sleep(100);
            }
        }
        Duration drained = Duration.between(created, Instant.now());
        Map<String, Double> cpuAfter = cpu(stack);
        long households = status.path("changes").path("householdsCreated").asLong();
        long rows = status.path("rowsTotal").asLong();
        double seconds = importing.toMillis() / 1000.0;
        System.out.printf("%nscale %s: %,d households, %,d members, %,d surveys (%,d CSV rows; generated in %.1f s)%n",
                scale, households, status.path("changes").path("membersAdded").asLong(),
                status.path("changes").path("surveysRecorded").asLong(), rows, generation.toMillis() / 1000.0);
        System.out.printf("  import (upload to COMPLETED): %.1f s = %,.0f households/s, %,.0f rows/s%n", seconds,
                households / seconds, rows / seconds);
        System.out.printf("  outbox drained to Kafka after %.1f s%n", drained.toMillis() / 1000.0);
        System.out.printf("  households-service peak RSS during the import: %,d MB%n", rss.peakMb());
        System.out.printf("  CPU seconds used until drained: households-service %.1f, PostgreSQL %.1f, Kafka %.1f%n",
                cpuAfter.get(SERVICE) - cpuBefore.get(SERVICE), cpuAfter.get("postgres") - cpuBefore.get("postgres"),
                cpuAfter.get("kafka") - cpuBefore.get("kafka"));
    }

    /** CPU seconds used so far by the service, the broker and all PostgreSQL processes (Linux /proc). */
    private static Map<String, Double> cpu(Stack stack) throws IOException {
        double postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                        postgres += cpuSeconds(process);
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return Map.of(SERVICE, cpuSeconds(Path.of("/proc/" + stack.pids().get(SERVICE))), "kafka",
                cpuSeconds(Path.of("/proc/" + stack.pids().get("kafka"))), "postgres", postgres);
    }

    private static double cpuSeconds(Path process) throws IOException {
        String stat = Files.readString(process.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of stat, in clock ticks of 1/100 s
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static long outbox(Connection db) throws Exception {
        try (Statement query = db.createStatement(); ResultSet count = query.executeQuery(
                "SELECT count(*) FROM outbox_event")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The resident memory of a process, sampled from /proc (Linux). */
    private static final class Rss {
        private final Path status;
        private long peakKb;

        Rss(long pid) {
            this.status = Path.of("/proc/" + pid + "/status");
        }

        void sample() throws IOException {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    peakKb = Math.max(peakKb, Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        }

        long peakMb() {
            return peakKb / 1024;
        }
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
