package vn.ansinh.reporting.domain;

import static vn.ansinh.platform.events.JsonFields.bool;
import static vn.ansinh.platform.events.JsonFields.integer;
import static vn.ansinh.platform.events.JsonFields.list;
import static vn.ansinh.platform.events.JsonFields.nextField;
import static vn.ansinh.platform.events.JsonFields.startObject;
import static vn.ansinh.platform.events.JsonFields.text;
import static vn.ansinh.platform.events.JsonFields.uuid;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import vn.ansinh.reporting.domain.Facts.HouseholdClassified;
import vn.ansinh.reporting.domain.Facts.HouseholdPlaced;

/**
 * The registry's busiest events read field by field ({@link vn.ansinh.platform.events.JsonFields}):
 * a province's import is 477,000 registrations, and reading them through databind's general path
 * was a third of this service's consumer. Other fields are skipped, and a registration is read
 * only up to its classifications (the registry writes its members after them); the records'
 * constructors check what is required, as before.
 */
final class FactReaders {

    private FactReaders() {
    }

    static final class Placed extends JsonDeserializer<HouseholdPlaced> {
        @Override
        public HouseholdPlaced deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            startObject(parser);
            UUID householdId = null;
            String areaCode = null;
            List<HouseholdClassified> classifications = null;
            for (String field = nextField(parser); field != null; field = nextField(parser)) {
                switch (field) {
                    case "householdId" -> householdId = uuid(parser);
                    case "areaCode" -> areaCode = text(parser);
                    case "classifications" -> classifications = list(parser, Classified::read);
                    default -> parser.skipChildren();
                }
                if (householdId != null && areaCode != null && classifications != null) {
                    // all this reads: the registry writes the members after, the bulk of the event
                    // (skipping them was a seventh of this service's CPU in a province's import)
                    break;
                }
            }
            return new HouseholdPlaced(householdId, areaCode, classifications);
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
            String areaCode = null;
            String districtCode = null;
            boolean ethnicMinority = false;
            boolean meritFamily = false;
            Integer members = null;
            for (String field = nextField(parser); field != null; field = nextField(parser)) {
                switch (field) {
                    case "householdId" -> householdId = uuid(parser);
                    case "year" -> year = integer(parser);
                    case "category" -> category = text(parser);
                    case "areaCode" -> areaCode = text(parser);
                    case "districtCode" -> districtCode = text(parser);
                    case "ethnicMinority" -> ethnicMinority = bool(parser);
                    case "meritFamily" -> meritFamily = bool(parser);
                    case "members" -> members = integer(parser);
                    default -> parser.skipChildren();
                }
            }
            return new HouseholdClassified(householdId, year, category, areaCode, districtCode, ethnicMinority,
                    meritFamily, members);
        }
    }
}
