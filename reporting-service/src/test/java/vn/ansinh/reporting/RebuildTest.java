package vn.ansinh.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ansinh.platform.consumer.ConsumerLoop;
import vn.ansinh.platform.consumer.ConsumerLoops;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.RealKafka;
import vn.ansinh.platform.testing.Topics;
import vn.ansinh.reporting.messaging.BenefitsEvents;
import vn.ansinh.reporting.messaging.FactsConsumer;
import vn.ansinh.reporting.messaging.RegistryEvents;

/**
 * Reporting rebuilt from the start of the topics — read models and indicators dropped,
 * consumer groups deleted, consumers started afresh — ends with exactly the indicator values
 * it had (what deploy/README.md tells operators to do after losing reporting's database).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RebuildTest {

    @Inject
    ConsumerLoops loops;
    @Inject
    FactsConsumer facts;
    @Inject
    DataSource dataSource;

    @Test
    void rebuildingFromTheStartOfTheTopicsGivesTheSameNumbers() throws Exception {
        Topics.sendEvents(RegistryEvents.AREA_TOPIC, List.of(IndicatorsTest.area("24", "Tỉnh Bắc Giang", "PROVINCE",
                null), IndicatorsTest.area("216", "Huyện Tân Yên", "DISTRICT", "24")));
        Topics.sendEvents(RegistryEvents.TOPIC, List.of(
                IndicatorsTest.classified("r1", 2050, "POOR", "91601", "216", false, false, 3),
                IndicatorsTest.classified("r2", 2050, "NEAR_POOR", "91601", "216", true, false, 2),
                IndicatorsTest.classified("r1", 2051, "NOT_POOR", "91601", "216", false, false, 3),
                IndicatorsTest.classified("r2", 2051, "POOR", "91601", "216", true, false, 2),
                IndicatorsTest.classified("r1", 2051, "NEAR_POOR", "91601", "216", false, false, 3)));
        Map<String, String> before = settled();
        assertFalse(before.isEmpty());
        assertEquals(true, before.keySet().contains("reporting.poverty-rate.v1 poverty-rate/ALL/216/2051"));

        for (ConsumerLoop loop : loops.loops()) {
            if (loop.name().startsWith("reporting.")) {
                loops.stop(loop);
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealKafka.bootstrapServers()))) {
            admin.deleteConsumerGroups(List.of("reporting.registry", "reporting.benefits")).all().get();
        }
        execute("TRUNCATE household_area, area, household_year, entitlement, application, budget, dirty_scope,"
                + " indicator");
        execute("DELETE FROM processed_event WHERE consumer LIKE 'reporting.%'");
        assertEquals(Map.of(), snapshot());

        loops.start("reporting.registry", List.of(RegistryEvents.TOPIC, RegistryEvents.AREA_TOPIC), facts);
        loops.start("reporting.benefits", List.of(BenefitsEvents.ENTITLEMENT_TOPIC, BenefitsEvents.APPLICATION_TOPIC,
                BenefitsEvents.BUDGET_TOPIC), facts);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(before, snapshot()));
    }

    /** The indicator values once nothing has changed for a few publish rounds. */
    private Map<String, String> settled() throws Exception {
        Map<String, String>[] last = new Map[] {Map.of()};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            Map<String, String> now = snapshot();
            boolean same = !now.isEmpty() && now.equals(last[0]) && count("SELECT count(*) FROM dirty_scope") == 0;
            last[0] = now;
            return same;
        });
        return last[0];
    }

    private Map<String, String> snapshot() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery(
                        "SELECT topic || ' ' || key, CAST(value AS text) FROM indicator ORDER BY 1")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        }
        return values;
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
