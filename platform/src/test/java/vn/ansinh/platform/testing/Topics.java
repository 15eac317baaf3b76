package vn.ansinh.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import vn.ansinh.platform.events.CloudEventHeaders;

/** Reads and writes topics of the test broker directly, as an outside client would. */
public final class Topics {

    private Topics() {
    }

    /** Polls {@code topic} from its beginning until {@code done} holds for what was read, or fails after the timeout. */
    public static List<ConsumerRecord<String, byte[]>> readUntil(String topic,
            Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (!done.test(read)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("topic " + topic + " did not reach the expected state within "
                            + timeout + "; read " + read.size() + " records");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }

    /** Reads {@code topic} from its beginning for the given time and returns everything seen. */
    public static List<ConsumerRecord<String, byte[]>> readFor(String topic, Duration period) {
        Instant end = Instant.now().plus(period);
        return readUntil(topic, records -> Instant.now().isAfter(end), period.plusSeconds(5));
    }

    /** Sends one raw record with the given headers (name, value, name, value, …). */
    public static void send(String topic, String key, byte[] value, String... headers) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                record.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** Sends a payload as a CloudEvent in binary mode, as a producing service would. */
    public static void sendEvent(String topic, String key, String type, byte[] payload, UUID id) {
        sendEvents(topic, List.of(new Event(key, type, payload, id, Instant.now())));
    }

    /** As {@link #sendEvent}, within a trace: the W3C traceparent a producing service would add. */
    public static void sendTracedEvent(String topic, String key, String type, byte[] payload, String traceParent) {
        sendEvents(topic, List.of(new Event(key, type, payload, UUID.randomUUID(), Instant.now(), traceParent)));
    }

    /** A CloudEvent to send: its key, type, payload, id, time and (or null) the traceparent of its trace. */
    public record Event(String key, String type, byte[] payload, UUID id, Instant time, String traceParent) {

        public Event(String key, String type, byte[] payload, UUID id, Instant time) {
            this(key, type, payload, id, time, null);
        }

        public Event(String key, String type, String json) {
            this(key, type, json.getBytes(StandardCharsets.UTF_8), UUID.randomUUID(), Instant.now());
        }
    }

    /** Sends events with one producer, in order, as fast as the broker takes them. */
    public static void sendEvents(String topic, List<Event> events) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (Event event : events) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.key(), event.payload());
                header(record, CloudEventHeaders.ID, event.id().toString());
                header(record, CloudEventHeaders.TYPE, event.type());
                header(record, CloudEventHeaders.SOURCE, "/test");
                header(record, CloudEventHeaders.TIME, event.time().toString());
                header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
                header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
                if (event.traceParent() != null) {
                    header(record, "traceparent", event.traceParent());
                }
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
