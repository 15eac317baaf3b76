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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.ansinh.households.domain.Area;
import vn.ansinh.households.domain.CitizenId;
import vn.ansinh.households.domain.Household;
import vn.ansinh.households.domain.ImportError;
import vn.ansinh.households.domain.ImportJob;
import vn.ansinh.households.domain.Member;
import vn.ansinh.households.domain.PovertyStandard;
import vn.ansinh.households.domain.Survey;
import vn.ansinh.households.repository.AreaRepository;
import vn.ansinh.households.repository.HouseholdRepository;
import vn.ansinh.households.repository.ImportJobRepository;
import vn.ansinh.households.repository.MemberRepository;
import vn.ansinh.households.repository.PovertyStandardRepository;
import vn.ansinh.households.service.SurveyFiles.HouseholdRow;
import vn.ansinh.households.service.SurveyFiles.MemberRow;
import vn.ansinh.households.service.SurveyFiles.Rows;
import vn.ansinh.households.service.SurveyFiles.SurveyRow;
import vn.ansinh.platform.problem.ProblemException;

/**
 * Imports a survey (households, members, answers as CSV) in the background: every row is read
 * and checked first, and a file with any error applies nothing; then the rows are applied in
 * chunks through the same rules, audit and events as single changes. Rows equal to what the
 * registry holds change nothing, so importing the same files again changes nothing.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final int CHUNK = 500;
    private static final int QUERY_CHUNK = 1_000;
    private static final int ERRORS_KEPT = 1_000;

    private final ImportJobRepository jobs;
    private final HouseholdRepository households;
    private final MemberRepository members;
    private final AreaRepository areas;
    private final PovertyStandardRepository standards;
    private final HouseholdService registry;
    private final ImportConfig config;
    // one import at a time per replica: an import is heavy, and officers queue them
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "survey-import"));

    public ImportService(ImportJobRepository jobs, HouseholdRepository households, MemberRepository members,
            AreaRepository areas, PovertyStandardRepository standards, HouseholdService registry, ImportConfig config) {
        this.config = config;
        this.jobs = jobs;
        this.households = households;
        this.members = members;
        this.areas = areas;
        this.standards = standards;
        this.registry = registry;
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
        String files = String.join(", ", (upload.households() != null ? SurveyFiles.HOUSEHOLDS : ""),
                (upload.members() != null ? SurveyFiles.MEMBERS : ""), (upload.surveys() != null ? SurveyFiles.SURVEYS : ""))
                .replaceAll("(, )+", ", ").replaceAll("^, |, $", "");
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
        try {
            List<ImportError> errors = new ArrayList<>();
            SurveyFiles files = new SurveyFiles(errors, read -> update(jobId, job -> job.read(read)));
            Rows rows = files.read(upload.households(), upload.members(), upload.surveys());
            check(rows, errors);
            int total = files.rowsRead();
            update(jobId, job -> job.validated(total - rowsWithErrors(errors), total));
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparing(ImportError::file).thenComparingInt(ImportError::line));
                QuarkusTransaction.requiringNew().run(() -> {
                    jobs.saveErrors(jobId, errors.subList(0, Math.min(ERRORS_KEPT, errors.size())));
                    jobs.findById(jobId).reject(errors.size(), now());
                });
                return;
            }
            update(jobId, ImportJob::startApplying);
            apply(jobId, rows, actor);
            update(jobId, job -> job.complete(now()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "import %s failed", jobId);
            update(jobId, job -> job.fail("stopped by a fault: " + e.getMessage()
                    + "; what was applied stays, importing the same files again completes it", now()));
        } finally {
            upload.present().forEach(ImportService::delete);
        }
    }

    private static int rowsWithErrors(List<ImportError> errors) {
        return (int) errors.stream().filter(e -> e.line() > 1).map(e -> e.file() + ':' + e.line()).distinct().count();
    }

    /** The checks that need the registry: areas, standards, codes, citizen IDs, repeats. */
    private void check(Rows rows, List<ImportError> errors) {
        Map<String, Area> areaByCode = new HashMap<>();
        QuarkusTransaction.requiringNew().call(areas::listAll).forEach(a -> areaByCode.put(a.code(), a));
        List<PovertyStandard> allStandards = QuarkusTransaction.requiringNew().call(standards::allByPeriod);

        Map<String, Integer> householdLine = new HashMap<>();
        for (HouseholdRow row : rows.households()) {
            Integer first = householdLine.putIfAbsent(row.code(), row.line());
            if (first != null) {
                errors.add(new ImportError(SurveyFiles.HOUSEHOLDS, row.line(), "household_code",
                        "repeats household " + row.code() + " of line " + first));
            }
            Area area = areaByCode.get(row.details().areaCode());
            if (area == null || area.level() != Area.Level.COMMUNE || area.validTo() != null) {
                errors.add(new ImportError(SurveyFiles.HOUSEHOLDS, row.line(), "area_code",
                        area == null ? "no administrative unit has code " + row.details().areaCode()
                                : row.details().areaCode() + " is not a commune in force"));
            }
        }
        Set<String> referenced = new LinkedHashSet<>();
        rows.members().forEach(m -> referenced.add(m.householdCode()));
        rows.surveys().forEach(s -> referenced.add(s.householdCode()));
        referenced.removeAll(householdLine.keySet());
        Set<String> registered = inChunks(referenced, households::existingCodes, new HashSet<>(), Set::addAll);

        Map<String, Integer> citizenLine = new HashMap<>();
        for (MemberRow row : rows.members()) {
            knownHousehold(SurveyFiles.MEMBERS, row.line(), row.householdCode(), householdLine, registered, errors);
            String id = row.details().citizenId();
            if (id == null) {
                continue;
            }
            String problem = CitizenId.problem(id, row.details().dateOfBirth(), row.details().sex());
            if (problem != null) {
                errors.add(new ImportError(SurveyFiles.MEMBERS, row.line(), "citizen_id", problem));
            }
            Integer first = citizenLine.putIfAbsent(id, row.line());
            if (first != null) {
                errors.add(new ImportError(SurveyFiles.MEMBERS, row.line(), "citizen_id",
                        "repeats the citizen ID of line " + first));
            }
        }
        Map<String, String> activeIn = inChunks(citizenLine.keySet(), members::activeHouseholdCodes, new HashMap<>(),
                Map::putAll);
        for (MemberRow row : rows.members()) {
            String elsewhere = row.details().citizenId() == null ? null : activeIn.get(row.details().citizenId());
            if (elsewhere != null && !elsewhere.equals(row.householdCode())) {
                errors.add(new ImportError(SurveyFiles.MEMBERS, row.line(), "citizen_id", "citizen ID "
                        + row.details().citizenId() + " is already an active member of household " + elsewhere));
            }
        }

        Map<String, Integer> surveyLine = new HashMap<>();
        for (SurveyRow row : rows.surveys()) {
            knownHousehold(SurveyFiles.SURVEYS, row.line(), row.householdCode(), householdLine, registered, errors);
            Integer first = surveyLine.putIfAbsent(row.householdCode() + '/' + row.year(), row.line());
            if (first != null) {
                errors.add(new ImportError(SurveyFiles.SURVEYS, row.line(), "year",
                        "repeats the " + row.year() + " survey of household " + row.householdCode() + " (line " + first + ")"));
            }
            PovertyStandard standard = allStandards.stream().filter(s -> s.covers(row.year())).findFirst().orElse(null);
            if (standard == null) {
                errors.add(new ImportError(SurveyFiles.SURVEYS, row.line(), "year",
                        "no poverty standard covers survey year " + row.year()));
            } else {
                List<String> unknown = standard.unknownIndicators(row.answers().deprivations());
                if (!unknown.isEmpty()) {
                    errors.add(new ImportError(SurveyFiles.SURVEYS, row.line(), "deprivations", "not indicators of "
                            + standard.id() + ": " + String.join(", ", unknown)));
                }
            }
        }
    }

    private static void knownHousehold(String file, int line, String code, Map<String, Integer> inFile,
            Set<String> registered, List<ImportError> errors) {
        if (!inFile.containsKey(code) && !registered.contains(code)) {
            errors.add(new ImportError(file, line, "household_code",
                    "household " + code + " is neither in households.csv nor in the registry"));
        }
    }

    private static <R> R inChunks(Collection<String> keys, Function<List<String>, R> query, R result,
            BiConsumer<R, R> merge) {
        List<String> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += QUERY_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + QUERY_CHUNK));
            merge.accept(result, QuarkusTransaction.requiringNew().call(() -> query.apply(chunk)));
        }
        return result;
    }

    private void apply(UUID jobId, Rows rows, String actor) {
        Map<String, HouseholdRow> householdRows = new LinkedHashMap<>();
        rows.households().forEach(r -> householdRows.put(r.code(), r));
        Map<String, List<MemberRow>> memberRows = new HashMap<>();
        rows.members().forEach(r -> memberRows.computeIfAbsent(r.householdCode(), k -> new ArrayList<>()).add(r));
        Map<String, List<SurveyRow>> surveyRows = new HashMap<>();
        rows.surveys().forEach(r -> surveyRows.computeIfAbsent(r.householdCode(), k -> new ArrayList<>()).add(r));
        surveyRows.values().forEach(list -> list.sort(Comparator.comparingInt(SurveyRow::year)));

        List<String> codes = new ArrayList<>(householdRows.keySet());
        Set<String> seen = new HashSet<>(codes);
        rows.members().forEach(r -> {
            if (seen.add(r.householdCode())) {
                codes.add(r.householdCode());
            }
        });
        rows.surveys().forEach(r -> {
            if (seen.add(r.householdCode())) {
                codes.add(r.householdCode());
            }
        });
        for (int i = 0; i < codes.size(); i += CHUNK) {
            List<String> chunk = codes.subList(i, Math.min(codes.size(), i + CHUNK));
            int[] applied = {0};
            ImportJob.Changes changes = QuarkusTransaction.requiringNew().call(() -> {
                Counter counter = new Counter();
                for (String code : chunk) {
                    applied[0] += applyHousehold(code, householdRows.get(code), memberRows.getOrDefault(code, List.of()),
                            surveyRows.getOrDefault(code, List.of()), actor, counter);
                }
                return counter.changes();
            });
            update(jobId, job -> job.applied(applied[0], changes));
        }
    }

    private static final class Counter {
        int householdsCreated;
        int householdsUpdated;
        int membersAdded;
        int membersUpdated;
        int surveysRecorded;

        ImportJob.Changes changes() {
            return new ImportJob.Changes(householdsCreated, householdsUpdated, membersAdded, membersUpdated,
                    surveysRecorded);
        }
    }

    /** @return the rows applied (changed or found equal) */
    private int applyHousehold(String code, HouseholdRow row, List<MemberRow> memberRows, List<SurveyRow> surveyRows,
            String actor, Counter counter) {
        Household household = households.findByCode(code).orElse(null);
        if (household == null) {
            household = registry.register(new HouseholdService.Registration(code, row.details(), List.of()), actor);
            counter.householdsCreated++;
        } else if (row != null && !household.details().equals(row.details())) {
            registry.update(household.id(), row.details(), actor);
            counter.householdsUpdated++;
        }
        List<Member> current = new ArrayList<>(members.ofHousehold(household.id()).stream().filter(Member::active)
                .toList());
        for (MemberRow memberRow : memberRows) {
            Member match = current.stream().filter(m -> samePerson(m.details(), memberRow.details())).findFirst()
                    .orElse(null);
            if (match == null) {
                current.add(registry.addMember(household.id(), memberRow.details(), actor));
                counter.membersAdded++;
            } else if (!match.details().equals(memberRow.details())) {
                registry.updateMember(household.id(), match.id(), memberRow.details(), actor);
                counter.membersUpdated++;
            }
        }
        Map<Integer, Survey.Answers> recorded = new HashMap<>();
        registry.history(household.id()).forEach(s -> recorded.put(s.year(), s.answers()));
        for (SurveyRow surveyRow : surveyRows) {
            if (!surveyRow.answers().equals(recorded.get(surveyRow.year()))) {
                registry.recordSurvey(household.id(), surveyRow.year(), surveyRow.answers(), actor);
                counter.surveysRecorded++;
            }
        }
        return (row == null ? 0 : 1) + memberRows.size() + surveyRows.size();
    }

    /** The same person: the same citizen ID, or, without one, the same name and date of birth. */
    private static boolean samePerson(Member.Details a, Member.Details b) {
        if (a.citizenId() != null || b.citizenId() != null) {
            return a.citizenId() != null && a.citizenId().equals(b.citizenId());
        }
        return a.fullName().equalsIgnoreCase(b.fullName()) && a.dateOfBirth().equals(b.dateOfBirth());
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
    }
}
