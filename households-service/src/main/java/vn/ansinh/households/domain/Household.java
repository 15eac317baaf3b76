package vn.ansinh.households.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A household in the registry (hộ), identified by its registry code. */
@Entity
public class Household {

    @Id
    private UUID id;
    private String code;
    private String areaCode;
    private String address;
    private String headName;
    private Instant createdAt;
    private String createdBy;
    @Version
    private long version;

    protected Household() {
        // for Hibernate
    }

    public Household(UUID id, String code, String areaCode, String address, String headName, Instant createdAt,
            String createdBy) {
        this.id = id;
        this.code = code;
        this.areaCode = areaCode;
        this.address = address;
        this.headName = headName;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
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

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
