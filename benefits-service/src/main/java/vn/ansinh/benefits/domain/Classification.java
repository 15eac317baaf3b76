package vn.ansinh.benefits.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/** A household's classification in one survey year, as the registry announced it. */
@Entity
public class Classification {

    @Embeddable
    public record Key(UUID householdId, int year) {
    }

    @EmbeddedId
    private Key key;
    private String category;
    private String previousCategory;
    private Integer newlyEscapedSince;
    private int deprivationCount;
    private String areaCode;
    private String districtCode;
    private Instant classifiedAt;

    protected Classification() {
        // for Hibernate
    }

    public Classification(UUID householdId, int year) {
        this.key = new Key(householdId, year);
    }

    public void classify(String category, String previousCategory, Integer newlyEscapedSince, int deprivationCount,
            String areaCode, String districtCode, Instant at) {
        this.category = category;
        this.previousCategory = previousCategory;
        this.newlyEscapedSince = newlyEscapedSince;
        this.deprivationCount = deprivationCount;
        this.areaCode = areaCode;
        this.districtCode = districtCode;
        this.classifiedAt = at;
    }

    /** The standing that support depends on, or null when the household qualifies for none. */
    public Standing standing() {
        return Standing.of(category, newlyEscapedSince);
    }

    public java.util.UUID householdId() {
        return key.householdId();
    }

    public int year() {
        return key.year();
    }

    public String category() {
        return category;
    }

    public Integer newlyEscapedSince() {
        return newlyEscapedSince;
    }

    public String previousCategory() {
        return previousCategory;
    }

    public int deprivationCount() {
        return deprivationCount;
    }

    public String areaCode() {
        return areaCode;
    }

    public String districtCode() {
        return districtCode;
    }

    public Instant classifiedAt() {
        return classifiedAt;
    }
}
