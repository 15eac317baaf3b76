package vn.ansinh.benefits.messaging;

import static vn.ansinh.platform.events.JsonFields.bool;
import static vn.ansinh.platform.events.JsonFields.date;
import static vn.ansinh.platform.events.JsonFields.instant;
import static vn.ansinh.platform.events.JsonFields.integer;
import static vn.ansinh.platform.events.JsonFields.list;
import static vn.ansinh.platform.events.JsonFields.nextField;
import static vn.ansinh.platform.events.JsonFields.startObject;
import static vn.ansinh.platform.events.JsonFields.text;
import static vn.ansinh.platform.events.JsonFields.uuid;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdClassified;
import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdRegistered;
import vn.ansinh.benefits.messaging.RegistryEvents.MemberDetails;

/**
 * The registry's busiest events read field by field ({@link vn.ansinh.platform.events.JsonFields}):
 * a province's import is 477,000 registrations with 1.7 million members, and reading them through
 * databind's general path was a third of this service's consumer. Fields not named here are
 * skipped; the records' constructors check what is required, as before.
 */
final class RegistryEventReaders {

    private RegistryEventReaders() {
    }

    static final class Registered extends JsonDeserializer<HouseholdRegistered> {
        @Override
        public HouseholdRegistered deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            startObject(parser);
            UUID householdId = null;
            String code = null;
            String areaCode = null;
            String districtCode = null;
            boolean urban = false;
            boolean ethnicMinority = false;
            boolean meritFamily = false;
            Instant registeredAt = null;
            List<MemberDetails> members = null;
            List<HouseholdClassified> classifications = null;
            for (String field = nextField(parser); field != null; field = nextField(parser)) {
                switch (field) {
                    case "householdId" -> householdId = uuid(parser);
                    case "code" -> code = text(parser);
                    case "areaCode" -> areaCode = text(parser);
                    case "districtCode" -> districtCode = text(parser);
                    case "urban" -> urban = bool(parser);
                    case "ethnicMinority" -> ethnicMinority = bool(parser);
                    case "meritFamily" -> meritFamily = bool(parser);
                    case "registeredAt" -> registeredAt = instant(parser);
                    case "members" -> members = list(parser, Member::read);
                    case "classifications" -> classifications = list(parser, Classified::read);
                    default -> parser.skipChildren();
                }
            }
            return new HouseholdRegistered(householdId, code, areaCode, districtCode, urban, ethnicMinority,
                    meritFamily, registeredAt, members, classifications);
        }
    }

    static final class Member extends JsonDeserializer<MemberDetails> {
        @Override
        public MemberDetails deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return read(parser);
        }

        static MemberDetails read(JsonParser parser) throws IOException {
            startObject(parser);
            UUID householdId = null;
            UUID memberId = null;
            String fullName = null;
            String citizenId = null;
            LocalDate dateOfBirth = null;
            String sex = null;
            String relationToHead = null;
            boolean disability = false;
            boolean schoolEnrolled = false;
            String socialProtectionType = null;
            for (String field = nextField(parser); field != null; field = nextField(parser)) {
                switch (field) {
                    case "householdId" -> householdId = uuid(parser);
                    case "memberId" -> memberId = uuid(parser);
                    case "fullName" -> fullName = text(parser);
                    case "citizenId" -> citizenId = text(parser);
                    case "dateOfBirth" -> dateOfBirth = date(parser);
                    case "sex" -> sex = text(parser);
                    case "relationToHead" -> relationToHead = text(parser);
                    case "disability" -> disability = bool(parser);
                    case "schoolEnrolled" -> schoolEnrolled = bool(parser);
                    case "socialProtectionType" -> socialProtectionType = text(parser);
                    default -> parser.skipChildren();
                }
            }
            return new MemberDetails(householdId, memberId, fullName, citizenId, dateOfBirth, sex, relationToHead,
                    disability, schoolEnrolled, socialProtectionType);
        }
    }

    static final class Classified extends JsonDeserializer<HouseholdClassified> {
        @Override
        public HouseholdClassified deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return read(parser);
        }

        static HouseholdClassified read(JsonParser parser) throws IOException {
            startObject(parser);
            UUID householdId = null;
            Integer year = null;
            String category = null;
            String previousCategory = null;
            Integer newlyEscapedSince = null;
            Integer deprivationCount = null;
            String areaCode = null;
            String districtCode = null;
            for (String field = nextField(parser); field != null; field = nextField(parser)) {
                switch (field) {
                    case "householdId" -> householdId = uuid(parser);
                    case "year" -> year = integer(parser);
                    case "category" -> category = text(parser);
                    case "previousCategory" -> previousCategory = text(parser);
                    case "newlyEscapedSince" -> newlyEscapedSince = integer(parser);
                    case "deprivationCount" -> deprivationCount = integer(parser);
                    case "areaCode" -> areaCode = text(parser);
                    case "districtCode" -> districtCode = text(parser);
                    default -> parser.skipChildren();
                }
            }
            return new HouseholdClassified(householdId, year == null ? 0 : year, category, previousCategory,
                    newlyEscapedSince, deprivationCount == null ? 0 : deprivationCount, areaCode, districtCode);
        }
    }
}
