package vn.ansinh.households.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A bulk import of survey files, run in the background, with its progress and outcome. */
@Entity
public class ImportJob {

    public enum Status {
        /** reading and checking every row; nothing is written yet */
        VALIDATING,
        /** some rows are wrong: nothing was applied, the errors say what */
        REJECTED,
        APPLYING,
        COMPLETED,
        /** stopped by a fault while applying; chunks applied so far stay, a re-import completes it */
        FAILED
    }

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String checksum;
    private String files;
    private int rowsTotal;
    private int rowsRead;
    private int rowsValidated;
    private int rowsApplied;
    private int errorCount;
    private int householdsCreated;
    private int householdsUpdated;
    private int membersAdded;
    private int membersUpdated;
    private int surveysRecorded;
    private String message;
    // the rows were staged in the database to be checked (files not in order of household code),
    // or checked as they were read; null until the rows are checked
    private Boolean staged;
    private Instant createdAt;
    private String createdBy;
    private Instant finishedAt;
    // when a running job last showed progress (a job whose service died is found by an old one)
    private Instant heartbeatAt;

    protected ImportJob() {
        // for Hibernate
    }

    public ImportJob(UUID id, String checksum, String files, Instant createdAt, String createdBy) {
        this.id = id;
        this.status = Status.VALIDATING;
        this.checksum = checksum;
        this.files = files;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** What applying a chunk changed. */
    public record Changes(int householdsCreated, int householdsUpdated, int membersAdded, int membersUpdated,
            int surveysRecorded) {
    }

    public void read(int rows) {
        this.heartbeatAt = Instant.now();
        this.rowsRead = Math.max(rowsRead, rows); // files are read at once: a late count never goes back
        this.rowsTotal = Math.max(rowsTotal, rows);
    }

    public void validated(int rows, int total, boolean staged) {
        this.heartbeatAt = Instant.now();
        this.staged = staged;
        this.rowsValidated = rows;
        this.rowsTotal = total;
    }

    public void reject(int errors, Instant at) {
        this.status = Status.REJECTED;
        this.errorCount = errors;
        this.message = errors + " row error(s): nothing was applied";
        this.finishedAt = at;
    }

    public void startApplying() {
        this.heartbeatAt = Instant.now();
        this.status = Status.APPLYING;
    }

    public void applied(int rows, Changes changes) {
        this.heartbeatAt = Instant.now();
        this.rowsApplied += rows;
        this.householdsCreated += changes.householdsCreated();
        this.householdsUpdated += changes.householdsUpdated();
        this.membersAdded += changes.membersAdded();
        this.membersUpdated += changes.membersUpdated();
        this.surveysRecorded += changes.surveysRecorded();
    }

    /** Whether the job is still validating or applying yet has shown no progress since {@code before}. */
    public boolean stalledSince(Instant before) {
        boolean running = status == Status.VALIDATING || status == Status.APPLYING;
        return running && (heartbeatAt == null ? createdAt : heartbeatAt).isBefore(before);
    }

    public void complete(Instant at) {
        this.status = Status.COMPLETED;
        this.finishedAt = at;
    }

    public void fail(String message, Instant at) {
        this.status = Status.FAILED;
        this.message = message;
        this.finishedAt = at;
    }

    public UUID id() {
        return id;
    }

    public Status status() {
        return status;
    }

    public String checksum() {
        return checksum;
    }

    public String files() {
        return files;
    }

    public int rowsTotal() {
        return rowsTotal;
    }

    public int rowsRead() {
        return rowsRead;
    }

    public int rowsValidated() {
        return rowsValidated;
    }

    public int rowsApplied() {
        return rowsApplied;
    }

    public int errorCount() {
        return errorCount;
    }

    public Changes changes() {
        return new Changes(householdsCreated, householdsUpdated, membersAdded, membersUpdated, surveysRecorded);
    }

    public String message() {
        return message;
    }

    public Boolean staged() {
        return staged;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
