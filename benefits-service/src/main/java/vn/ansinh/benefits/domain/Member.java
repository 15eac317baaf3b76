package vn.ansinh.benefits.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A registry member, as far as eligibility needs it (pupils, people to insure). */
@Entity
public class Member {

    @Id
    private UUID id;
    private UUID householdId;
    private String fullName;
    private String citizenId;
    private LocalDate dateOfBirth;
    private String sex;
    private String relationToHead;
    private boolean disability;
    private boolean schoolEnrolled;
    private String socialProtectionType;
    private boolean active;
    private LocalDate leftOn;
    private Instant updatedAt;

    protected Member() {
        // for Hibernate
    }

    public Member(UUID id, UUID householdId) {
        this.id = id;
        this.householdId = householdId;
        this.active = true;
    }

    public void describe(String fullName, String citizenId, LocalDate dateOfBirth, String sex, String relationToHead,
            boolean disability, boolean schoolEnrolled, String socialProtectionType, Instant at) {
        this.fullName = fullName;
        this.citizenId = citizenId;
        this.dateOfBirth = dateOfBirth;
        this.sex = sex;
        this.relationToHead = relationToHead;
        this.disability = disability;
        this.schoolEnrolled = schoolEnrolled;
        this.socialProtectionType = socialProtectionType;
        this.updatedAt = at;
    }

    public void left(LocalDate on, Instant at) {
        this.active = false;
        this.leftOn = on;
        this.updatedAt = at;
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

    public boolean schoolEnrolled() {
        return schoolEnrolled;
    }

    public boolean active() {
        return active;
    }

    public LocalDate leftOn() {
        return leftOn;
    }

    public String sex() {
        return sex;
    }

    public String relationToHead() {
        return relationToHead;
    }

    public boolean disability() {
        return disability;
    }

    public String socialProtectionType() {
        return socialProtectionType;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
