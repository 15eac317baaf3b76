package vn.ansinh.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real Kafka broker (KRaft, broker and controller in one process) run as a child process
 * from this module's classpath, with its data in the work folder so that topics survive a
 * restart of the local stack. Not used when the options name a cluster of the user's own.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

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
            return;
        }
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
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "");
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms128m", "-Xmx384m",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
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
                        + dir.resolve("broker.out") + " and broker.log");
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
