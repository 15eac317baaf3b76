package vn.ansinh.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every overlay renders and every object is valid; and each kind of mistake the checks exist
 * for is in fact caught (a check that cannot fail would prove nothing).
 */
class ManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyOverlayRendersAndEveryObjectIsValid(String overlay) throws Exception {
        String yaml = Manifests.render(overlay);
        assertEquals(List.of(), Manifests.problems(yaml));
    }

    @Test
    void prodRunsSeveralReplicasWithAutoscalersDisruptionBudgetsMonitorsAndBackups() throws Exception {
        String yaml = Manifests.render("prod");
        List<String> kinds = Manifests.documents(yaml).stream().map(d -> d.path("kind").asText()).toList();
        for (String kind : List.of("HorizontalPodAutoscaler", "PodDisruptionBudget", "ServiceMonitor")) {
            assertEquals(3, kinds.stream().filter(kind::equals).count(), kind);
        }
        assertEquals(3, kinds.stream().filter("ScheduledBackup"::equals).count());
        Manifests.documents(yaml).stream().filter(d -> d.path("kind").asText().equals("Deployment"))
                .forEach(d -> assertEquals(2, d.path("spec").path("replicas").asInt()));
        Manifests.documents(yaml).stream().filter(d -> d.path("kind").asText().equals("Cluster"))
                .forEach(d -> assertTrue(d.path("spec").path("backup").has("barmanObjectStore")));
        Manifests.documents(yaml).stream().filter(d -> d.path("kind").asText().equals("KafkaTopic"))
                .forEach(d -> assertEquals(3, d.path("spec").path("replicas").asInt()));
    }

    @Test
    void aMisspelledFieldIsCaughtInKubernetesStrimziAndCloudNativePgObjects() throws Exception {
        String yaml = Manifests.render("prod")
                .replaceFirst("terminationGracePeriodSeconds: 30", "terminationGracePeriodSecond: 30")
                .replaceFirst("  partitions: 6", "  partition: 6")
                .replaceFirst("\n  instances: 3\n", "\n  instance: 3\n");
        String problems = String.join("\n", Manifests.problems(yaml));
        assertTrue(problems.contains("unknown field(s) [terminationGracePeriodSecond]"), problems);
        assertTrue(problems.contains("unknown field(s) [partition]"), problems);
        assertTrue(problems.contains("postgresql.cnpg.io/v1/Cluster benefits-db: ") && problems.contains("instance"),
                problems);
    }

    @Test
    void aMissingTopicIsCaught() throws Exception {
        String yaml = Manifests.render("prod");
        String withoutPayments = Manifests.documents(yaml).stream()
                .filter(d -> !d.path("spec").path("topicName").asText().equals("benefits.payment.v1"))
                .map(Object::toString).collect(Collectors.joining("\n---\n"));
        assertEquals(List.of("no KafkaTopic for benefits.payment.v1, which a service produces or consumes"),
                Manifests.problems(withoutPayments));
    }

    @Test
    void aProbeOnAPathTheServiceDoesNotServeIsCaught() throws Exception {
        String yaml = Manifests.render("dev").replaceFirst("path: /q/health/ready", "path: /healthz");
        assertEquals(1, Manifests.problems(yaml).size(), Manifests.problems(yaml).toString());
        assertTrue(Manifests.problems(yaml).get(0).contains("readiness probe on /healthz"));
    }

    @Test
    void anEnvironmentVariableThatNoServiceReadsAndARootContainerAreCaught() throws Exception {
        String yaml = Manifests.render("prod").replaceFirst("KAFKA_BOOTSTRAP_SERVERS:", "KAFKA_BOOTSTRAP:")
                .replaceFirst("runAsUser: 185", "runAsUser: 0");
        String problems = String.join("\n", Manifests.problems(yaml));
        assertTrue(problems.contains("environment variable KAFKA_BOOTSTRAP is no configuration key"), problems);
        assertTrue(problems.contains("may run as root"), problems);
    }
}
