package vn.ansinh.benefits.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** This service's copy of a registry household, as far as eligibility and reports need it. */
@Entity
public class Household {

    @Id
    private UUID id;
    private String code;
    private String areaCode;
    private String districtCode;
    private boolean urban;
    private boolean ethnicMinority;
    private boolean meritFamily;
    private Instant registeredAt;
    private Instant updatedAt;

    protected Household() {
        // for Hibernate
    }

    public Household(UUID id, Instant registeredAt) {
        this.id = id;
        this.registeredAt = registeredAt;
    }

    /** The household's place and flags as the registry announced them. */
    public void describe(String code, String areaCode, String districtCode, boolean urban, boolean ethnicMinority,
            boolean meritFamily, Instant at) {
        this.code = code;
        this.areaCode = areaCode;
        this.districtCode = districtCode;
        this.urban = urban;
        this.ethnicMinority = ethnicMinority;
        this.meritFamily = meritFamily;
        this.updatedAt = at;
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

    public String districtCode() {
        return districtCode;
    }

    public boolean urban() {
        return urban;
    }

    public boolean ethnicMinority() {
        return ethnicMinority;
    }

    public boolean meritFamily() {
        return meritFamily;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
