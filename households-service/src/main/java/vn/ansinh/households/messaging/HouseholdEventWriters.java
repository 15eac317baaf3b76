package vn.ansinh.households.messaging;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import vn.ansinh.households.messaging.HouseholdEvents.HouseholdClassified;
import vn.ansinh.households.messaging.HouseholdEvents.HouseholdRegistered;
import vn.ansinh.households.messaging.HouseholdEvents.MemberDetails;

/**
 * The registry's busiest events written field by field: a province's import is 477,000
 * registrations with 1.7 million members, and writing them through databind's general path
 * (each component found by reflection, its serializer looked up) was a third of the import's
 * apply threads. The JSON is the same as databind writes, byte for byte — the record's
 * components in order, nulls included (HouseholdEventWritersTest compares them) — so a
 * component added to a record must be added here too.
 */
final class HouseholdEventWriters {

    private static final SerializedString HOUSEHOLD_ID = new SerializedString("householdId");
    private static final SerializedString AREA_CODE = new SerializedString("areaCode");
    private static final SerializedString DISTRICT_CODE = new SerializedString("districtCode");
    private static final SerializedString URBAN = new SerializedString("urban");
    private static final SerializedString ETHNIC_MINORITY = new SerializedString("ethnicMinority");
    private static final SerializedString MERIT_FAMILY = new SerializedString("meritFamily");
    private static final SerializedString MEMBERS = new SerializedString("members");

    private HouseholdEventWriters() {
    }

    static final class Registered extends JsonSerializer<HouseholdRegistered> {
        private static final SerializedString CODE = new SerializedString("code");
        private static final SerializedString REGISTERED_AT = new SerializedString("registeredAt");
        private static final SerializedString CLASSIFICATIONS = new SerializedString("classifications");

        @Override
        public void serialize(HouseholdRegistered event, JsonGenerator out, SerializerProvider provider)
                throws IOException {
            out.writeStartObject();
            uuid(out, HOUSEHOLD_ID, event.householdId());
            text(out, CODE, event.code());
            text(out, AREA_CODE, event.areaCode());
            text(out, DISTRICT_CODE, event.districtCode());
            bool(out, URBAN, event.urban());
            bool(out, ETHNIC_MINORITY, event.ethnicMinority());
            bool(out, MERIT_FAMILY, event.meritFamily());
            text(out, REGISTERED_AT, event.registeredAt() == null ? null : event.registeredAt().toString());
            out.writeFieldName(CLASSIFICATIONS);
            if (event.classifications() == null) {
                out.writeNull();
            } else {
                out.writeStartArray();
                for (HouseholdClassified classification : event.classifications()) {
                    Classified.write(classification, out);
                }
                out.writeEndArray();
            }
            out.writeFieldName(MEMBERS);
            if (event.members() == null) {
                out.writeNull();
            } else {
                out.writeStartArray();
                for (MemberDetails member : event.members()) {
                    Member.write(member, out);
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }
    }

    static final class Member extends JsonSerializer<MemberDetails> {
        private static final SerializedString MEMBER_ID = new SerializedString("memberId");
        private static final SerializedString FULL_NAME = new SerializedString("fullName");
        private static final SerializedString CITIZEN_ID = new SerializedString("citizenId");
        private static final SerializedString DATE_OF_BIRTH = new SerializedString("dateOfBirth");
        private static final SerializedString SEX = new SerializedString("sex");
        private static final SerializedString RELATION_TO_HEAD = new SerializedString("relationToHead");
        private static final SerializedString ETHNICITY = new SerializedString("ethnicity");
        private static final SerializedString DISABILITY = new SerializedString("disability");
        private static final SerializedString SCHOOL_ENROLLED = new SerializedString("schoolEnrolled");
        private static final SerializedString SOCIAL_PROTECTION_TYPE = new SerializedString("socialProtectionType");

        @Override
        public void serialize(MemberDetails member, JsonGenerator out, SerializerProvider provider) throws IOException {
            write(member, out);
        }

        static void write(MemberDetails member, JsonGenerator out) throws IOException {
            out.writeStartObject();
            uuid(out, HOUSEHOLD_ID, member.householdId());
            uuid(out, MEMBER_ID, member.memberId());
            text(out, FULL_NAME, member.fullName());
            text(out, CITIZEN_ID, member.citizenId());
            text(out, DATE_OF_BIRTH, member.dateOfBirth() == null ? null : member.dateOfBirth().toString());
            text(out, SEX, member.sex());
            text(out, RELATION_TO_HEAD, member.relationToHead());
            text(out, ETHNICITY, member.ethnicity());
            bool(out, DISABILITY, member.disability());
            bool(out, SCHOOL_ENROLLED, member.schoolEnrolled());
            text(out, SOCIAL_PROTECTION_TYPE, member.socialProtectionType());
            out.writeEndObject();
        }
    }

    static final class Classified extends JsonSerializer<HouseholdClassified> {
        private static final SerializedString YEAR = new SerializedString("year");
        private static final SerializedString CATEGORY = new SerializedString("category");
        private static final SerializedString PREVIOUS_CATEGORY = new SerializedString("previousCategory");
        private static final SerializedString NEWLY_ESCAPED = new SerializedString("newlyEscaped");
        private static final SerializedString NEWLY_ESCAPED_SINCE = new SerializedString("newlyEscapedSince");
        private static final SerializedString DEPRIVATION_COUNT = new SerializedString("deprivationCount");
        private static final SerializedString DEPRIVATIONS = new SerializedString("deprivations");
        private static final SerializedString STANDARD_ID = new SerializedString("standardId");

        @Override
        public void serialize(HouseholdClassified classification, JsonGenerator out, SerializerProvider provider)
                throws IOException {
            write(classification, out);
        }

        static void write(HouseholdClassified event, JsonGenerator out) throws IOException {
            out.writeStartObject();
            uuid(out, HOUSEHOLD_ID, event.householdId());
            out.writeFieldName(YEAR);
            out.writeNumber(event.year());
            text(out, CATEGORY, event.category());
            text(out, PREVIOUS_CATEGORY, event.previousCategory());
            bool(out, NEWLY_ESCAPED, event.newlyEscaped());
            out.writeFieldName(NEWLY_ESCAPED_SINCE);
            if (event.newlyEscapedSince() == null) {
                out.writeNull();
            } else {
                out.writeNumber(event.newlyEscapedSince());
            }
            out.writeFieldName(DEPRIVATION_COUNT);
            out.writeNumber(event.deprivationCount());
            out.writeFieldName(DEPRIVATIONS);
            List<String> deprivations = event.deprivations();
            if (deprivations == null) {
                out.writeNull();
            } else {
                out.writeStartArray();
                for (String deprivation : deprivations) {
                    out.writeString(deprivation);
                }
                out.writeEndArray();
            }
            text(out, STANDARD_ID, event.standardId());
            text(out, AREA_CODE, event.areaCode());
            text(out, DISTRICT_CODE, event.districtCode());
            bool(out, URBAN, event.urban());
            bool(out, ETHNIC_MINORITY, event.ethnicMinority());
            bool(out, MERIT_FAMILY, event.meritFamily());
            out.writeFieldName(MEMBERS);
            out.writeNumber(event.members());
            out.writeEndObject();
        }
    }

    private static void uuid(JsonGenerator out, SerializedString name, UUID value) throws IOException {
        text(out, name, value == null ? null : value.toString());
    }

    /** A string, or null (as databind writes a null component). */
    private static void text(JsonGenerator out, SerializedString name, String value) throws IOException {
        out.writeFieldName(name);
        out.writeString(value);
    }

    private static void bool(JsonGenerator out, SerializedString name, boolean value) throws IOException {
        out.writeFieldName(name);
        out.writeBoolean(value);
    }
}
