package vn.ansinh.benefits.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A support programme of the catalogue. */
@Entity
public class Programme {

    public enum Beneficiary {
        PERSON, PUPIL, HOUSEHOLD
    }

    public enum Period {
        YEAR, QUARTER, MONTH, ONE_OFF
    }

    @Id
    private String code;
    private String nameVi;
    private String nameEn;
    @Enumerated(EnumType.STRING)
    private Beneficiary beneficiary;
    @Enumerated(EnumType.STRING)
    private Period period;
    private boolean automatic;
    private String legalBasis;

    protected Programme() {
        // for Hibernate
    }

    public String code() {
        return code;
    }

    public String nameVi() {
        return nameVi;
    }

    public String nameEn() {
        return nameEn;
    }

    public Beneficiary beneficiary() {
        return beneficiary;
    }

    public Period period() {
        return period;
    }

    /** Granted on classification, without an application. */
    public boolean automatic() {
        return automatic;
    }

    public String legalBasis() {
        return legalBasis;
    }
}
