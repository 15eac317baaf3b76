package vn.ansinh.platform.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: points the service under test at a real Kafka broker and a fresh
 * database on a real PostgreSQL server (both shared by the whole test JVM), and makes it trust
 * the test key that signs {@link TestTokens}.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static Map<String, String> config;

    @Override
    public synchronized Map<String, String> start() {
        // one database per JVM: Quarkus may restart the application between test classes
        if (config == null) {
            Map<String, String> started = new HashMap<>(RealPostgres.newDatabase().quarkusConfig());
            started.put("kafka.bootstrap.servers", RealKafka.bootstrapServers());
            started.putAll(TestTokens.quarkusConfig());
            TestTokens.useByDefault();
            config = Map.copyOf(started);
        }
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; the servers stop when the JVM exits
    }

    /** The configuration handed to the application, for tests that open their own clients. */
    public static synchronized Map<String, String> config() {
        return config;
    }
}
