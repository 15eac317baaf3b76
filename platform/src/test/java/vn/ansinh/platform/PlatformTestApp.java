package vn.ansinh.platform;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import vn.ansinh.platform.consumer.EventHandler;
import vn.ansinh.platform.events.EventEnvelope;
import vn.ansinh.platform.events.Json;
import vn.ansinh.platform.outbox.Outbox;

/** The smallest application that uses the platform: notes written with events, and a consumer of them. */
public final class PlatformTestApp {

    public static final String TOPIC = "platform.test.v1";
    public static final String NOTED = "test.noted";

    private PlatformTestApp() {
    }

    public record Noted(String key, int seq, String text) {
    }

    @Entity
    @Table(name = "test_note")
    public static class TestNote {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Long id;
        public String noteKey;
        public int seq;
        public String text;
    }

    @ApplicationScoped
    public static class NoteRepository implements PanacheRepository<TestNote> {
    }

    @ApplicationScoped
    public static class NoteService {

        private final NoteRepository notes;
        private final Outbox outbox;

        public NoteService(NoteRepository notes, Outbox outbox) {
            this.notes = notes;
            this.outbox = outbox;
        }

        /** Writes a note and its event; {@code fail} rolls both back after they were written. */
        @Transactional
        public void write(String key, int seq, String text, boolean fail) {
            TestNote note = new TestNote();
            note.noteKey = key;
            note.seq = seq;
            note.text = text;
            notes.persist(note);
            outbox.append(TOPIC, key, NOTED, new Noted(key, seq, text));
            if (fail) {
                throw new IllegalStateException("the change is refused after its event was written");
            }
        }

        @Transactional
        public void writeAll(List<Noted> batch) {
            outbox.appendAll(batch.stream().map(n -> new Outbox.NewEvent(TOPIC, n.key(), NOTED, n)).toList());
        }

        @Transactional
        public long count(String key) {
            return notes.count("noteKey", key);
        }
    }

    /** Records each applied event as a row of test_effect (a doubled event shows as two rows). */
    @ApplicationScoped
    public static class EffectRecorder {

        private final jakarta.persistence.EntityManager entityManager;
        private final Json json;

        public EffectRecorder(jakarta.persistence.EntityManager entityManager, Json json) {
            this.entityManager = entityManager;
            this.json = json;
        }

        public EventHandler handlerFor(String consumer) {
            return (EventEnvelope event) -> {
                if (!NOTED.equals(event.type())) {
                    return;
                }
                Noted noted = json.read(event, Noted.class);
                if (noted.key() == null || noted.seq() < 1) {
                    throw new vn.ansinh.platform.events.MalformedEventException("test.noted needs key and seq");
                }
                entityManager.createNativeQuery(
                        "INSERT INTO test_effect (consumer, event_id, note_key, seq) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, consumer).setParameter(2, event.id()).setParameter(3, noted.key())
                        .setParameter(4, noted.seq()).executeUpdate();
            };
        }

        @Transactional
        public long effects(String consumer) {
            return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM test_effect WHERE consumer = ?1")
                    .setParameter(1, consumer).getSingleResult()).longValue();
        }

        @Transactional
        public long processed(String consumer) {
            return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM processed_event WHERE consumer = ?1")
                    .setParameter(1, consumer).getSingleResult()).longValue();
        }
    }
}
