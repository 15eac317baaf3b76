package vn.ansinh.households.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import vn.ansinh.households.domain.ImportError;
import vn.ansinh.households.domain.ImportJob;
import vn.ansinh.households.domain.ImportRows;
import vn.ansinh.households.domain.ImportRows.HouseholdRow;
import vn.ansinh.households.domain.ImportRows.MemberRow;
import vn.ansinh.households.domain.ImportRows.SurveyRow;
import vn.ansinh.households.domain.ImportRows.HouseholdGroup;
import vn.ansinh.households.repository.AreaRepository;
import vn.ansinh.households.repository.HouseholdRepository;
import vn.ansinh.households.repository.ImportJobRepository;
import vn.ansinh.households.repository.MemberRepository;
import vn.ansinh.households.repository.PovertyStandardRepository;
import vn.ansinh.households.repository.ImportStagingRepository;
import vn.ansinh.platform.problem.ProblemException;

/**
 * Imports a survey (households, members, answers as CSV) in the background. Every row is read
 * and checked on its own and against the other rows and the registry; a file with any error
 * applies nothing. Files that list their rows in order of household code (as survey tools export
 * them) are read side by side and checked as they are read, then read again to apply
 * ({@link SortedFiles}, {@link GroupChecks}); other files are staged in the database (COPY) and
 * checked there with set-based queries. Then the rows are applied by household in chunks
 * ({@link ImportApplier}), classification, audit and events included. Rows
 * equal to what the registry holds change nothing, so importing the same files again changes
 * nothing. Memory stays flat whatever the size of the files.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final int STAGING_BATCH = 20_000;

    private final ImportJobRepository jobs;
    private final ImportStagingRepository staging;
    private final ImportApplier applier;
    private final AreaRepository areas;
    private final PovertyStandardRepository standards;
    private final HouseholdRepository households;
    private final MemberRepository members;
    private final ImportConfig config;
    // one import at a time per replica: an import is heavy, and officers queue them
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "survey-import"));
    private final ExecutorService appliers;
    // heartbeats of this instance's jobs, and the look-out for jobs whose instance stopped
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "survey-import-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final Object progress = new Object();

    public ImportService(ImportJobRepository jobs, ImportStagingRepository staging, ImportApplier applier,
            AreaRepository areas, PovertyStandardRepository standards, HouseholdRepository households,
            MemberRepository members, ImportConfig config) {
        this.jobs = jobs;
        this.areas = areas;
        this.standards = standards;
        this.households = households;
        this.members = members;
        this.staging = staging;
        this.applier = applier;
        this.config = config;
        AtomicInteger threads = new AtomicInteger();
        this.appliers = Executors.newFixedThreadPool(config.applyThreads(),
                r -> new Thread(r, "survey-import-apply-" + threads.incrementAndGet()));
    }

    /** The uploaded files, by name ({@code households.csv}, {@code members.csv}, {@code surveys.csv}). */
    public record Upload(Path households, Path members, Path surveys) {

        List<Path> present() {
            List<Path> files = new ArrayList<>();
            for (Path file : new Path[] {households, members, surveys}) {
                if (file != null) {
                    files.add(file);
                }
            }
            return files;
        }
    }

    /**
     * Accepts an upload and starts its job. The request's files are copied first: the HTTP layer
     * deletes its own copies when the request ends, and the job outlives the request.
     */
    public ImportJob start(Upload received, String actor) {
        if (received.present().isEmpty()) {
            throw ProblemException.invalid("households", "send at least one of households, members, surveys");
        }
        Upload upload = new Upload(keep(received.households()), keep(received.members()), keep(received.surveys()));
        List<String> names = new ArrayList<>();
        if (upload.households() != null) {
            names.add(ImportRows.HOUSEHOLDS);
        }
        if (upload.members() != null) {
            names.add(ImportRows.MEMBERS);
        }
        if (upload.surveys() != null) {
            names.add(ImportRows.SURVEYS);
        }
        String files = String.join(", ", names);
        ImportJob job = new ImportJob(UUID.randomUUID(), checksum(upload), files, now(), actor);
        QuarkusTransaction.requiringNew().run(() -> jobs.persist(job));
        worker.submit(() -> run(job.id(), upload, actor));
        return job;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportJob get(UUID id) {
        return jobs.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No import job " + id + "."));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImportJob> latest(int page, int size) {
        return jobs.latest(page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImportError> errors(UUID id, int page, int size) {
        get(id);
        return jobs.errors(id, page, size);
    }

    private void run(UUID jobId, Upload upload, String actor) {
        long period = beatPeriod().toMillis();
        ScheduledFuture<?> heartbeat = watch.scheduleAtFixedRate(() -> beat(jobId), period, period,
                TimeUnit.MILLISECONDS);
        try {
            long started = System.nanoTime();
            Checked checked = checkRows(jobId, upload);
            ImportErrors errors = checked.errors();
            LOG.infof("import %s: %,d rows read and checked (%s) in %d ms, %,d errors", jobId, checked.rows(),
                    checked.staged() ? "staged" : "in file order", (System.nanoTime() - started) / 1_000_000,
                    errors.count());
            update(jobId, job -> job.validated(checked.rows() - errors.failedRows(), checked.rows(), checked.staged()));
            if (errors.any()) {
                QuarkusTransaction.requiringNew().run(() -> {
                    jobs.saveErrors(jobId, errors.report());
                    jobs.findById(jobId).reject(errors.count(), now());
                });
                return;
            }
            update(jobId, ImportJob::startApplying);
            if (checked.staged()) {
                applyChunks(jobId, actor, chunkSink -> staging.readGroups(jobId, config.chunkSize(), chunkSink));
            } else {
                applyChunks(jobId, actor, chunkSink -> readSorted(upload, config.chunkSize(), chunkSink));
            }
            update(jobId, job -> job.complete(now()));
            LOG.infof("import %s: completed in %d ms", jobId, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.errorf(e, "import %s failed", jobId);
            update(jobId, job -> job.fail("stopped by a fault: " + e.getMessage()
                    + "; what was applied stays, importing the same files again completes it", now()));
        } finally {
            heartbeat.cancel(false);
            upload.present().forEach(ImportService::delete);
            QuarkusTransaction.requiringNew().run(() -> staging.delete(jobId));
        }
    }

    /**
     * Applies the rows chunk by chunk, {@code applyThreads} chunks at a time, as {@code chunks}
     * gives them. Chunks hold different households, so they cannot conflict; the first failure
     * stops the job.
     */
    private void applyChunks(UUID jobId, String actor, Consumer<Consumer<List<HouseholdGroup>>> chunks) {
        // chunks in memory at most: one applying on each thread and the next one read; more waiting
        // made every young collection copy them again (a province: 10 s of GC)
        int permits = config.applyThreads() + 1;
        Semaphore inFlight = new Semaphore(permits);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        chunks.accept(chunk -> {
            inFlight.acquireUninterruptibly();
            if (failure.get() != null) {
                inFlight.release();
                throw failure.get();
            }
            appliers.execute(() -> {
                try {
                    ImportApplier.Applied applied = applier.apply(jobId, chunk, actor);
                    synchronized (progress) { // one progress update at a time: no lost increments
                        update(jobId, job -> job.applied(applied.rows(), applied.changes()));
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        });
        inFlight.acquireUninterruptibly(permits);
        inFlight.release(permits);
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** The outcome of reading and checking every row: the errors found, the data rows read, how. */
    private record Checked(ImportErrors errors, int rows, boolean staged) {
    }

    /**
     * Reads and checks every row: side by side and unstaged when each file is in order of
     * household code, else (from the first row out of order on) staged and checked in the database.
     */
    private Checked checkRows(UUID jobId, Upload upload) {
        ImportErrors errors = new ImportErrors();
        try {
            return new Checked(errors, checkSorted(jobId, upload, errors), false);
        } catch (SortedFiles.NotSorted e) {
            LOG.infof("import %s: %s; the rows are staged and checked in the database", jobId, e.getMessage());
            ImportErrors staged = new ImportErrors();
            int rows = stage(jobId, upload, staged);
            check(jobId, staged);
            return new Checked(staged, rows, true);
        }
    }

    /**
     * Reads files that list their rows in order of household code side by side, household by
     * household, making every check as it goes (the rows on their own, then {@link GroupChecks});
     * nothing is written. Returns the number of data rows read; throws
     * {@link SortedFiles.NotSorted} at the first row out of order.
     */
    private int checkSorted(UUID jobId, Upload upload, ImportErrors errors) {
        SurveyFiles files = new SurveyFiles(errors, read -> {
            synchronized (progress) {
                update(jobId, job -> job.read(read));
            }
        });
        GroupChecks checks = QuarkusTransaction.requiringNew().call(() -> new GroupChecks(errors, areas.listAll(),
                standards.allByPeriod(), new GroupChecks.Registry() {
                    @Override
                    public Set<String> registered(Collection<String> codes) {
                        return QuarkusTransaction.requiringNew().call(() -> households.registeredCodes(codes));
                    }

                    @Override
                    public Map<String, String> activeMemberships(Collection<String> citizenIds) {
                        return QuarkusTransaction.requiringNew().call(() -> members.activeMemberships(citizenIds));
                    }
                }));
        try (SortedFiles sorted = new SortedFiles(files, errors, upload.households(), upload.members(),
                upload.surveys(), true)) {
            for (HouseholdGroup group = sorted.next(); group != null; group = sorted.next()) {
                checks.check(group);
            }
        }
        checks.finish();
        return files.rowsRead();
    }

    /** Reads checked files in order of household code again, a chunk of households at a time. */
    private static void readSorted(Upload upload, int size, Consumer<List<HouseholdGroup>> chunkSink) {
        ImportErrors none = new ImportErrors(); // the files were checked: nothing to note
        try (SortedFiles sorted = new SortedFiles(new SurveyFiles(none, read -> {
        }), none, upload.households(), upload.members(), upload.surveys(), false)) {
            List<HouseholdGroup> chunk = new ArrayList<>(size);
            for (HouseholdGroup group = sorted.next(); group != null; group = sorted.next()) {
                chunk.add(group);
                if (chunk.size() == size) {
                    chunkSink.accept(chunk);
                    chunk = new ArrayList<>(size);
                }
            }
            if (!chunk.isEmpty()) {
                chunkSink.accept(chunk);
            }
        }
    }

    /**
     * Reads the files, checking each row on its own, and stages the rows without errors in
     * batches; returns the number of data rows read. The files are read at the same time on the
     * apply threads (idle until the rows are checked), members first: it is the largest file, and
     * one thread read the three in turn while a core stood idle (a province: 12 s).
     */
    private int stage(UUID jobId, Upload upload, ImportErrors errors) {
        SurveyFiles files = new SurveyFiles(errors, read -> {
            synchronized (progress) {
                update(jobId, job -> job.read(read));
            }
        });
        Map<String, Path> present = new LinkedHashMap<>();
        present.put(SurveyFiles.MEMBERS, upload.members());
        present.put(SurveyFiles.HOUSEHOLDS, upload.households());
        present.put(SurveyFiles.SURVEYS, upload.surveys());
        List<Future<?>> reading = new ArrayList<>();
        present.forEach((file, path) -> {
            if (path != null) {
                reading.add(appliers.submit(() -> stageFile(jobId, files, file, path)));
            }
        });
        awaitAll(reading);
        return files.rowsRead();
    }

    /**
     * Checks the staged rows against each other and the registry. The checks only read, each on
     * a connection of its own on the apply threads: one after the other they kept one core busy
     * and the other idle (a province: 5 s).
     */
    private void check(UUID jobId, ImportErrors errors) {
        QuarkusTransaction.requiringNew().run(staging::analyze);
        List<Future<?>> checking = new ArrayList<>();
        for (int i = 0; i < staging.checks(); i++) {
            int check = i;
            checking.add(appliers.submit(
                    () -> QuarkusTransaction.requiringNew().run(() -> staging.check(jobId, check, errors::add))));
        }
        awaitAll(checking);
    }

    /** Waits for work given to the apply threads; the first failure is the job's. */
    private static void awaitAll(List<Future<?>> work) {
        for (Future<?> part : work) {
            try {
                part.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure
                        : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the import's threads", e);
            }
        }
    }

    /** Reads one file and stages its rows without errors, a batch per transaction. */
    private void stageFile(UUID jobId, SurveyFiles files, String file, Path path) {
        ImportStagingRepository.Batch[] batch = {new ImportStagingRepository.Batch(jobId)};
        Runnable send = () -> {
            ImportStagingRepository.Batch full = batch[0];
            QuarkusTransaction.requiringNew().run(() -> staging.send(full));
            batch[0] = new ImportStagingRepository.Batch(jobId);
        };
        files.read(file, path, new SurveyFiles.RowSink() {
            @Override
            public void household(HouseholdRow row) {
                batch[0].add(row);
                sendWhenFull();
            }

            @Override
            public void member(MemberRow row) {
                batch[0].add(row);
                sendWhenFull();
            }

            @Override
            public void survey(SurveyRow row) {
                batch[0].add(row);
                sendWhenFull();
            }

            private void sendWhenFull() {
                if (batch[0].size() == STAGING_BATCH) {
                    send.run();
                }
            }
        });
        send.run();
    }

    /**
     * A job whose heartbeat stopped was running in a service instance that stopped (its worker
     * thread is gone with it): it is marked failed, so officers know to import the files again —
     * what was applied stays and is recognised as unchanged. Checked at start and then every
     * quarter of {@code ansinh.imports.stalled-after}, so a restart that comes back quickly still
     * finds the job once its old heartbeat is stale.
     */
    void watchStalledJobs(@Observes StartupEvent started) {
        watch.scheduleWithFixedDelay(this::failStalledJobs, 0, beatPeriod().toMillis(), TimeUnit.MILLISECONDS);
    }

    void failStalledJobs() {
        try {
            Instant before = now().minus(config.stalledAfter());
            QuarkusTransaction.requiringNew().run(() -> jobs.running().stream().filter(job -> job.stalledSince(before))
                    .forEach(job -> {
                        LOG.warnf("import %s: no heartbeat since %s, marked failed", job.id(), before);
                        job.fail("interrupted: the service stopped while the job was running; what was "
                                + "applied stays, importing the same files again completes it", now());
                    }));
        } catch (RuntimeException e) {
            LOG.warnf("looking for stalled imports failed (%s); trying again", e.toString());
        }
    }

    private void beat(UUID jobId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> jobs.beat(jobId, now()));
        } catch (RuntimeException e) {
            LOG.warnf("import %s: heartbeat failed (%s)", jobId, e.toString());
        }
    }

    private Duration beatPeriod() {
        return config.stalledAfter().dividedBy(4);
    }

    private void update(UUID jobId, Consumer<ImportJob> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(jobs.findById(jobId)));
    }

    private static String checksum(Upload upload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : upload.present()) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path keep(Path file) {
        if (file == null) {
            return null;
        }
        try {
            Path directory = Files.createDirectories(Path.of(config.directory()));
            return Files.copy(file, directory.resolve(UUID.randomUUID() + ".csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not store an uploaded file", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete import file %s: %s", file, e.getMessage());
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        appliers.shutdownNow();
    }
}
