package vn.ansinh.stack;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./benchmark.sh pipeline [scale ...]}: the whole suite as the local run starts it; the
 * demo province's 2023 survey (households, members, survey rows) uploaded to the registry, and
 * the clock runs from the upload (the import job's creation; generating the demo files before
 * is not counted) until reporting has published its last indicator — the province's poverty rate
 * over every household and the health-insurance coverage over every card benefits granted. It
 * prints each stage's time, households per second end to end, every process's peak memory, and
 * the floor: PostgreSQL's COPY of as many rows, and Kafka's producer sending as many events of
 * the same size, on the same machine.
 */
public final class PipelineBenchmark {

    private static final String HOUSEHOLDS = Measure.HOUSEHOLDS;
    private static final String BENEFITS = "benefits-service";
    private static final String REPORTING = "reporting-service";

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Double> scales = args.length == 0 ? List.of(0.1, 0.5, 1.0) : Stream.of(args).map(Double::valueOf).toList();
        System.out.printf("Pipeline benchmark on %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        for (double scale : scales) {
            try (Stack stack = Measure.freshStack("pipeline-" + scale, List.of(HOUSEHOLDS, BENEFITS, REPORTING))) {
                run(stack, scale);
            }
        }
    }

    private static void run(Stack stack, double scale) throws Exception {
        Map<String, Measure.Rss> rss = new LinkedHashMap<>();
        stack.pids().forEach((name, pid) -> rss.put(name, new Measure.Rss(pid)));
        Runnable sample = () -> rss.values().forEach(Measure.Rss::sample);
        // the service generates the demo files and then receives them as an upload: the clock starts
        // at the upload (the job's creation), as for an officer's files; the generation is not counted
        String started = Measure.startDemoImport(stack, scale);
        Map<String, Double> cpuBefore = Measure.cpu(stack);
        JsonNode job = Measure.awaitJob(stack, started, sample);
        Instant start = Instant.parse(job.path("createdAt").asText());
        double imported = Measure.seconds(start, Instant.parse(job.path("finishedAt").asText()));
        long households = job.path("changes").path("householdsCreated").asLong();
        long members = job.path("changes").path("membersAdded").asLong();
        long surveys = job.path("changes").path("surveysRecorded").asLong();
        long events = households; // one household.registered each, its surveys' classifications inside
        System.out.printf("%nscale %s: %,d households, %,d members, %,d survey rows%n", scale, households, members,
                surveys);

        double published;
        try (Connection registry = stack.connect(HOUSEHOLDS)) {
            Measure.awaitOutboxDrained(registry, sample);
            published = Measure.seconds(start, Instant.now());
        }
        double benefitsDone;
        long entitlements;
        long cards;
        long covered;
        try (Connection benefits = stack.connect(BENEFITS);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            // done when its consumers have committed every registry event (they commit after their
            // database transaction) and its own events have left; counting processed_event instead
            // cost the database 70 ms a query, 5 times a second, while benefits finished
            await(() -> lag(admin, "benefits.registry", "households.household.v1") == 0
                    && Measure.count(benefits, "SELECT count(*) FROM outbox_event") == 0, sample);
            benefitsDone = Measure.seconds(start, Instant.now());
            entitlements = Measure.count(benefits, "SELECT count(*) FROM entitlement");
            cards = Measure.count(benefits, "SELECT count(*) FROM entitlement WHERE programme_code = 'HEALTH_INSURANCE'");
            // what reporting's coverage of 2023 must come to: its own query over benefits' rows
            covered = Measure.count(benefits, "SELECT count(DISTINCT member_id) FROM entitlement"
                    + " WHERE programme_code = 'HEALTH_INSURANCE' AND standing IN ('POOR', 'NEAR_POOR')"
                    + " AND (ended_on IS NULL OR ended_on > period_start) AND survey_year = 2023");
        }
        double reportingDone;
        try (Connection reporting = stack.connect(REPORTING)) {
            String province = "SELECT coalesce(max((value->>'households')::bigint), 0) FROM indicator"
                    + " WHERE key = 'poverty-rate/ALL/24/2023'";
            String coverage = "SELECT coalesce(max((value->>'covered')::bigint), 0) FROM indicator"
                    + " WHERE key = 'health-insurance-coverage/ALL/24/2023'";
            // done when both figures are the final ones and their events have left: a count of
            // processed events or an empty dirty_scope alone also holds while a round computes
            await(() -> Measure.count(reporting, province) == households
                    && Measure.count(reporting, coverage) == covered
                    && Measure.count(reporting, "SELECT count(*) FROM dirty_scope") == 0
                    && Measure.count(reporting, "SELECT count(*) FROM outbox_event") == 0, sample);
            reportingDone = Measure.seconds(start, Instant.now());
            System.out.printf("  final: province 2023 over %,d households; %,d health-insurance cards covered%n",
                    Measure.count(reporting, province), Measure.count(reporting, coverage));
        }
        Map<String, Double> cpuAfter = Measure.cpu(stack);

        System.out.printf("  upload to import completed      %6.1f s%n", imported);
        System.out.printf("  registry's events all published %6.1f s%n", published);
        System.out.printf("  benefits done (%,d entitlements, their events published) %6.1f s%n", entitlements,
                benefitsDone);
        System.out.printf("  reporting's last indicator published %6.1f s  = %,.0f households/s end to end%n",
                reportingDone, households / reportingDone);
        rss.forEach((name, r) -> System.out.printf("  peak RSS %-18s %,5d MB%n", name, r.peakMb()));
        System.out.printf("  CPU seconds used: %s%n", Measure.cpuUsed(cpuBefore, cpuAfter));

        double copy = copyFloor(stack, households, members, surveys);
        double produce = producerFloor(stack.kafkaBootstrap(), households, (int) (1300 + 400 * surveys / households),
                cards);
        System.out.printf("  floor: COPY of %,d rows %.1f s; Kafka producer, %,d events %.1f s; ours is %.1f times"
                + " their sum%n", households + members + surveys, copy, events + cards, produce,
                reportingDone / (copy + produce));
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Records of a topic that a consumer group has not committed yet. */
    private static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(ends).all().get().entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue().offset() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    private static void await(Condition condition, Runnable sample) throws Exception {
        // far beyond any run; a figure that never comes right would be a fault, not a slow run
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the suite did not reach its final figures within 15 minutes");
            }
            sample.run();
            Thread.sleep(200);
        }
    }

    /** COPY into plain tables rows as wide as the import's (households, members, survey rows). */
    private static double copyFloor(Stack stack, long households, long members, long surveys)
            throws SQLException, IOException {
        try (Connection db = stack.connect(HOUSEHOLDS); Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE floor_household (id uuid, code text, area text, address text, head text,"
                    + " minority boolean, merit boolean)");
            ddl.execute("CREATE TABLE floor_member (id uuid, household uuid, name text, citizen text, born date,"
                    + " sex text, relation text, ethnicity text)");
            ddl.execute("CREATE TABLE floor_survey (household uuid, year int, income bigint, deprivations text)");
            Instant start = Instant.now();
            var copy = db.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY floor_household FROM STDIN", rows(households, i -> UUID.randomUUID() + "\tBG-218-"
                    + i + "\t91803\tThôn 7, Xã Lục Nam 03\tNguyễn Văn An\tf\tf\n"));
            copy.copyIn("COPY floor_member FROM STDIN", rows(members, i -> UUID.randomUUID() + "\t"
                    + UUID.randomUUID() + "\tNguyễn Thị Bích Ngọc\t024301012345\t1990-01-01\tFEMALE\tCHILD\tKinh\n"));
            copy.copyIn("COPY floor_survey FROM STDIN", rows(surveys, i -> UUID.randomUUID()
                    + "\t2023\t1450000\tHEALTH_INSURANCE,NUTRITION,HOUSING_QUALITY\n"));
            double seconds = Measure.seconds(start, Instant.now());
            ddl.execute("DROP TABLE floor_household, floor_member, floor_survey");
            return seconds;
        }
    }

    private static Reader rows(long count, java.util.function.LongFunction<String> row) {
        return new Reader() {
            private long next;
            private String current = "";
            private int at;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (at == current.length()) {
                    if (next == count) {
                        return -1;
                    }
                    current = row.apply(next++);
                    at = 0;
                }
                int n = Math.min(length, current.length() - at);
                current.getChars(at, at + n, buffer, offset);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * The same number of events, of the sizes the registry's carry (a registration with its members
     * about 1.3 kB and 0.4 kB more for each survey's classification in it, an entitlement about
     * 0.5 kB), sent with the services' producer settings in the local run (idempotent, acks=all,
     * linger 5 ms), to a topic created first as the local broker creates the services' topics —
     * but uncompressed, where the services use lz4: these payloads, one repeated, would compress
     * far better than real events do, so the floor is Kafka carrying the events' full size.
     */
    private static double producerFloor(String bootstrap, long large, int largeBytes, long small) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("floor.producer.v1", Optional.of(KafkaBroker.PARTITIONS),
                    Optional.empty()))).all().get();
        }
        awaitLeaders(bootstrap, "floor.producer.v1");
        byte[] registration = new byte[largeBytes];
        byte[] classification = new byte[500];
        java.util.Random random = new java.util.Random(1);
        for (byte[] payload : List.of(registration, classification)) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) ('a' + random.nextInt(26)); // text, compressible like JSON
            }
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.partitionsFor("floor.producer.v1");
            Instant start = Instant.now();
            Future<RecordMetadata> last = null;
            for (long i = 0; i < large + small; i++) {
                last = producer.send(new ProducerRecord<>("floor.producer.v1", UUID.randomUUID().toString(),
                        i < large ? registration : classification));
            }
            producer.flush();
            if (last != null) {
                last.get();
            }
            return Duration.between(start, Instant.now()).toMillis() / 1000.0;
        }
    }

    /**
     * Waits until every partition of a new topic has a leader that takes records: an idempotent
     * producer whose first batches met "not leader" looped on out-of-order sequence errors for
     * minutes (seen once, at scale 1). One record to each partition, sent synchronously by a
     * producer without idempotence before the clock starts, is the proof.
     */
    private static void awaitLeaders(String bootstrap, String topic) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> probe = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int partition = 0; partition < KafkaBroker.PARTITIONS; partition++) {
                probe.send(new ProducerRecord<>(topic, partition, "warm-up", new byte[0])).get();
            }
        }
    }
}
