package vn.ansinh.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the stack runs: its working folder, the servers to use (embedded unless given) and
 * the ports.
 *
 * @param root the project's root (the services' jars are under {@code <service>/target/quarkus-app})
 * @param workDir data and logs of this run
 * @param classpath the launcher's classpath (the broker runs on it)
 * @param databaseUrl JDBC URL of an existing PostgreSQL server's maintenance database, or null for the embedded one
 * @param kafkaBootstrap an existing Kafka cluster, or null for a broker of our own
 * @param servicePorts the services to start (all three, except in a benchmark of one) and their ports
 * @param demo whether the registry may load the synthetic demo province
 */
public record StackOptions(Path root, Path workDir, String classpath, String databaseUrl, String databaseUser,
        String databasePassword, String kafkaBootstrap, int postgresPort, int kafkaPort, int controllerPort,
        Map<String, Integer> servicePorts, boolean demo) {

    public static final Map<String, Integer> DEFAULT_SERVICE_PORTS = Map.of(
            "households-service", 8081, "benefits-service", 8082, "reporting-service", 8083);

    /** Random free ports and a fresh folder: for system tests, which may run beside a local stack. */
    public static StackOptions forTest(Path root, Path workDir, String classpath) {
        return new StackOptions(root, workDir, classpath, null, "postgres", "postgres", null, Ports.free(),
                Ports.free(), Ports.free(), Map.of("households-service", Ports.free(), "benefits-service",
                        Ports.free(), "reporting-service", Ports.free()), false);
    }
}
