package vn.ansinh.platform.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real Kafka broker (KRaft, broker and controller combined) per test JVM, in process,
 * started on first use. It is not closed: it ends with the JVM (closing it in a shutdown hook
 * raced the JVM's own shutdown), and its files are in target/.
 */
public final class RealKafka {

    private static KafkaClusterTestKit cluster;

    private RealKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = start();
        }
        return cluster.bootstrapServers();
    }

    private static KafkaClusterTestKit start() {
        // An in-process broker must never end the test JVM. At exit, Kafka's own shutdown hook
        // deletes the broker's directory under the running broker, which then halts the JVM
        // with status 1 ("all log dirs have failed") and Surefire reports a broken fork.
        Exit.setHaltProcedure((status, message) -> System.err.println(
                "test broker asked to halt the JVM (" + status + "): " + message + " — ignored"));
        Exit.setExitProcedure((status, message) -> System.err.println(
                "test broker asked to exit the JVM (" + status + "): " + message + " — ignored"));
        try {
            KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "3")
                    .build();
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test Kafka broker", e);
        }
    }
}
