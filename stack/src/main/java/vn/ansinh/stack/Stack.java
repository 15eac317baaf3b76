package vn.ansinh.stack;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite on one machine: a PostgreSQL server (a database per service), a Kafka
 * broker, and the three services as separate processes, started in that order and stopped in
 * the reverse one.
 */
public final class Stack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("households-service", "benefits-service", "reporting-service");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final StackOptions options;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, String> databases = new HashMap<>();
    private final DevTokens tokens;
    private String operatorToken;
    private Instant operatorTokenSigned;
    private final Map<String, String> extraEnvironment;

    private Stack(StackOptions options, Map<String, String> extraEnvironment) {
        this.options = options;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        this.tokens = DevTokens.in(options.workDir());
        this.postgres = new PostgresServer(options);
        this.kafka = new KafkaBroker(options);
    }

    /** Starts everything and waits until every service is ready; on failure stops what had started. */
    public static Stack start(StackOptions options) throws Exception {
        return start(options, Map.of());
    }

    /** The same, with settings given to every service (e.g. shorter timeouts for a fault test). */
    public static Stack start(StackOptions options, Map<String, String> environment) throws Exception {
        Stack stack = new Stack(options, environment);
        try {
            stack.startAll();
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws IOException, InterruptedException, SQLException {
        postgres.start();
        kafka.start();
        for (String name : SERVICES) {
            if (options.servicePorts().containsKey(name)) { // a benchmark may start fewer, or later
                launch(name, options.servicePorts().get(name));
            }
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(READY_TIMEOUT);
        }
    }

    /** Starts a service that was not started with the others and waits until it is ready. */
    public void startService(String name, int port) throws IOException, InterruptedException, SQLException {
        launch(name, port).awaitReady(READY_TIMEOUT);
    }

    /**
     * Starts another replica of a service (same jar, same database, same consumer groups) and
     * waits until it is ready; it is known as {@code <service>-2}, {@code -3}, … .
     */
    public String startReplica(String service) throws IOException, InterruptedException, SQLException {
        int replica = 2;
        while (services.containsKey(service + "-" + replica)) {
            replica++;
        }
        String name = service + "-" + replica;
        launch(name, service, Ports.free()).awaitReady(READY_TIMEOUT);
        return name;
    }

    private ServiceProcess launch(String name, int port) throws IOException, SQLException {
        return launch(name, name, port);
    }

    private ServiceProcess launch(String name, String module, int port) throws IOException, SQLException {
        ServiceProcess service = new ServiceProcess(name, module, port,
                options.workDir().resolve("logs").resolve(name + ".log"));
        services.put(name, service);
        String database = postgres.database(name.substring(0, name.indexOf('-')));
        databases.put(name, database);
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database,
                "QUARKUS_DATASOURCE_USERNAME", postgres.user(),
                "QUARKUS_DATASOURCE_PASSWORD", postgres.password(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
        environment.putAll(tokens.serviceEnvironment());
        // events go lz4-compressed (the platform's default) even to a broker on this machine: the
        // whole province end to end 89.9 and 95.5 s against 94.8 and 96.4 s uncompressed (runs in
        // turn), the broker's CPU 9 s instead of 12.7 s, the services' about the same
        // the DCI API may post answers to agencies' systems on this machine (and nowhere else)
        environment.put("ANSINH_DCI_CALLBACK_PREFIXES", "http://localhost,http://127.0.0.1");
        if (options.demo()) {
            environment.put("ANSINH_DEMO_ENABLED", "true");
        }
        environment.putAll(extraEnvironment);
        service.start(options.root(), options.workDir(), environment);
        return service;
    }

    /** The base URL of a service, e.g. {@code http://localhost:8081}. */
    public String url(String service) {
        return services.get(service).url();
    }

    /** Signs tokens the services trust. */
    public DevTokens tokens() {
        return tokens;
    }

    /**
     * Authorization header value of the suite's own tools: a province officer who may also inspect.
     * Signed once an hour rather than per call: the benchmarks ask for a job's state ten times a
     * second, and a fresh RSA signature each time (and its verification by the service) took the
     * CPU of the suite they measure — about 4 CPU seconds of a whole-province run.
     */
    public synchronized String authorization() {
        Instant now = Instant.now();
        if (operatorToken == null || operatorTokenSigned.isBefore(now.minus(Duration.ofHours(1)))) {
            operatorToken = tokens.operator();
            operatorTokenSigned = now;
        }
        return operatorToken;
    }

    /** Kills a service as {@code kill -9} would. */
    public void kill(String service) throws InterruptedException {
        services.get(service).kill();
    }

    /** Starts a killed or stopped service again and waits until it is ready. */
    public void restart(String service) throws IOException, InterruptedException {
        ServiceProcess process = services.get(service);
        process.restart();
        process.awaitReady(READY_TIMEOUT);
    }

    /** Stops the broker, waits, starts it again on the same data and waits until it answers. */
    public void restartBroker(Duration down) throws IOException, InterruptedException {
        kafka.close();
        Thread.sleep(down.toMillis());
        kafka.start();
    }

    /** Takes a service's database away from it (connections refused and dropped) or gives it back. */
    public void databaseAvailable(String service, boolean available) throws SQLException {
        String name = service.substring(0, service.indexOf('-'));
        postgres.allowConnections(name, available);
    }

    /** A connection to a service's database, for measurements and checks. */
    public java.sql.Connection connect(String service) throws SQLException {
        return java.sql.DriverManager.getConnection(databases.get(service), postgres.user(), postgres.password());
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** Process ids of the broker (if ours) and the services, for measurements. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (kafka.pid() > 0) {
            pids.put("kafka", kafka.pid());
        }
        services.forEach((name, service) -> pids.put(name, service.pid()));
        return pids;
    }

    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            lines.add(String.format("%-18s %s   (API docs %s/q/swagger-ui, health %s/q/health, log %s)",
                    service.name(), service.url(), service.url(), service.url(), service.log()));
        }
        lines.add(String.format("%-18s %s", "kafka", kafka.describe()));
        lines.add(String.format("%-18s %s", "postgresql", postgres.describe()));
        return lines;
    }

    @Override
    public void close() throws Exception {
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        Collections.reverse(reversed);
        for (ServiceProcess service : reversed) {
            service.close();
        }
        kafka.close();
        postgres.close();
    }
}
