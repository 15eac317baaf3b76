package vn.ansinh.households.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.ansinh.households.domain.CitizenId;
import vn.ansinh.households.domain.Household;
import vn.ansinh.households.domain.HouseholdFilter;
import vn.ansinh.households.domain.Member;
import vn.ansinh.households.domain.PovertyCategory;
import vn.ansinh.households.domain.Survey;
import vn.ansinh.platform.security.Caller;
import vn.ansinh.platform.security.PersonalDataLog;
import vn.ansinh.platform.security.PersonalField;

/**
 * Searches of the DCI Social Registry API: each search_request item's criteria (idtype-value,
 * expression or predicate) become a registry search within the caller's area; households are
 * answered as DCI {@code Group} records with their members, personal data as the caller's
 * rights allow. An item that cannot be answered is rejected with the standard's reason code,
 * the others are answered.
 */
@ApplicationScoped
public class DciSearch {

    public static final String REG_TYPE = "ns:org:RegistryType:Social";
    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final Set<String> ATTRIBUTES = Set.of("area_code", "poverty_category", "survey_year",
            "ethnic_minority", "merit_family", "household_code", "citizen_id", "name");

    /** An item the registry refuses, with the DCI status reason code. */
    public static class Rejected extends RuntimeException {
        private final String code;

        public Rejected(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final HouseholdService households;
    private final AreaService areas;
    private final PersonalDataLog personalData;
    private final ObjectMapper json;
    private final DciConfig config;

    public DciSearch(HouseholdService households, AreaService areas, PersonalDataLog personalData, ObjectMapper json,
            DciConfig config) {
        this.households = households;
        this.areas = areas;
        this.personalData = personalData;
        this.json = json;
        this.config = config;
    }

    /** The search_response items answering a message's search_request items. */
    @Transactional
    public ArrayNode answer(Caller.Snapshot who, JsonNode items, String request) {
        ArrayNode answers = json.createArrayNode();
        Set<String> seen = new java.util.HashSet<>();
        for (JsonNode item : items) {
            ObjectNode answer = answers.addObject();
            String reference = item.path("reference_id").asText("");
            answer.put("reference_id", reference);
            answer.put("timestamp", Instant.now().toString());
            try {
                if (reference.isBlank() || reference.length() > 99) {
                    throw new Rejected("rjct.reference_id.invalid", "reference_id is required (at most 99 characters)");
                }
                if (!seen.add(reference)) {
                    throw new Rejected("rjct.reference_id.duplicate", "reference_id " + reference + " is repeated");
                }
                answerItem(who, item, request, answer);
            } catch (Rejected rejected) {
                answer.put("status", "rjct");
                answer.put("status_reason_code", rejected.code());
                answer.put("status_reason_message", rejected.getMessage());
            }
        }
        return answers;
    }

    /** One household as a DCI Group record (for searches and notifications). */
    public ObjectNode group(Household household, Set<PersonalField> visible) {
        ObjectNode group = json.createObjectNode();
        group.put("@type", "spdci:Group");
        ObjectNode id = group.putArray("group_identifier").addObject();
        id.put("@type", "Identifier");
        id.put("identifier_type", "HouseholdID");
        id.put("identifier_value", household.code());
        group.put("group_type", "household");
        ObjectNode place = group.putObject("place");
        place.put("@type", "Place");
        place.put("address", household.address());
        List<Member> members = households.members(household.id()).stream().filter(Member::active).toList();
        group.put("group_size", members.size());
        ArrayNode list = group.putArray("member_list");
        for (Member member : members) {
            ObjectNode m = member(member, visible);
            list.add(m);
            if (member.relationToHead() == Member.Relation.HEAD) {
                group.set("group_head_info", m.deepCopy());
            }
        }
        group.put("registration_date", household.createdAt().toString());
        group.put("last_updated", (household.updatedAt() != null ? household.updatedAt() : household.createdAt()).toString());
        ArrayNode attributes = group.putArray("additional_attributes");
        attribute(attributes, "registry_id", household.id().toString());
        attribute(attributes, "area_code", household.areaCode());
        attribute(attributes, "ethnic_minority", household.ethnicMinority());
        attribute(attributes, "merit_family", household.meritFamily());
        households.history(household.id()).stream().max(Comparator.comparingInt(Survey::year)).ifPresent(survey -> {
            attribute(attributes, "survey_year", survey.year());
            attribute(attributes, "poverty_category", survey.category().name());
        });
        return group;
    }

    private void answerItem(Caller.Snapshot who, JsonNode item, String request, ObjectNode answer) {
        JsonNode criteria = item.path("search_criteria");
        if (!criteria.isObject()) {
            throw invalid("search_criteria is required");
        }
        if (!criteria.path("response_entity").asText("Group").equals("Group")) {
            throw invalid("response_entity: this registry answers Group records (households with their members)");
        }
        checkSort(criteria.path("sort"));
        HouseholdFilter filter = filter(who, conditions(criteria));
        JsonNode pagination = criteria.path("pagination");
        int size = DEFAULT_PAGE_SIZE;
        int number = 1;
        if (!pagination.isMissingNode() && !pagination.isNull()) {
            if (!pagination.path("page_size").canConvertToInt() || pagination.path("page_size").asInt() < 1
                    || pagination.path("page_size").asInt() > config.maxPageSize()) {
                throw new Rejected("rjct.pagination.invalid", "page_size must be 1 to " + config.maxPageSize());
            }
            size = pagination.path("page_size").asInt();
            number = pagination.path("page_number").asInt(1);
            if (number < 1) {
                throw new Rejected("rjct.pagination.invalid", "page_number counts from 1");
            }
        }
        HouseholdService.SearchResult result = households.search(filter, number - 1, size);
        Set<PersonalField> visible = who.fields();
        if (who.agency() && !visible.isEmpty() && !result.households().isEmpty()) {
            String purpose = purpose(criteria, who.purpose());
            personalData.record(who, purpose, "household", result.households().stream().map(Household::id).toList(),
                    request);
        }
        answer.put("status", "succ");
        ObjectNode data = answer.putObject("data");
        data.put("version", "1.0.0");
        data.put("reg_type", REG_TYPE);
        data.put("reg_record_type", "Group");
        ArrayNode records = data.putArray("reg_records");
        result.households().forEach(h -> records.add(group(h, visible)));
        ObjectNode page = answer.putObject("pagination");
        page.put("page_size", size);
        page.put("page_number", number);
        page.put("total_count", result.total());
        answer.put("locale", "vie");
    }

    /** The stated purpose: the item's authorize or consent purpose, else the request's X-Purpose header. */
    private static String purpose(JsonNode criteria, String header) {
        for (String field : List.of("authorize", "consent")) {
            String text = criteria.path(field).path("purpose").path("text").asText("");
            if (!text.isBlank()) {
                return text.length() > 500 ? text.substring(0, 500) : text.strip();
            }
        }
        if (header == null || header.isBlank()) {
            throw invalid("personal data is answered to an agency only with a stated purpose: "
                    + "search_criteria.authorize.purpose.text (or the X-Purpose header)");
        }
        return header;
    }

    private static void checkSort(JsonNode sort) {
        if (sort.isMissingNode() || sort.isNull()) {
            return;
        }
        for (JsonNode item : sort) {
            if (!item.path("attribute_name").asText().equals("household_code")
                    || !item.path("sort_order").asText("asc").equals("asc")) {
                throw new Rejected("rjct.sort.invalid", "records are ordered by household_code ascending only");
            }
        }
    }

    /** attribute → value, from any of the three query types (all conditions must hold). */
    private Map<String, JsonNode> conditions(JsonNode criteria) {
        Map<String, JsonNode> conditions = new LinkedHashMap<>();
        JsonNode query = criteria.path("query");
        switch (criteria.path("query_type").asText("")) {
            case "idtype-value" -> {
                String type = query.path("type").asText("");
                String attribute = switch (type) {
                    case "NationalID", "UIN", "CCCD" -> "citizen_id";
                    case "HouseholdID" -> "household_code";
                    case "AreaCode" -> "area_code";
                    default -> throw invalid("idtype-value type must be NationalID (citizen ID), HouseholdID or "
                            + "AreaCode, not '" + type + "'");
                };
                put(conditions, attribute, query.path("value"));
            }
            case "expression" -> {
                JsonNode expression = query.path("value").path("expression");
                if (!expression.path("collection").asText("Group").equals("Group")) {
                    throw invalid("expression collection must be Group");
                }
                JsonNode where = expression.path("query");
                if (!where.isObject() || where.isEmpty()) {
                    throw invalid("expression query must be an object of conditions, e.g. {\"$and\": [{\"area_code\": "
                            + "{\"$eq\": \"96003\"}}]}");
                }
                List<JsonNode> terms = new java.util.ArrayList<>();
                where.fields().forEachRemaining(field -> {
                    if (field.getKey().equals("$and") && field.getValue().isArray()) {
                        field.getValue().forEach(terms::add);
                    } else if (field.getKey().startsWith("$")) {
                        throw invalid("expression supports $and of conditions; " + field.getKey() + " is not supported");
                    } else {
                        terms.add(json.createObjectNode().set(field.getKey(), field.getValue()));
                    }
                });
                for (JsonNode term : terms) {
                    term.fields().forEachRemaining(field -> {
                        JsonNode value = field.getValue();
                        if (value.isObject()) {
                            if (value.size() != 1 || !value.has("$eq")) {
                                throw invalid("expression conditions use $eq (" + field.getKey() + ")");
                            }
                            value = value.get("$eq");
                        }
                        put(conditions, field.getKey(), value);
                    });
                }
            }
            case "predicate" -> {
                if (!query.isArray() || query.isEmpty()) {
                    throw invalid("predicate query must be a list of expressions");
                }
                for (JsonNode predicate : query) {
                    String condition = predicate.path("condition").asText("and");
                    if (!condition.equals("and")) {
                        throw invalid("predicate conditions combine with 'and' only, not '" + condition + "'");
                    }
                    for (String name : List.of("expression1", "expression2")) {
                        JsonNode expression = predicate.path(name);
                        if (expression.isMissingNode() || expression.isNull()) {
                            if (name.equals("expression1")) {
                                throw invalid("predicate needs expression1");
                            }
                            continue;
                        }
                        if (!expression.path("operator").asText().equals("eq")) {
                            throw invalid("predicate operator must be eq (" + expression.path("attribute_name").asText()
                                    + ")");
                        }
                        put(conditions, expression.path("attribute_name").asText(""),
                                expression.path("attribute_value"));
                    }
                }
            }
            default -> throw invalid("query_type must be idtype-value, expression or predicate");
        }
        return conditions;
    }

    private static void put(Map<String, JsonNode> conditions, String attribute, JsonNode value) {
        if (!ATTRIBUTES.contains(attribute)) {
            throw invalid("attribute '" + attribute + "' is not searchable; use one of " + ATTRIBUTES.stream().sorted()
                    .toList());
        }
        if (value == null || value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            throw invalid(attribute + " needs a single value");
        }
        JsonNode earlier = conditions.putIfAbsent(attribute, value);
        if (earlier != null && !earlier.asText().equals(value.asText())) {
            throw invalid(attribute + " is asked to equal two values");
        }
    }

    private HouseholdFilter filter(Caller.Snapshot who, Map<String, JsonNode> c) {
        String area = text(c, "area_code");
        if (area != null && !areas.within(area, who.area())) {
            throw invalid("area_code " + area + " is outside your area");
        }
        if (area == null) {
            area = who.area();
        }
        Integer year = null;
        if (c.containsKey("survey_year")) {
            if (!c.get("survey_year").canConvertToInt() && !c.get("survey_year").asText().matches("\\d{4}")) {
                throw invalid("survey_year must be a year such as 2023");
            }
            year = c.get("survey_year").asInt(); // a number, or its text
        }
        PovertyCategory category = null;
        if (c.containsKey("poverty_category")) {
            try {
                category = PovertyCategory.valueOf(c.get("poverty_category").asText());
            } catch (IllegalArgumentException e) {
                throw invalid("poverty_category must be POOR, NEAR_POOR, AVERAGE_LIVING_STANDARD or NOT_POOR");
            }
            if (year == null) {
                throw invalid("poverty_category needs survey_year: a category belongs to a survey year");
            }
        }
        String citizenId = text(c, "citizen_id");
        if (citizenId != null) {
            if (!who.fields().contains(PersonalField.CITIZEN_ID)) {
                throw invalid("your agreement does not grant citizen IDs, so you cannot search by one");
            }
            if (!CitizenId.twelveDigits(citizenId)) {
                throw invalid("a citizen ID (NationalID) has 12 digits");
            }
        }
        String name = text(c, "name");
        if (name != null && name.strip().length() < 2) {
            throw invalid("name needs at least 2 characters");
        }
        return new HouseholdFilter(area, category, year, name, citizenId, text(c, "household_code"),
                bool(c, "ethnic_minority"), bool(c, "merit_family"));
    }

    private static String text(Map<String, JsonNode> c, String attribute) {
        return c.containsKey(attribute) ? c.get(attribute).asText() : null;
    }

    private static Boolean bool(Map<String, JsonNode> c, String attribute) {
        if (!c.containsKey(attribute)) {
            return null;
        }
        String value = c.get(attribute).asText();
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid(attribute + " must be true or false");
        }
        return Boolean.valueOf(value);
    }

    private ObjectNode member(Member member, Set<PersonalField> visible) {
        ObjectNode m = json.createObjectNode();
        m.put("@type", "spdci:Member");
        ObjectNode id = m.putArray("member_identifier").addObject();
        id.put("@type", "Identifier");
        id.put("identifier_type", "MemberID");
        id.put("identifier_value", member.id().toString());
        ObjectNode person = m.putObject("demographic_info");
        person.put("@type", "SRPerson");
        if (visible.contains(PersonalField.CITIZEN_ID) && member.citizenId() != null) {
            ObjectNode citizen = person.putArray("identifier").addObject();
            citizen.put("@type", "Identifier");
            citizen.put("identifier_type", "NationalID");
            citizen.put("identifier_value", member.citizenId());
        }
        // Vietnamese names put the family name first and the given name last
        String[] parts = member.fullName().strip().split("\\s+");
        ObjectNode name = person.putObject("name");
        name.put("@type", "Name");
        name.put("surname", parts[0]);
        name.put("given_name", parts.length > 1 ? String.join(" ", List.of(parts).subList(1, parts.length)) : "");
        person.put("sex", member.sex() == Member.Sex.MALE ? "male" : "female");
        if (visible.contains(PersonalField.DATE_OF_BIRTH)) {
            person.put("birth_date", member.dateOfBirth().toString());
        }
        if (visible.contains(PersonalField.HEALTH)) {
            m.put("is_disabled", member.disability());
        }
        m.put("relationship_head", member.relationToHead().name().toLowerCase());
        m.put("registration_date", member.createdAt().toString());
        return m;
    }

    private static void attribute(ArrayNode attributes, String name, Object value) {
        ObjectNode attribute = attributes.addObject();
        attribute.put("name", name);
        attribute.putPOJO("value", value);
    }

    private static Rejected invalid(String message) {
        return new Rejected("rjct.search_criteria.invalid", message);
    }
}
