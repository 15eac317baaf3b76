package vn.ansinh.households.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import vn.ansinh.households.domain.Household;
import vn.ansinh.households.domain.Member;
import vn.ansinh.households.domain.Survey;
import vn.ansinh.platform.security.PersonalDataAudit;
import vn.ansinh.platform.security.PersonalField;

/** What the registry API answers: records made from entities, never the entities themselves. */
final class HouseholdViews {

    private HouseholdViews() {
    }

    record HouseholdView(UUID id, String code, String areaCode, String address, String headName,
            boolean ethnicMinority, boolean meritFamily, Instant createdAt, String createdBy, Instant updatedAt,
            String updatedBy) {

        static HouseholdView of(Household h) {
            return new HouseholdView(h.id(), h.code(), h.areaCode(), h.address(), h.headName(), h.ethnicMinority(),
                    h.meritFamily(), h.createdAt(), h.createdBy(), h.updatedAt(), h.updatedBy());
        }
    }

    /** Personal fields the caller's role does not grant are null and named in {@code masked}. */
    record MemberView(UUID id, UUID householdId, String fullName, String citizenId, LocalDate dateOfBirth,
            Member.Sex sex, Member.Relation relationToHead, String ethnicity, Boolean disability,
            boolean schoolEnrolled, String socialProtectionType, boolean active, LocalDate leftOn,
            Member.LeftReason leftReason, List<String> masked) {

        static MemberView of(Member m, Set<PersonalField> visible) {
            return new MemberView(m.id(), m.householdId(), m.fullName(),
                    visible.contains(PersonalField.CITIZEN_ID) ? m.citizenId() : null,
                    visible.contains(PersonalField.DATE_OF_BIRTH) ? m.dateOfBirth() : null, m.sex(),
                    m.relationToHead(), m.ethnicity(), visible.contains(PersonalField.HEALTH) ? m.disability() : null,
                    m.schoolEnrolled(),
                    visible.contains(PersonalField.HEALTH) ? m.socialProtectionType() : null, m.active(), m.leftOn(), m.leftReason(),
                    PersonalDataAudit.masked(visible));
        }
    }

    record SurveyView(int year, long incomePerPersonMonth, Set<String> deprivations, String areaCode, boolean urban,
            String standardId, String category, String categoryLabel, int deprivationCount, String previousCategory,
            boolean newlyEscaped, Integer newlyEscapedSince, String reason, Instant recordedAt, String recordedBy) {

        static SurveyView of(Survey s) {
            return new SurveyView(s.year(), s.incomePerPersonMonth(), s.deprivations(), s.areaCode(), s.urban(),
                    s.standardId(), s.category().name(), s.category().label(), s.deprivationCount(),
                    s.previousCategory() == null ? null : s.previousCategory().name(), s.newlyEscaped(),
                    s.newlyEscapedSince(), s.reason(), s.recordedAt(), s.recordedBy());
        }
    }

    record HouseholdWithMembers(HouseholdView household, List<MemberView> members) {
    }
}
