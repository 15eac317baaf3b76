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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the benchmarks share: starting a fresh stack, loading the demo survey, reading /proc and databases. */
final class Measure {

    static final String HOUSEHOLDS = "households-service";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Measure() {
    }

    /** A stack on a fresh work folder with the given services (more can be started later). */
    static Stack freshStack(String name, List<String> services) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        String classpath = Files.readString(root.resolve("stack/target/classpath.txt")).trim()
                + java.io.File.pathSeparator + root.resolve("stack/target/classes");
        Path workDir = root.resolve("stack/target/benchmark/" + name);
        delete(workDir);
        Files.createDirectories(workDir.resolve("logs"));
        System.setProperty("ansinh.workDir", workDir.toString());
        Map<String, Integer> ports = new java.util.HashMap<>();
        services.forEach(s -> ports.put(s, Ports.free()));
        return Stack.start(new StackOptions(root, workDir, classpath, null, "postgres", "postgres", null, Ports.free(),
                Ports.free(), Ports.free(), ports, true));
    }

    /** Starts the demo province's import (2023 survey only) and returns the job's URL. */
    static String startDemoImport(Stack stack, double scale) throws IOException, InterruptedException {
        String url = stack.url(HOUSEHOLDS);
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(
                URI.create(url + "/api/imports/demo-province?year=2023&scale=" + scale))
                .header("Authorization", stack.authorization()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("the demo province was refused: " + started.body());
        }
        return URI.create(url).resolve(started.headers().firstValue("Location").orElseThrow()).toString();
    }

    /**
     * Polls the job until it ends (sampling as it goes); fails unless it completed. Four times a
     * second: the job's own timestamps time the import, and each poll is a request the registry
     * serves with the CPU the import needs.
     */
    static JsonNode awaitJob(Stack stack, String job, Runnable sample) throws IOException, InterruptedException {
        JsonNode status;
        do {
            Thread.sleep(250);
            sample.run();
            status = get(job, stack.authorization());
        } while (!List.of("COMPLETED", "REJECTED", "FAILED").contains(status.path("status").asText()));
        if (!status.path("status").asText().equals("COMPLETED")) {
            throw new IllegalStateException("the import did not complete: " + status);
        }
        return status;
    }

    static JsonNode get(String url, String authorization) throws IOException, InterruptedException {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement query = db.createStatement(); ResultSet count = query.executeQuery(sql)) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Waits until a service's outbox is empty (everything published). */
    static void awaitOutboxDrained(Connection db, Runnable sample) throws SQLException, InterruptedException {
        while (count(db, "SELECT count(*) FROM outbox_event") > 0) {
            sample.run();
            Thread.sleep(100);
        }
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** The resident memory of a process, sampled from /proc (Linux). */
    static final class Rss {
        private final Path status;
        private long peakKb;

        Rss(long pid) {
            this.status = Path.of("/proc/" + pid + "/status");
        }

        void sample() {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        peakKb = Math.max(peakKb, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (IOException gone) {
                // the process ended
            }
        }

        long peakMb() {
            return peakKb / 1024;
        }
    }

    /** CPU seconds used so far by each process of the stack and by all PostgreSQL processes (Linux /proc). */
    static Map<String, Double> cpu(Stack stack) throws IOException {
        Map<String, Double> used = new java.util.HashMap<>();
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
        used.put("postgres", postgres);
        for (Map.Entry<String, Long> pid : stack.pids().entrySet()) {
            used.put(pid.getKey(), cpuSeconds(Path.of("/proc/" + pid.getValue())));
        }
        return used;
    }

    static String cpuUsed(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Double> entry : after.entrySet()) {
            line.append(line.length() == 0 ? "" : ", ").append(String.format("%s %.1f", entry.getKey(),
                    entry.getValue() - before.getOrDefault(entry.getKey(), 0.0)));
        }
        return line.toString();
    }

    private static double cpuSeconds(Path process) throws IOException {
        String stat = Files.readString(process.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of stat, in clock ticks of 1/100 s
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
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
