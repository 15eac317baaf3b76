package vn.ansinh.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import vn.ansinh.platform.events.MalformedEventException;

/**
 * The facts the read models keep, as the registry's and the benefits' events state them (only
 * the fields reporting needs; contracts in {@code contracts/events/}). Each is checked on
 * arrival: a message that lacks what it must carry is malformed and goes to the dead-letter topic.
 * Each skips the fields it does not know ({@code ignoreUnknown}) instead of keeping a copy of
 * them, as Jackson does for those before a record's last component (a registration's members).
 * The registry's busiest types are read field by field ({@link FactReaders}), skipping the same.
 */
public final class Facts {

    private Facts() {
    }

    /** A fact with the time of the event that stated it: an older one never overwrites a newer one. */
    public record Timed<T>(T fact, Instant time) {
    }

    /**
     * household.registered and household.updated: where the household lives now; a registration
     * also carries the classifications of the surveys recorded with it.
     */
    @JsonDeserialize(using = FactReaders.Placed.class)
    public record HouseholdPlaced(UUID householdId, String areaCode, List<HouseholdClassified> classifications) {

        public HouseholdPlaced {
            require(householdId != null && areaCode != null, "needs householdId and areaCode");
            classifications = classifications == null ? List.of() : classifications;
            for (HouseholdClassified classification : classifications) {
                require(householdId.equals(classification.householdId()),
                        "carries a classification of another household, " + classification.householdId());
            }
        }
    }

    @JsonDeserialize(using = FactReaders.Classified.class)
    public record HouseholdClassified(UUID householdId, Integer year, String category, String areaCode,
            String districtCode, boolean ethnicMinority, boolean meritFamily, Integer members) {

        public HouseholdClassified {
            require(householdId != null && year != null && category != null && areaCode != null
                    && districtCode != null && members != null, "household.classified needs householdId, year, "
                            + "category, areaCode, districtCode and members");
            require(members >= 0, "household.classified: members must not be negative");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AreaChanged(String code, String name, String level, String parentCode, LocalDate validTo,
            String successorCode) {

        public AreaChanged {
            require(code != null && name != null && level != null, "area.changed needs code, name and level");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entitlement(UUID entitlementId, String programme, UUID householdId, UUID memberId,
            Integer surveyYear, LocalDate periodStart, String standing, String status, LocalDate endedOn,
            String areaCode, String districtCode) {

        public Entitlement {
            require(entitlementId != null && programme != null && householdId != null
                    && surveyYear != null && periodStart != null && status != null
                    && areaCode != null && districtCode != null, "entitlement event lacks required fields");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Movement(String kind, LocalDate onDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Application(UUID applicationId, String programme, UUID householdId, String kind, String status,
            Long disbursedVnd, Long outstandingVnd, String areaCode, String districtCode, Movement movement) {

        public Application {
            require(applicationId != null && programme != null && householdId != null
                    && status != null && disbursedVnd != null && outstandingVnd != null && areaCode != null
                    && districtCode != null, "application event lacks required fields");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Budget(String programme, Integer year, String fundingSource, Long allocatedVnd, Long committedVnd,
            Long paidVnd) {

        public Budget {
            require(programme != null && year != null && fundingSource != null && allocatedVnd != null
                    && committedVnd != null && paidVnd != null, "budget.changed lacks required fields");
        }
    }
    /**
     * An application's latest state with the years its milestones fell in (first disbursement,
     * completion, placement), merged from all its events of a batch.
     */
    public record ApplicationRow(Application state, Integer disbursedYear, Integer completedYear, Integer placedYear,
            Instant time) {

        /**
         * This row followed by the next one of the same application in the batch: the state of the
         * newer event (a late resend of an older one does not replace it), the milestones of both.
         */
        public ApplicationRow then(ApplicationRow next) {
            ApplicationRow newer = next.time().isBefore(time) ? this : next;
            return new ApplicationRow(newer.state(), first(disbursedYear, next.disbursedYear()),
                    first(completedYear, next.completedYear()), first(placedYear, next.placedYear()), newer.time());
        }

        private static Integer first(Integer earlier, Integer later) {
            return earlier != null ? earlier : later;
        }
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new MalformedEventException(message);
        }
    }
}
