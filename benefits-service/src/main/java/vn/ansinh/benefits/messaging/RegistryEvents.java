package vn.ansinh.benefits.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import vn.ansinh.platform.events.MalformedEventException;

/**
 * What benefits-service reads from the registry's topic: only the fields it needs of each type
 * (contracts in {@code contracts/events/households.household.v1/}). Each record skips the fields
 * it does not know ({@code ignoreUnknown}): without it Jackson keeps a copy of every unknown
 * field that comes before a record's last component, to report it. The busiest types — a
 * registration, its members and classifications — are read field by field
 * ({@link RegistryEventReaders}), which skip unknown fields too.
 */
public final class RegistryEvents {

    public static final String TOPIC = "households.household.v1";
    public static final String REGISTERED = "household.registered";
    public static final String UPDATED = "household.updated";
    public static final String MEMBER_ADDED = "member.added";
    public static final String MEMBER_UPDATED = "member.updated";
    public static final String MEMBER_REMOVED = "member.removed";
    public static final String MEMBER_MOVED = "member.moved";
    public static final String CLASSIFIED = "household.classified";

    private RegistryEvents() {
    }

    private static void require(String type, Object... values) {
        for (Object value : values) {
            if (value == null) {
                throw new MalformedEventException(type + " lacks a required field");
            }
        }
    }

    /** With the classifications of the surveys recorded with the registration, oldest year first. */
    @JsonDeserialize(using = RegistryEventReaders.Registered.class)
    public record HouseholdRegistered(UUID householdId, String code, String areaCode, String districtCode,
            boolean urban, boolean ethnicMinority, boolean meritFamily, Instant registeredAt,
            List<MemberDetails> members, List<HouseholdClassified> classifications) {

        public HouseholdRegistered {
            if (householdId == null || code == null || areaCode == null || registeredAt == null) {
                throw new MalformedEventException("household.registered needs householdId, code, areaCode and registeredAt");
            }
            members = members == null ? List.of() : members;
            classifications = classifications == null ? List.of() : classifications;
            for (HouseholdClassified classification : classifications) {
                if (!householdId.equals(classification.householdId())) {
                    throw new MalformedEventException("household.registered of " + householdId
                            + " carries a classification of household " + classification.householdId());
                }
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HouseholdUpdated(UUID householdId, String code, String areaCode, String districtCode,
            boolean urban, boolean ethnicMinority, boolean meritFamily) {

        public HouseholdUpdated {
            require(UPDATED, householdId, code, areaCode, districtCode);
        }
    }

    /** The payload of member.added and member.updated, and of member.moved with its extra fields. */
    @JsonDeserialize(using = RegistryEventReaders.Member.class)
    public record MemberDetails(UUID householdId, UUID memberId, String fullName, String citizenId,
            LocalDate dateOfBirth, String sex, String relationToHead, boolean disability, boolean schoolEnrolled,
            String socialProtectionType) {

        public MemberDetails {
            require("member", householdId, memberId, fullName, dateOfBirth, sex, relationToHead);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MemberRemoved(UUID householdId, UUID memberId, LocalDate leftOn, String reason) {

        public MemberRemoved {
            require(MEMBER_REMOVED, householdId, memberId, leftOn, reason);
        }
    }

    @JsonDeserialize(using = RegistryEventReaders.Classified.class)
    public record HouseholdClassified(UUID householdId, int year, String category, String previousCategory,
            Integer newlyEscapedSince, int deprivationCount, String areaCode, String districtCode) {

        public HouseholdClassified {
            require(CLASSIFIED, householdId, category, areaCode, districtCode);
        }
    }
}
