package vn.ansinh.households.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A member of a household (nhân khẩu). A member who left stays on record, inactive. */
@Entity
public class Member {

    public enum Sex {
        MALE, FEMALE
    }

    public enum Relation {
        HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, GRANDPARENT, SIBLING, OTHER
    }

    public enum LeftReason {
        MOVED_OUT, DECEASED
    }

    @Id
    private UUID id;
    private UUID householdId;
    private String fullName;
    private String citizenId;
    private LocalDate dateOfBirth;
    @Enumerated(EnumType.STRING)
    private Sex sex;
    @Enumerated(EnumType.STRING)
    private Relation relationToHead;
    private String ethnicity;
    private boolean disability;
    private boolean schoolEnrolled;
    private String socialProtectionType;
    private boolean active;
    private LocalDate leftOn;
    @Enumerated(EnumType.STRING)
    private LeftReason leftReason;
    private Instant createdAt;
    private String createdBy;
    private Instant updatedAt;
    private String updatedBy;
    @Version
    private long version;

    protected Member() {
        // for Hibernate
    }

    /** The personal details of a member as recorded by an officer. */
    public record Details(String fullName, String citizenId, LocalDate dateOfBirth, Sex sex, Relation relationToHead,
            String ethnicity, boolean disability, boolean schoolEnrolled, String socialProtectionType) {
    }

    /**
     * A member written with its household by an import (COPY, not through Hibernate): an entity
     * made only to be copied recorded each of its fields as changed, about 600 MB of a province
     * import's 11 GB of allocation for nothing.
     */
    public record New(UUID id, UUID householdId, Details details) {
    }

    public Member(UUID id, UUID householdId, Details details, Instant createdAt, String createdBy) {
        this.id = id;
        this.householdId = householdId;
        this.active = true;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        apply(details);
    }

    public Details details() {
        return new Details(fullName, citizenId, dateOfBirth, sex, relationToHead, ethnicity, disability,
                schoolEnrolled, socialProtectionType);
    }

    /** @return false when nothing changed */
    public boolean update(Details details, Instant at, String actor) {
        if (details.equals(details())) {
            return false;
        }
        apply(details);
        this.updatedAt = at;
        this.updatedBy = actor;
        return true;
    }

    public void leave(LocalDate on, LeftReason reason, Instant at, String actor) {
        this.active = false;
        this.leftOn = on;
        this.leftReason = reason;
        this.updatedAt = at;
        this.updatedBy = actor;
    }

    private void apply(Details details) {
        this.fullName = details.fullName();
        this.citizenId = details.citizenId();
        this.dateOfBirth = details.dateOfBirth();
        this.sex = details.sex();
        this.relationToHead = details.relationToHead();
        this.ethnicity = details.ethnicity();
        this.disability = details.disability();
        this.schoolEnrolled = details.schoolEnrolled();
        this.socialProtectionType = details.socialProtectionType();
    }

    public UUID id() {
        return id;
    }

    public UUID householdId() {
        return householdId;
    }

    public String fullName() {
        return fullName;
    }

    public String citizenId() {
        return citizenId;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public Sex sex() {
        return sex;
    }

    public Relation relationToHead() {
        return relationToHead;
    }

    public String ethnicity() {
        return ethnicity;
    }

    public boolean disability() {
        return disability;
    }

    public boolean schoolEnrolled() {
        return schoolEnrolled;
    }

    public String socialProtectionType() {
        return socialProtectionType;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public boolean active() {
        return active;
    }

    public LocalDate leftOn() {
        return leftOn;
    }

    public LeftReason leftReason() {
        return leftReason;
    }
}
