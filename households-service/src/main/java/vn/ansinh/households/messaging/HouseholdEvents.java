package vn.ansinh.households.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * What households-service publishes on {@value #TOPIC}, keyed by household id, so that one
 * household's events stay in order. The contract of each type is
 * {@code contracts/events/households.household.v1/<type>.schema.json}.
 */
public final class HouseholdEvents {

    public static final String TOPIC = "households.household.v1";
    public static final String REGISTERED = "household.registered";
    public static final String UPDATED = "household.updated";
    public static final String MEMBER_ADDED = "member.added";
    public static final String MEMBER_UPDATED = "member.updated";
    public static final String MEMBER_REMOVED = "member.removed";
    public static final String MEMBER_MOVED = "member.moved";
    public static final String CLASSIFIED = "household.classified";

    /** Administrative units, keyed by GSO code: the full state of a unit after it is created or changed. */
    public static final String AREA_TOPIC = "households.area.v1";
    public static final String AREA_CHANGED = "area.changed";

    private HouseholdEvents() {
    }

    /**
     * With the members registered together with the household (later ones come as member.added)
     * and the classifications of the surveys recorded with it, oldest year first (an import's new
     * households; later surveys come as household.classified). The classifications come before
     * the members: a consumer that needs only the household and its classifications (reporting)
     * stops reading there instead of parsing the members, most of the event.
     */
    @JsonSerialize(using = HouseholdEventWriters.Registered.class)
    public record HouseholdRegistered(UUID householdId, String code, String areaCode, String districtCode,
            boolean urban, boolean ethnicMinority, boolean meritFamily, Instant registeredAt,
            List<HouseholdClassified> classifications, List<MemberDetails> members) {
    }

    public record HouseholdUpdated(UUID householdId, String code, String areaCode, String districtCode,
            boolean urban, boolean ethnicMinority, boolean meritFamily, Instant updatedAt) {
    }

    @JsonSerialize(using = HouseholdEventWriters.Member.class)
    public record MemberDetails(UUID householdId, UUID memberId, String fullName, String citizenId,
            LocalDate dateOfBirth, String sex, String relationToHead, String ethnicity, boolean disability,
            boolean schoolEnrolled, String socialProtectionType) {
    }

    public record MemberRemoved(UUID householdId, UUID memberId, LocalDate leftOn, String reason,
            UUID movedToHouseholdId) {
    }

    public record MemberMoved(UUID householdId, UUID memberId, String fullName, String citizenId,
            LocalDate dateOfBirth, String sex, String relationToHead, String ethnicity, boolean disability,
            boolean schoolEnrolled, String socialProtectionType, UUID fromHouseholdId, UUID previousMemberId,
            LocalDate movedOn) {
    }

    @JsonSerialize(using = HouseholdEventWriters.Classified.class)
    public record HouseholdClassified(UUID householdId, int year, String category, String previousCategory,
            boolean newlyEscaped, Integer newlyEscapedSince, int deprivationCount, List<String> deprivations,
            String standardId, String areaCode, String districtCode, boolean urban, boolean ethnicMinority,
            boolean meritFamily, int members) {
    }

    public record AreaChanged(String code, String name, String level, String parentCode, boolean urban,
            LocalDate validFrom, LocalDate validTo, String successorCode) {
    }
}
