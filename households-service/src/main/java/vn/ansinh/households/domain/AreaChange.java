package vn.ansinh.households.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One change of an administrative unit, with the date it takes effect: its history. */
@Entity
public class AreaChange {

    public enum Kind {
        RENAMED, MOVED, MERGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String areaCode;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private LocalDate effectiveDate;
    private String oldName;
    private String newName;
    private String oldParent;
    private String newParent;
    private String successorCode;
    private Instant recordedAt;
    private String recordedBy;

    protected AreaChange() {
        // for Hibernate
    }

    public AreaChange(String areaCode, Kind kind, LocalDate effectiveDate, String oldName, String newName,
            String oldParent, String newParent, String successorCode, Instant recordedAt, String recordedBy) {
        this.areaCode = areaCode;
        this.kind = kind;
        this.effectiveDate = effectiveDate;
        this.oldName = oldName;
        this.newName = newName;
        this.oldParent = oldParent;
        this.newParent = newParent;
        this.successorCode = successorCode;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public String areaCode() {
        return areaCode;
    }

    public Kind kind() {
        return kind;
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    public String oldName() {
        return oldName;
    }

    public String newName() {
        return newName;
    }

    public String oldParent() {
        return oldParent;
    }

    public String newParent() {
        return newParent;
    }

    public String successorCode() {
        return successorCode;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
