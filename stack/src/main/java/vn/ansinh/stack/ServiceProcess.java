package vn.ansinh.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service's built jar ({@code <service>/target/quarkus-app/quarkus-run.jar}) run as a process of its own. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String module;
    private final int port;
    private final Path log;
    private Process process;
    private Path root;
    private Path workDir;
    private Map<String, String> environment;

    ServiceProcess(String name, int port, Path log) {
        this(name, name, port, log);
    }

    /** @param module the service's module (its jar); the name tells replicas of one module apart */
    ServiceProcess(String name, String module, int port, Path log) {
        this.name = name;
        this.module = module;
        this.port = port;
        this.log = log;
    }

    /** JVM options given in an environment variable, separated by spaces (none when it is unset). */
    static List<String> extraJavaOptions(String variable) {
        String extra = System.getenv(variable);
        return extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
    }

    /**
     * Heap and collector per service, as measured by the benchmarks: the registry's import keeps
     * its memory flat and is as fast with 200 MB (RSS 70 MB less); benefits' batches need 256 MB
     * (with 200 MB it spends twice the CPU in GC). All three run with the parallel collector:
     * on two shared cores it costs less than G1 (whole province end to end: 147.6 s instead of
     * 159.2 s; the registry's import had 25 s of G1 young-collection pauses, its CPU went from
     * 67 to 56 s; benefits alone: 70.1 s and 424 MB instead of 80.0 s and 508 MB). deploy/ sets
     * the same.
     *
     * <p>On this machine the services also compile with C1 only ({@code TieredStopAtLevel=1}):
     * a local run or a benchmark loads a province within minutes of starting, and C2 compiling
     * the hot paths of the import and the consumers took 49 CPU seconds of a whole-province run
     * (a fifth of all the CPU; 125 s of wall time on the compiler threads). With C1 only: end to
     * end 136.0 s → 123.4 s, each service 40–70 MB less RSS. That leaves the registry room for
     * a larger heap, half of it young: its import's young collections took 10.2 CPU s of a
     * province with 200 MB, 6.6 s with 256 MB (RSS 400 → 456 MB). Its survivor spaces are a
     * sixth of the young generation instead of a tenth, so that the chunks in flight age there
     * instead of overflowing into the old generation (import alone, twice each: pauses 4.4, 4.3 s
     * against 4.7, 4.8 s a province). deploy/ keeps the JVM's tiered compilation: a service in
     * the cluster lives for days on its own CPU, so C2's cost is paid once and its faster code
     * pays it back.
     */
    static List<String> jvmOptions(String module) {
        return switch (module) {
            case "households-service" -> List.of("-Xmx256m", "-XX:NewRatio=1", "-XX:SurvivorRatio=4",
                    "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1");
            default -> List.of("-Xmx256m", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1");
        };
    }

    void start(Path root, Path workDir, Map<String, String> environment) throws IOException {
        this.root = root;
        this.workDir = workDir;
        this.environment = Map.copyOf(environment);
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        Path tmp = workDir.resolve("tmp").resolve(name);
        Files.createDirectories(tmp);
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(KafkaBroker.javaExecutable(), "-Xms64m"));
        command.addAll(jvmOptions(module));
        command.add("-Djava.io.tmpdir=" + tmp);
        // e.g. ANSINH_SERVICE_JAVA_OPTS=-XX:StartFlightRecording=filename=rec.jfr to profile a run
        command.addAll(extraJavaOptions("ANSINH_SERVICE_JAVA_OPTS"));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        // glibc gives each thread that allocates its own malloc arena (64 MB of address space,
        // resident as used): two keep a service's native memory small
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        process = builder.start();
    }

    /** Waits until {@code /q/health/ready} answers UP. */
    void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(3))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log
                        + tail(log));
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ", see " + log + tail(log));
    }

    /**
     * The end of a log, for the message of a failed start: CI keeps the test output, not the
     * stack's working directory, so the reason has to travel in the exception.
     */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            String end = String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
            return "\n--- last lines of " + log.getFileName() + " ---\n"
                    + (end.length() > 6_000 ? end.substring(end.length() - 6_000) : end);
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }

    /** Starts the service again as it was first started (after a kill, say). */
    void restart() throws IOException {
        start(root, workDir, environment);
    }

    /** Ends the process at once, as a crash or {@code kill -9} would: no shutdown hooks, no clean leave. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    String name() {
        return name;
    }

    String url() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: Quarkus finishes its batches and leaves its consumer groups
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
