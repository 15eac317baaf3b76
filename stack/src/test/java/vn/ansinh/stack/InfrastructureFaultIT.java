package vn.ansinh.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The faults FaultToleranceIT does not cause: the registry itself killed with SIGKILL in the
 * middle of an import, the broker stopped and started again, and benefits-service's database
 * taken away for a while — all during a demo import (2% of the province). The killed import is
 * marked failed by the restarted registry; importing the same survey again completes it; then the
 * numbers are those of the registry's own data and no dead-letter topic holds anything.
 */
class InfrastructureFaultIT {

    private static Stack stack;

    @BeforeAll
    static void startSuite() throws Exception {
        // a killed import is noticed after 8 s without heartbeat instead of 2 min
        stack = DemoSuite.start("infrastructure-fault-test", Map.of("ANSINH_IMPORTS_STALLED_AFTER", "8s"));
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theRegistryKilledMidImportTheBrokerRestartedAndADatabaseGoneForAWhileLoseNothing() throws Exception {
        String first = DemoSuite.startImport(stack, 0.02);
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode job = DemoSuite.job(stack, first);
            return job.path("status").asText().equals("APPLYING") && job.path("rowsApplied").asInt() > 0;
        });
        stack.kill("households-service");
        stack.restart("households-service");
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> DemoSuite.job(stack, first).path("status").asText().equals("FAILED"));
        JsonNode killed = DemoSuite.job(stack, first);
        assertTrue(killed.path("message").asText().contains("interrupted"), killed.toString());
        assertTrue(killed.path("rowsApplied").asInt() < killed.path("rowsTotal").asInt(),
                "the job was killed before it finished: " + killed);

        // the officer imports the same survey again; meanwhile the broker and benefits' database go away
        String second = DemoSuite.startImport(stack, 0.02);
        Thread.sleep(2000);
        stack.restartBroker(Duration.ofSeconds(5));
        stack.databaseAvailable("benefits-service", false);
        Thread.sleep(10_000);
        stack.databaseAvailable("benefits-service", true);
        DemoSuite.awaitCompleted(stack, second);

        JsonNode completed = DemoSuite.job(stack, second);
        try (Connection registry = stack.connect("households-service")) {
            assertEquals(completed.path("rowsTotal").asInt(), killed.path("rowsTotal").asInt(), "the same files");
            long households = count(registry, "SELECT count(*) FROM household");
            // the survey file has one 2023 row per household: every household is there, with its survey
            assertEquals(households, count(registry, "SELECT count(*) FROM survey WHERE year = 2023"));
            assertEquals(households, count(registry, "SELECT count(DISTINCT code) FROM household"));
            // what the killed import had committed was recognised by the second, not created again
            long createdAgain = completed.at("/changes/householdsCreated").asLong();
            assertTrue(createdAgain < households, "the second import created " + createdAgain + " of " + households);
        }
        DemoSuite.awaitNumbersAgree(stack);
        for (String deadLetters : List.of("households.dead-letter.v1", "benefits.dead-letter.v1",
                "reporting.dead-letter.v1")) {
            assertEquals(0, DemoSuite.read(stack, deadLetters, Duration.ofSeconds(3)).size(),
                    deadLetters + ": an outage is retried, never dead-lettered");
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement query = db.createStatement(); ResultSet result = query.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
