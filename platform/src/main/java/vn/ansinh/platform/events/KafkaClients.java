package vn.ansinh.platform.events;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import net.jpountz.lz4.LZ4Factory;

/**
 * Builds the plain Kafka clients of the event plumbing from the {@code kafka.*} configuration
 * (the same one quarkus-kafka-client uses for its health check).
 */
@ApplicationScoped
public class KafkaClients {

    private static final Logger LOG = Logger.getLogger(KafkaClients.class);

    static {
        loadNativeLz4();
    }

    private final Map<String, Object> kafka;
    private final EventsConfig config;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafka, EventsConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    /** An idempotent producer: retries never duplicate or reorder records of a partition. */
    public KafkaProducer<String, byte[]> producer(String clientId) {
        Map<String, Object> settings = base();
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // the relay sends up to a batch (ansinh.events.relay.batch-size) of events of about a kilobyte
        // at once: in batches of the default 16 kB that is hundreds of produce requests, each with its
        // own cost in the broker
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer whose offsets are committed by the application, after its database commit. */
    public KafkaConsumer<String, byte[]> consumer(String groupId, int maxPollRecords) {
        Map<String, Object> settings = base();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // while a producer writes steadily, answering each fetch with the few records that have just
        // arrived costs the broker and the consumer a request per handful of events: wait for 64 kB
        // or 100 ms, whichever comes first (an event still arrives within a tenth of a second)
        settings.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
        settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        // a replica that died is noticed after 10 s (default 45 s), so its partitions move on sooner
        settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** An admin client, for services that declare topics of their own (close it after use). */
    public Admin admin() {
        return Admin.create(base());
    }

    /**
     * Kafka's lz4 codec asks lz4-java for its fastest implementation, and lz4-java offers its
     * native one only when loaded by the system class loader or once loaded already: under
     * Quarkus's class loader every event was compressed, and decompressed in every consumer, by
     * its pure-Java code (a province: 9% of the registry's samples, 11% of benefits', 14% of
     * reporting's). Loading it once here makes the native one the fastest for every client
     * after. Where it cannot load (a platform without a build, no writable temporary
     * directory), the Java one stays, as before.
     */
    private static void loadNativeLz4() {
        try {
            LZ4Factory.nativeInstance();
        } catch (Throwable unavailable) { // lz4-java's own choice of the fastest catches the same
            LOG.infof("lz4 stays in Java, the native build did not load: %s", unavailable.toString());
        }
    }

    private Map<String, Object> base() {
        Map<String, Object> config = new HashMap<>();
        // only the connection settings are taken over: serialisation and delivery are fixed here
        kafka.forEach((name, value) -> {
            if (name.equals("bootstrap.servers") || name.startsWith("security.") || name.startsWith("sasl.")
                    || name.startsWith("ssl.")) {
                config.put(name, value);
            }
        });
        return config;
    }
}
