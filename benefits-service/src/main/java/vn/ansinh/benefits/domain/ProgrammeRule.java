package vn.ansinh.benefits.domain;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Whether a standing qualifies for a programme, and the shares state and province pay, from a date. */
@Entity
public class ProgrammeRule {

    @Embeddable
    public record Key(String programmeCode, @Enumerated(EnumType.STRING) Standing standing, LocalDate validFrom) {
    }

    @EmbeddedId
    private Key key;
    private boolean eligible;
    private int stateSharePct;
    private int provinceSharePct;

    protected ProgrammeRule() {
        // for Hibernate
    }

    public ProgrammeRule(String programmeCode, Standing standing, LocalDate validFrom, boolean eligible,
            int stateSharePct, int provinceSharePct) {
        this.key = new Key(programmeCode, standing, validFrom);
        this.eligible = eligible;
        this.stateSharePct = stateSharePct;
        this.provinceSharePct = provinceSharePct;
    }

    public String programmeCode() {
        return key.programmeCode();
    }

    public Standing standing() {
        return key.standing();
    }

    public LocalDate validFrom() {
        return key.validFrom();
    }

    public boolean eligible() {
        return eligible;
    }

    public int stateSharePct() {
        return stateSharePct;
    }

    public int provinceSharePct() {
        return provinceSharePct;
    }
}
