package vn.ansinh.benefits.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** This service's copy of a registry household, as far as eligibility needs it. */
@Entity
public class Household {

    @Id
    private UUID id;
    private String code;
    private String areaCode;
    private Instant registeredAt;
    private Instant updatedAt;

    protected Household() {
        // for Hibernate
    }

    public Household(UUID id, String code, String areaCode, Instant registeredAt, Instant updatedAt) {
        this.id = id;
        this.code = code;
        this.areaCode = areaCode;
        this.registeredAt = registeredAt;
        this.updatedAt = updatedAt;
    }

    public void registered(String code, String areaCode, Instant registeredAt, Instant updatedAt) {
        this.code = code;
        this.areaCode = areaCode;
        this.registeredAt = registeredAt;
        this.updatedAt = updatedAt;
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

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
