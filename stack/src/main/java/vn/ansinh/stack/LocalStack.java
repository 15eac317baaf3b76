package vn.ansinh.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./run-local.sh}: the whole suite on this machine until Ctrl-C.
 *
 * <p>Environment: {@code ANSINH_DB_URL} (+ {@code ANSINH_DB_USER}, {@code ANSINH_DB_PASSWORD}) to use
 * a PostgreSQL server of your own instead of the embedded one — a JDBC URL of a database the
 * user may create databases from, e.g. {@code jdbc:postgresql://localhost:5432/postgres};
 * {@code ANSINH_KAFKA_BOOTSTRAP} to use your own Kafka; {@code ANSINH_WORK_DIR} for data and logs
 * (default {@code .local}); {@code ANSINH_DEMO=false} to start without demo data,
 * {@code ANSINH_DEMO_SCALE} the share of the demo province to load (1 = about 477,000 households).
 */
public final class LocalStack {

    /** The share of the demo province loaded by default (see the README for why not all of it yet). */
    private static final String DEFAULT_DEMO_SCALE = "0.1";

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path workDir = Path.of(env("ANSINH_WORK_DIR", ".local")).toAbsolutePath();
        Files.createDirectories(workDir.resolve("logs"));
        System.setProperty("ansinh.workDir", workDir.toString()); // read by log4j2.properties
        String classpath = Files.readString(root.resolve("stack/target/classpath.txt")).trim()
                + java.io.File.pathSeparator + root.resolve("stack/target/classes");
        StackOptions options = new StackOptions(root, workDir, classpath, System.getenv("ANSINH_DB_URL"),
                env("ANSINH_DB_USER", "postgres"), env("ANSINH_DB_PASSWORD", "postgres"),
                System.getenv("ANSINH_KAFKA_BOOTSTRAP"), 15432, 19092, 19093, StackOptions.DEFAULT_SERVICE_PORTS,
                !"false".equalsIgnoreCase(env("ANSINH_DEMO", "true")));

        Instant started = Instant.now();
        System.out.println("Starting An Sinh: PostgreSQL, Kafka, then the three services (data and logs in " + workDir + ") …");
        Stack stack = Stack.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("\nStopping An Sinh …");
            try {
                stack.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
            System.out.println("Stopped.");
            stopped.countDown();
        }, "stop-stack"));

        System.out.printf("%nAn Sinh is ready in %d s:%n", Duration.between(started, Instant.now()).toSeconds());
        stack.describe().forEach(line -> System.out.println("  " + line));
        if (options.demo()) {
            try {
                loadDemo(stack);
            } catch (Exception e) {
                if (!stopping.get()) {
                    throw e;
                }
                // Ctrl-C while the demo loads: the services went away under the progress poller;
                // the next run completes the load
                stopped.await();
                return;
            }
        }
        String reporting = stack.url("reporting-service");
        Path tokens = writeTokens(stack.tokens(), workDir.resolve("tokens"));
        System.out.println("\nBearer tokens for trying the APIs (valid 12 h, one per role): " + tokens);
        System.out.println("Dashboard (Vietnamese): " + reporting + "/dashboard/index.html#token="
                + Files.readString(tokens.resolve("thanh-tra.jwt")));
        System.out.println("Try: curl -H \"Authorization: Bearer $(cat " + tokens.resolve("so-ldtbxh.jwt") + ")\" '"
                + reporting + "/api/indicators/poverty-rate?level=PROVINCE&group=ALL'");
        System.out.println("Press Ctrl-C to stop everything.");
        stopped.await();
    }

    private static void loadDemo(Stack stack) throws java.io.IOException, InterruptedException {
        double scale = Double.parseDouble(env("ANSINH_DEMO_SCALE", DEFAULT_DEMO_SCALE));
        var job = DemoData.load(stack.url("households-service"), scale, stack.authorization());
        if (job == null) {
            System.out.println("  demo data: the registry already has households, nothing loaded");
            return;
        }
        System.out.println("  demo data: " + job.path("status").asText() + ", " + job.path("changes"));
        DemoData.allocateBudgets(stack.url("benefits-service"), scale, stack.authorization());
        System.out.println("  demo budgets for 2024 allocated; benefits and indicators follow the events"
                + " within a minute or two");
    }

    /** The demo's people, one per role, as the identity provider would issue their tokens. */
    private static Path writeTokens(DevTokens tokens, Path directory) throws java.io.IOException {
        Files.createDirectories(directory);
        Duration lifetime = Duration.ofHours(12);
        java.util.Map<String, String> people = new java.util.LinkedHashMap<>();
        people.put("so-ldtbxh", tokens.sign("so-ldtbxh", java.util.List.of("province-officer"), null, null, lifetime));
        people.put("phong-ldtbxh-son-dong", tokens.sign("phong-ldtbxh-son-dong",
                java.util.List.of("district-officer"), "220", null, lifetime));
        people.put("can-bo-xa-96003", tokens.sign("can-bo-xa-96003", java.util.List.of("commune-officer"), "96003",
                null, lifetime));
        people.put("truong-phong", tokens.sign("truong-phong", java.util.List.of("approver"), null, null, lifetime));
        people.put("thanh-tra", tokens.sign("thanh-tra", java.util.List.of("inspector"), null, null, lifetime));
        people.put("bhxh", tokens.sign("bhxh", java.util.List.of("agency"), null,
                "personal:citizen-id personal:birth-date", lifetime));
        people.put("vbsp", tokens.sign("vbsp", java.util.List.of("agency"), null, "personal:citizen-id", lifetime));
        for (var person : people.entrySet()) {
            Files.writeString(directory.resolve(person.getKey() + ".jwt"), person.getValue());
        }
        return directory;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
