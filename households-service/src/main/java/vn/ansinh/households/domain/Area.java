package vn.ansinh.households.domain;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** An administrative unit: province, district or commune, identified by its GSO code. */
@Entity
public class Area {

    public enum Level {
        PROVINCE, DISTRICT, COMMUNE
    }

    @Id
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private Level level;
    private String parentCode;
    private boolean urban;
    private boolean synthetic;
    private LocalDate validFrom;
    private LocalDate validTo;
    private String successorCode;
    /** published on households.area.v1 at least once */
    private boolean announced;

    protected Area() {
        // for Hibernate
    }

    /** In force on the given day (not yet merged away or abolished). */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void moveTo(String newParentCode) {
        this.parentCode = newParentCode;
    }

    /** Merged into {@code successor}: no longer in force from {@code on}. */
    public void mergeInto(String successor, LocalDate on) {
        this.successorCode = successor;
        this.validTo = on;
    }

    public void markAnnounced() {
        this.announced = true;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Level level() {
        return level;
    }

    public String parentCode() {
        return parentCode;
    }

    public boolean urban() {
        return urban;
    }

    public boolean synthetic() {
        return synthetic;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public String successorCode() {
        return successorCode;
    }
}
