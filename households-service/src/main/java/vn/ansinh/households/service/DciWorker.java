package vn.ansinh.households.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import vn.ansinh.households.repository.DciRepository;

/**
 * The DCI API's background work on a thread of its own: answers asynchronous searches and
 * delivers queued callbacks (on-search, on-subscribe, on-unsubscribe, txn/on-status, notify)
 * with retries. Rows are taken with SKIP LOCKED, so replicas share the work without sending a
 * callback twice; a callback is given up after {@code ansinh.dci.max-attempts}.
 */
@ApplicationScoped
public class DciWorker {

    private static final Logger LOG = Logger.getLogger(DciWorker.class);
    private static final int BATCH = 10;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final DciService service;
    private final DciRepository repository;
    private final DciConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private volatile boolean running;
    private Thread thread;

    public DciWorker(DciService service, DciRepository repository, DciConfig config) {
        this.service = service;
        this.repository = repository;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "dci-worker");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    private void run() {
        while (running) {
            // answering and delivering fail apart: a database hiccup in one does not stop the other
            int done = step(() -> service.answerPending(BATCH)) + step(this::deliverDue);
            if (done == 0 && !pause(config.workerInterval())) {
                return;
            }
        }
    }

    /** Posts the due callbacks; returns how many were attempted. */
    @Transactional
    int deliverDue() {
        List<DciRepository.Callback> due = repository.lockDueCallbacks(BATCH, Instant.now());
        for (DciRepository.Callback callback : due) {
            String error = post(callback);
            Instant now = Instant.now();
            if (error == null) {
                repository.delivered(callback.id(), now);
            } else {
                int attempts = callback.attempts() + 1;
                Instant next = attempts >= config.maxAttempts() ? null
                        : now.plus(min(Duration.ofSeconds(1L << Math.min(attempts - 1, 20)), MAX_BACKOFF));
                repository.failed(callback.id(), error, next, now);
                if (next == null) {
                    LOG.warnf("DCI callback %d to %s given up after %d attempts: %s", callback.id(), callback.url(),
                            attempts, error);
                }
            }
        }
        return due.size();
    }

    /** null when the receiver took it (2xx), else why not. */
    private String post(DciRepository.Callback callback) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(callback.url()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(callback.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private int step(java.util.function.IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (RuntimeException e) {
            if (running) {
                LOG.warnf("DCI worker: %s; trying again", e.toString());
                pause(Duration.ofSeconds(1));
            }
            return 0;
        }
    }

    /** false when interrupted (stopping). */
    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
