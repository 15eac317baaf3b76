package vn.ansinh.households.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A household in the registry (hộ), identified by its registry code and placed in a commune. */
@Entity
public class Household {

    @Id
    private UUID id;
    private String code;
    private String areaCode;
    private String address;
    private String headName;
    private boolean ethnicMinority;
    private boolean meritFamily;
    private Instant createdAt;
    private String createdBy;
    private Instant updatedAt;
    private String updatedBy;
    @Version
    private long version;

    protected Household() {
        // for Hibernate
    }

    public Household(UUID id, String code, Details details, Instant createdAt, String createdBy) {
        this.id = id;
        this.code = code;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        apply(details);
    }

    /** What an officer may change of a household (its code and id stay). */
    public record Details(String areaCode, String address, String headName, boolean ethnicMinority,
            boolean meritFamily) {
    }

    public Details details() {
        return new Details(areaCode, address, headName, ethnicMinority, meritFamily);
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

    private void apply(Details details) {
        this.areaCode = details.areaCode();
        this.address = details.address();
        this.headName = details.headName();
        this.ethnicMinority = details.ethnicMinority();
        this.meritFamily = details.meritFamily();
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String areaCode() {
        return areaCode;
    }

    public String address() {
        return address;
    }

    public String headName() {
        return headName;
    }

    public boolean ethnicMinority() {
        return ethnicMinority;
    }

    public boolean meritFamily() {
        return meritFamily;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
