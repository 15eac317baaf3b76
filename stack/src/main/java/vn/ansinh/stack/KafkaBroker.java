package vn.ansinh.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real Kafka broker (KRaft, broker and controller in one process) run as a child process
 * from this module's classpath, with its data in the work folder so that topics survive a
 * restart of the local stack. Not used when the options name a cluster of the user's own.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String TOPICS = "deploy/base/kafka/topics.yaml";
    // an even number: benefits runs two members of its registry consumer, and with three
    // partitions one of them had two thirds of a province's events (a tail of 18 s after the import)
    static final int PARTITIONS = 4;
    // the lines of a KafkaTopic document that matter here (the file's own layout, two-space indents)
    private static final Pattern TOPIC_NAME = Pattern.compile("(?m)^  topicName: (\\S+)$");
    private static final Pattern TOPIC_PARTITIONS = Pattern.compile("(?m)^  partitions: (\\d+)");
    private static final Pattern TOPIC_CONFIG = Pattern.compile("(?m)^    ([a-z.]+): \"?([^\"\\s#]*)\"?\\s*(#.*)?$");

    private final StackOptions options;
    private final Path dir;
    private Process process;
    private String bootstrap;

    KafkaBroker(StackOptions options) {
        this.options = options;
        this.dir = options.workDir().resolve("kafka");
    }

    void start() throws IOException, InterruptedException {
        if (options.kafkaBootstrap() != null) {
            bootstrap = options.kafkaBootstrap();
        } else {
            startBroker();
        }
        createTopics();
    }

    private void startBroker() throws IOException, InterruptedException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, serverProperties(data));
        Files.writeString(dir.resolve("log4j2.properties"), """
                rootLogger.level = WARN
                rootLogger.appenderRef.file.ref = file
                appender.file.type = File
                appender.file.name = file
                appender.file.fileName = %s
                appender.file.layout.type = PatternLayout
                appender.file.layout.pattern = %%d %%p [%%c] %%m%%n
                """.formatted(dir.resolve("broker.log")));
        if (!Files.exists(data.resolve("meta.properties"))) {
            Process format = java("kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString(), "-c",
                    properties.toString()).redirectOutput(dir.resolve("format.log").toFile())
                    .redirectErrorStream(true).start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("kafka storage format failed, see " + dir.resolve("format.log"));
            }
        }
        process = java("kafka.Kafka", properties.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.out").toFile()))
                .redirectErrorStream(true).start();
        bootstrap = "127.0.0.1:" + options.kafkaPort();
        awaitReady();
    }

    String bootstrapServers() {
        return bootstrap;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    String describe() {
        return process != null ? "Kafka broker (KRaft) on " + bootstrap + ", pid " + process.pid() : bootstrap;
    }

    private String serverProperties(Path data) {
        String controller = "127.0.0.1:" + options.controllerPort();
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + options.kafkaPort() + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + options.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=" + PARTITIONS,
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // topics are created from the deployment's declarations (createTopics), never on first
                // use: a producer sending to a topic while it is being created can have its first
                // request overtaken by its second, and an idempotent producer then retries the first
                // until delivery.timeout.ms (KAFKA-15591) — a two-minute stall of the outbox relay
                "auto.create.topics.enable=false",
                "");
    }

    /**
     * Creates the topics declared for deployment ({@code deploy/base/kafka/topics.yaml}: names,
     * partitions up to {@link #PARTITIONS} on one machine, settings such as compaction) that do not
     * exist yet. Run against a cluster of the user's own too, so that it never auto-creates them.
     */
    private void createTopics() throws IOException, InterruptedException {
        List<NewTopic> declared = declaredTopics(Files.readString(options.root().resolve(TOPICS)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = declared.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the topics declared in " + TOPICS, e);
        }
    }

    /** The KafkaTopic documents of the manifest: each one's topicName and its spec.config entries. */
    static List<NewTopic> declaredTopics(String yaml) {
        List<NewTopic> topics = new ArrayList<>();
        for (String document : yaml.split("\n---")) {
            Matcher name = TOPIC_NAME.matcher(document);
            if (!name.find()) {
                continue;
            }
            Map<String, String> config = new TreeMap<>();
            Matcher entry = TOPIC_CONFIG.matcher(document);
            while (entry.find()) {
                config.put(entry.group(1), entry.group(2));
            }
            Matcher partitions = TOPIC_PARTITIONS.matcher(document);
            int count = partitions.find() ? Math.min(Integer.parseInt(partitions.group(1)), PARTITIONS) : PARTITIONS;
            topics.add(new NewTopic(name.group(1), Optional.of(count), Optional.empty()).configs(config));
        }
        return topics;
    }

    private ProcessBuilder java(String mainClass, String... args) {
        // C1 only and the parallel collector, as the services here (see ServiceProcess.jvmOptions):
        // the broker's CPU in a whole-province run 19.1 s → 13.1 s, RSS 470 → 409 MB
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms128m", "-Xmx384m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC"));
        // e.g. ANSINH_KAFKA_JAVA_OPTS=-XX:StartFlightRecording=filename=broker.jfr to profile the broker
        command.addAll(ServiceProcess.extraJavaOptions("ANSINH_KAFKA_JAVA_OPTS"));
        command.addAll(List.of("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-Djava.io.tmpdir=" + dir, "-cp", options.classpath(), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile());
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + ", see "
                        + dir.resolve("broker.out") + " and broker.log" + ServiceProcess.tail(dir.resolve("broker.out")));
            }
            try (Admin admin = Admin.create(config)) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception notYet) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the Kafka broker was not ready within " + READY_TIMEOUT);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
