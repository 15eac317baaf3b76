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

    /** How often it is paid, with the form of its periods (null for one-off support, paid by application). */
    public enum Period {
        YEAR("\\d{4}", "2024"), QUARTER("\\d{4}-Q[1-4]", "2024-Q1"), MONTH("\\d{4}-(0[1-9]|1[0-2])", "2024-07"),
        ONE_OFF(null, null);

        private final String pattern;
        private final String example;

        Period(String pattern, String example) {
            this.pattern = pattern;
            this.example = example;
        }

        /** Whether a period is written the way this programme's periods are. */
        public boolean matches(String period) {
            return pattern != null && period != null && period.matches(pattern);
        }

        public String example() {
            return example;
        }
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
