package vn.ansinh.households;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import vn.ansinh.households.messaging.HouseholdEvents;
import vn.ansinh.platform.testing.EventContracts;
import vn.ansinh.platform.testing.TestTokens;
import vn.ansinh.platform.testing.Topics;
import vn.ansinh.platform.testing.RealInfrastructure;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ImportTest {

    private static final String BOM = "\uFEFF";
    private static final String HOUSEHOLDS = BOM + """
            household_code,area_code,address,head_name,ethnic_minority,merit_family
            IMP-001,96003,"Thôn Nà Hem, Xã Sơn Động 03",Hoàng Văn Dũng,1,0
            IMP-002,96003,Thôn Biểng,Triệu Thị Lan,có,không
            IMP-003,90001,Số 12 đường Trần Phú,Nguyễn Văn An,0,1
            """;
    private static final String MEMBERS = """
            household_code,full_name,citizen_id,date_of_birth,sex,relation_to_head,ethnicity,disability,school_enrolled,social_protection_type
            IMP-001,Hoàng Văn Dũng,024080005555,1980-04-01,MALE,HEAD,Tày,0,0,
            IMP-001,Hoàng Thị Hoa,,2012-05-17,FEMALE,CHILD,Tày,0,1,
            IMP-002,Triệu Thị Lan,024155006666,1955-02-03,FEMALE,HEAD,Dao,1,0,NGUOI_CAO_TUOI
            """;
    private static final String SURVEYS = """
            household_code,year,income_per_person_month,deprivations
            IMP-001,2022,1100000,NUTRITION;HEALTH_INSURANCE;LATRINE
            IMP-001,2023,1400000,NUTRITION
            IMP-002,2023,900000,EMPLOYMENT;NUTRITION;LATRINE;TELECOM
            IMP-003,2023,5000000,
            """;

    private static RequestSpecification files(Map<String, String> files) {
        RequestSpecification request = given().header(TestTokens.as("so-ldtbxh", "province-officer"));
        files.forEach((name, content) -> request.multiPart(name, name + ".csv",
                content.getBytes(StandardCharsets.UTF_8), "text/csv"));
        return request;
    }

    private static JsonPath importAndWait(Map<String, String> files) {
        String location = files(files).when().post("/api/imports")
                .then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("COMPLETED", "REJECTED", "FAILED")
                .contains(given().get(location).then().extract().<String>path("status")));
        return given().get(location).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aProvinceSurveyIsImportedAndImportingItAgainChangesNothing() {
        Map<String, String> files = Map.of("households", HOUSEHOLDS, "members", MEMBERS, "surveys", SURVEYS);

        JsonPath job = importAndWait(files);
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals(false, job.get("staged"), "files in order of household code are not staged");
        assertEquals(10, job.getInt("rowsTotal"));
        assertEquals(10, job.getInt("rowsValidated"));
        assertEquals(10, job.getInt("rowsApplied"));
        assertEquals(Map.of("householdsCreated", 3, "householdsUpdated", 0, "membersAdded", 3, "membersUpdated", 0,
                "surveysRecorded", 4), job.getMap("changes"));

        String id = given().get("/api/households?name=Hoàng Văn Dũng&area=220").then()
                .body("items.code", hasItems("IMP-001")).extract().path("items.find { it.code == 'IMP-001' }.id");
        given().get("/api/households/" + id).then()
                .body("household.ethnicMinority", equalTo(true))
                .body("household.createdBy", equalTo("so-ldtbxh"))
                .body("members.fullName", hasItems("Hoàng Văn Dũng", "Hoàng Thị Hoa"));
        given().get("/api/households/" + id + "/surveys").then()
                .body("category", equalTo(List.of("POOR", "NEAR_POOR")));
        given().get("/api/households?year=2023&category=NOT_POOR&area=90001").then()
                .body("items.code", hasItems("IMP-003"));
        int auditLines = given().get("/api/households/" + id + "/audit").then().extract().path("size()");
        // the audit says who created the household from which job and line; its state is in the registry
        String imported = given().get("/api/households/" + id + "/audit").then()
                .body("find { it.action == 'household.imported' }.actor", equalTo("so-ldtbxh"))
                .extract().path("find { it.action == 'household.imported' }.after");
        JsonPath source = JsonPath.from(imported);
        assertEquals(job.getString("id"), source.getString("importJob"));
        assertEquals(2, source.getInt("line"));
        assertEquals("IMP-001", source.getString("code"));
        assertEquals(2, source.getInt("members"));
        assertEquals(List.of(2022, 2023), source.getList("surveyYears"));

        JsonPath again = importAndWait(files);
        assertEquals("COMPLETED", again.getString("status"));
        assertEquals(job.getString("checksum"), again.getString("checksum"));
        assertEquals(Map.of("householdsCreated", 0, "householdsUpdated", 0, "membersAdded", 0, "membersUpdated", 0,
                "surveysRecorded", 0), again.getMap("changes"));
        given().get("/api/households/" + id + "/audit").then().body("size()", equalTo(auditLines));

        // one event per new household, its surveys' classifications inside; none from importing again
        List<ConsumerRecord<String, byte[]>> events = Topics.readUntil(HouseholdEvents.TOPIC,
                read -> read.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30)).stream()
                .filter(r -> id.equals(r.key())).toList();
        assertEquals(List.of(HouseholdEvents.REGISTERED), events.stream().map(r -> Topics.header(r, "ce_type")).toList());
        EventContracts.assertConforms(events.get(0));
        JsonPath registered = JsonPath.from(Topics.value(events.get(0)));
        assertEquals(List.of(2022, 2023), registered.getList("classifications.year"));
        assertEquals(List.of("POOR", "NEAR_POOR"), registered.getList("classifications.category"));
        assertEquals(Arrays.asList(null, "POOR"), registered.getList("classifications.previousCategory"));
        assertEquals(2, registered.getList("members").size());
    }

    @Test
    void aLargeImportIsAppliedInParallelChunksAndASecondImportAppliesOnlyWhatChanged() {
        int count = 4_500; // three chunks of 2,000 or fewer, applied two at a time
        StringBuilder households = new StringBuilder("household_code,area_code,address,head_name,ethnic_minority,merit_family\n");
        StringBuilder members = new StringBuilder("household_code,full_name,citizen_id,date_of_birth,sex,relation_to_head,"
                + "ethnicity,disability,school_enrolled,social_protection_type\n");
        StringBuilder surveys = new StringBuilder("household_code,year,income_per_person_month,deprivations\n");
        for (int i = 0; i < count; i++) {
            String code = String.format("BIG-%05d", i);
            households.append(code).append(",96004,Thôn ").append(i % 12).append(",Chủ hộ ").append(i).append(",0,0\n");
            members.append(code).append(",Chủ hộ ").append(i).append(",").append(String.format("0240700%05d", i))
                    .append(",1970-01-01,MALE,HEAD,Kinh,0,0,\n");
            surveys.append(code).append(",2023,").append(i % 2 == 0 ? "1000000" : "3000000").append(",NUTRITION\n");
        }
        JsonPath job = importAndWait(Map.of("households", households.toString(), "members", members.toString(),
                "surveys", surveys.toString()));
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals(3 * count, job.getInt("rowsApplied"));
        assertEquals(Map.of("householdsCreated", count, "householdsUpdated", 0, "membersAdded", count,
                "membersUpdated", 0, "surveysRecorded", count), job.getMap("changes"));
        given().get("/api/households?area=96004&year=2023&category=NEAR_POOR&name=Chủ hộ&size=1").then()
                .body("total", equalTo(count / 2));

        JsonPath second = importAndWait(Map.of(
                "households", "household_code,area_code,address,head_name,ethnic_minority,merit_family\n"
                        + "BIG-00001,96004,Thôn mới,Chủ hộ 1,1,0\nBIG-00002,96004,Thôn 2,Chủ hộ 2,0,0\n",
                "members", "household_code,full_name,citizen_id,date_of_birth,sex,relation_to_head,ethnicity,disability,"
                        + "school_enrolled,social_protection_type\nBIG-00002,Con ông 2,,2015-03-03,FEMALE,CHILD,Kinh,0,1,\n",
                "surveys", "household_code,year,income_per_person_month,deprivations\nBIG-00003,2023,1000000,NUTRITION\n"
                        + "BIG-00004,2023,1000000,NUTRITION\n"));
        assertEquals("COMPLETED", second.getString("status"), second.prettify());
        assertEquals(Map.of("householdsCreated", 0, "householdsUpdated", 1, "membersAdded", 1, "membersUpdated", 0,
                "surveysRecorded", 1), second.getMap("changes"), "BIG-00002 and BIG-00004 were as on record");
        given().get("/api/households?area=96004&name=Chủ hộ 1&size=500").then()
                .body("items.find { it.code == 'BIG-00001' }.ethnicMinority", equalTo(true));
    }

    @Test
    void aFileWithErrorsAppliesNothingAndSaysEverythingThatIsWrong() {
        String households = """
                household_code,area_code,address,head_name,ethnic_minority,merit_family
                BAD-001,96003,Thôn A,Lò Văn Páo,1,0
                BAD-002,99999,Thôn B,Lò Thị Mỷ,2,0
                BAD-001,96003,Thôn C,Lò Văn Sử,0,0
                """;
        String members = """
                household_code,full_name,citizen_id,date_of_birth,sex,relation_to_head,ethnicity,disability,school_enrolled,social_protection_type
                BAD-001,Lò Văn Páo,024190001234,1990-01-01,MALE,HEAD,Thái,0,0,
                NOBODY-9,Ai Đó,,1990-13-01,X,HEAD,Kinh,0,0,
                BAD-001,Lò Thị Xuân,,2015-02-02,FEMALE,CHILD,Thái,0,1,,thừa
                """;
        String surveys = """
                household_code,year,income_per_person_month,deprivations
                BAD-001,2023,1.200.000,NUTRITION
                BAD-001,2024,1200000,NUTRITION;HEALTH_SERVICES_ACCESS
                """;

        JsonPath job = importAndWait(Map.of("households", households, "members", members, "surveys", surveys));

        assertEquals("REJECTED", job.getString("status"));
        assertEquals(false, job.get("staged"), "without the rows wrong on their own, every file is in order");
        List<String> found = errors(job);
        assertEquals(List.of(
                "households.csv:3:ethnic_minority: must be 1 or 0 (true/false, có/không)",
                "households.csv:4:household_code: repeats household BAD-001 of line 2",
                "members.csv:2:citizen_id: digit 4 is 1 but a male born in 1990 has 0",
                "members.csv:3:date_of_birth: must be a date as YYYY-MM-DD",
                "members.csv:3:sex: must be one of [MALE, FEMALE]",
                "members.csv:4:null: has 11 cells; the header names 10 columns",
                "surveys.csv:2:income_per_person_month: must be a whole number (no separators)",
                "surveys.csv:3:deprivations: not indicators of VN-2022-2025: HEALTH_SERVICES_ACCESS"), found);
        assertEquals(found.size(), job.getInt("errorCount"));
        assertEquals(8, job.getInt("rowsTotal"), "3 household, 3 member and 2 survey rows");
        assertEquals(1, job.getInt("rowsValidated"), "only households.csv line 2 is without error");
        assertEquals(0, job.getInt("rowsApplied"));
        given().get("/api/households?name=Lò Văn").then().body("total", equalTo(0));
    }

    /**
     * Files in order of household code are checked as they are read, without staging; files out
     * of that order are staged and checked in the database. Both find the same errors, with the
     * same words, and apply alike.
     */
    @Test
    void filesInHouseholdOrderAndFilesOutOfItAreCheckedAndAppliedAlike() {
        JsonPath registered = importAndWait(Map.of(
                "households", "household_code,area_code,address,head_name,ethnic_minority,merit_family\n"
                        + "REG-001,96003,Thôn Đồi,Lục Văn Tâm,1,0\n",
                "members", "household_code,full_name,citizen_id,date_of_birth,sex,relation_to_head,ethnicity,"
                        + "disability,school_enrolled,social_protection_type\n"
                        + "REG-001,Lục Văn Tâm,024085000301,1985-06-01,MALE,HEAD,Tày,0,0,\n"));
        assertEquals("COMPLETED", registered.getString("status"), registered.prettify());
        assertEquals(false, registered.get("staged"));

        String households = """
                household_code,area_code,address,head_name,ethnic_minority,merit_family
                CHK-001,96003,Thôn A,Lò Văn Páo,1,0
                CHK-001,96003,Thôn C,Lò Văn Sử,0,0
                CHK-002,99999,Thôn B,Lò Thị Mỷ,0,0
                """;
        String members = """
                household_code,full_name,citizen_id,date_of_birth,sex,relation_to_head,ethnicity,disability,school_enrolled,social_protection_type
                CHK-001,Lò Văn Páo,024090000101,1990-01-01,MALE,HEAD,Thái,0,0,
                CHK-002,Lò Văn Mỷ,024090000101,1990-01-01,MALE,HEAD,Thái,0,0,
                CHK-002,Lục Văn Tâm,024085000301,1985-06-01,MALE,CHILD,Tày,0,0,
                CHK-004,Ai Đó,,1990-01-01,FEMALE,HEAD,Kinh,0,0,
                """;
        String surveys = """
                household_code,year,income_per_person_month,deprivations
                CHK-001,2023,1200000,NUTRITION
                CHK-001,2023,1300000,
                CHK-001,2001,1200000,
                CHK-002,2023,1000000,HEALTH_SERVICES_ACCESS
                CHK-006,2023,1000000,
                """;
        List<String> expected = List.of(
                "households.csv:3:household_code: repeats household CHK-001 of line 2",
                "households.csv:4:area_code: no administrative unit has code 99999",
                "members.csv:3:citizen_id: repeats the citizen ID of line 2",
                "members.csv:4:citizen_id: citizen ID 024085000301 is already an active member of household REG-001",
                "members.csv:5:household_code: household CHK-004 is neither in households.csv nor in the registry",
                "surveys.csv:3:year: repeats the 2023 survey of household CHK-001 (line 2)",
                "surveys.csv:4:year: no poverty standard covers survey year 2001",
                "surveys.csv:5:deprivations: not indicators of VN-2022-2025: HEALTH_SERVICES_ACCESS",
                "surveys.csv:6:household_code: household CHK-006 is neither in households.csv nor in the registry");

        JsonPath inOrder = importAndWait(Map.of("households", households, "members", members, "surveys", surveys));
        assertEquals("REJECTED", inOrder.getString("status"));
        assertEquals(false, inOrder.get("staged"));
        assertEquals(expected, errors(inOrder));

        // one more valid household at the end, out of order: the same files are now staged
        JsonPath outOfOrder = importAndWait(Map.of("households", households + "CHK-000,96003,Thôn Z,Ai Đó,0,0\n",
                "members", members, "surveys", surveys));
        assertEquals("REJECTED", outOfOrder.getString("status"));
        assertEquals(true, outOfOrder.get("staged"));
        assertEquals(expected, errors(outOfOrder));
        given().get("/api/households?name=Lò Văn").then().body("total", equalTo(0));

        JsonPath applied = importAndWait(Map.of(
                "households", "household_code,area_code,address,head_name,ethnic_minority,merit_family\n"
                        + "ORD-002,96003,Thôn Hai,Vi Văn Hai,1,0\nORD-001,96003,Thôn Một,Vi Văn Một,1,0\n",
                "members", "household_code,full_name,citizen_id,date_of_birth,sex,relation_to_head,ethnicity,"
                        + "disability,school_enrolled,social_protection_type\n"
                        + "ORD-001,Vi Văn Một,,1970-01-01,MALE,HEAD,Nùng,0,0,\n"
                        + "ORD-002,Vi Văn Hai,,1971-01-01,MALE,HEAD,Nùng,0,0,\n"
                        + "ORD-001,Vi Thị Ba,,2010-01-01,FEMALE,CHILD,Nùng,0,1,\n",
                "surveys", "household_code,year,income_per_person_month,deprivations\n"
                        + "ORD-001,2023,1000000,NUTRITION\nORD-001,2022,900000,NUTRITION\n"));
        assertEquals("COMPLETED", applied.getString("status"), applied.prettify());
        assertEquals(true, applied.get("staged"));
        assertEquals(Map.of("householdsCreated", 2, "householdsUpdated", 0, "membersAdded", 3, "membersUpdated", 0,
                "surveysRecorded", 2), applied.getMap("changes"));
        String one = given().get("/api/households?name=Vi Văn Một").then().body("total", equalTo(1))
                .extract().path("items[0].id");
        given().get("/api/households/" + one).then().body("members.fullName", hasItems("Vi Văn Một", "Vi Thị Ba"));
        given().get("/api/households/" + one + "/surveys").then().body("year", equalTo(List.of(2022, 2023)));
    }

    private static List<String> errors(JsonPath job) {
        List<Map<String, Object>> errors = given().get("/api/imports/" + job.getString("id") + "/errors").then()
                .statusCode(200).extract().path("");
        return errors.stream()
                .map(e -> e.get("file") + ":" + e.get("line") + ":" + e.get("column") + ": " + e.get("message")).toList();
    }

    @Test
    void aMissingColumnIsReportedOnTheHeader() {
        JsonPath job = importAndWait(Map.of("surveys", "household_code,year,income\nIMP-001,2023,1\n"));
        assertEquals("REJECTED", job.getString("status"));
        given().get("/api/imports/" + job.getString("id") + "/errors").then()
                .body("[0].line", equalTo(1))
                .body("[0].message", equalTo("missing column(s) income_per_person_month, deprivations; the header must"
                        + " name household_code, year, income_per_person_month, deprivations"));
    }

    @Test
    void anUploadWithoutFilesIsRefused() {
        given().multiPart("other", "x").when().post("/api/imports").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /**
     * A job left running by an instance that stopped (no heartbeat since) is marked failed by the
     * instances still running, without a restart.
     */
    @Test
    void aJobWhoseInstanceStoppedIsMarkedFailedWhileTheServiceRuns() throws Exception {
        String orphan = java.util.UUID.randomUUID().toString();
        var db = RealInfrastructure.config();
        try (var connection = java.sql.DriverManager.getConnection(db.get("quarkus.datasource.jdbc.url"),
                db.get("quarkus.datasource.username"), db.get("quarkus.datasource.password"))) {
            connection.createStatement().execute("INSERT INTO import_job (id, status, checksum, files, created_at,"
                    + " created_by, heartbeat_at) VALUES ('" + orphan + "', 'APPLYING', 'x', 'households',"
                    + " now() - interval '1 hour', 'so-ldtbxh', now() - interval '10 minutes')");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/imports/" + orphan).then()
                .body("status", org.hamcrest.Matchers.equalTo("FAILED"))
                .body("message", org.hamcrest.Matchers.containsString("importing the same files again completes it")));
    }
}
