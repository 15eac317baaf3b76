package vn.ansinh.benefits.domain;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/** An amount set by decree, in force from a date until the next value of the same name. */
@Entity
public class Parameter {

    @Embeddable
    public record Key(String name, LocalDate validFrom) {
    }

    @EmbeddedId
    private Key key;
    private long value;
    private String unit;
    private String legalBasis;

    protected Parameter() {
        // for Hibernate
    }

    public Parameter(String name, LocalDate validFrom, long value, String unit, String legalBasis) {
        this.key = new Key(name, validFrom);
        this.value = value;
        this.unit = unit;
        this.legalBasis = legalBasis;
    }

    public String name() {
        return key.name();
    }

    public LocalDate validFrom() {
        return key.validFrom();
    }

    public long value() {
        return value;
    }

    public String unit() {
        return unit;
    }

    public String legalBasis() {
        return legalBasis;
    }
}
