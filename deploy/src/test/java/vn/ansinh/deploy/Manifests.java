package vn.ansinh.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Renders an overlay with {@code kubectl kustomize} and checks every object against its model:
 * Kubernetes kinds and the Strimzi and Prometheus Operator CRDs through their fabric8/Strimzi
 * Java models (a field the model does not know is an error), CloudNativePG's through a JSON
 * Schema of the part of its API we use; then the rules that tie the manifests to the code —
 * probes, configuration keys, topics, images, non-root. {@link #problems} lists every breach.
 */
final class Manifests {

    static final Path ROOT = Path.of("").toAbsolutePath().getFileName().toString().equals("deploy")
            ? Path.of("..").toAbsolutePath().normalize() : Path.of("").toAbsolutePath();
    static final List<String> SERVICES = List.of("households-service", "benefits-service", "reporting-service");
    /** What SmallRye Health serves (quarkus.smallrye-health defaults, which no service changes). */
    static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class));
    private static final Set<String> SCHEMAS = Set.of("postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/ScheduledBackup");

    private Manifests() {
    }

    /** The YAML of an overlay as {@code kubectl kustomize} renders it. */
    static String render(String overlay) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve("deploy/overlays/" + overlay).toString())
                .redirectErrorStream(true).start();
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + overlay + " failed: " + out);
        }
        return out;
    }

    /** The rendered documents, each as a tree. */
    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            var iterator = YAML.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    /** Everything wrong with the rendered overlay; empty when it may be applied. */
    static List<String> problems(String yaml) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, List<Object>> objects = new HashMap<>();
        for (JsonNode document : documents(yaml)) {
            String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
            String name = type + " " + document.path("metadata").path("name").asText();
            if (MODELS.containsKey(type)) {
                Object object = SERIALIZATION.unmarshal(YAML.writeValueAsString(document), MODELS.get(type));
                unknownFields(object, name, problems, new IdentityHashMap<>());
                objects.computeIfAbsent(document.path("kind").asText(), k -> new ArrayList<>()).add(object);
            } else if (SCHEMAS.contains(type)) {
                for (ValidationMessage message : schema(document.path("kind").asText()).validate(document)) {
                    problems.add(name + ": " + message.getMessage());
                }
            } else {
                problems.add(name + ": no model to check this kind against");
            }
        }
        List<Deployment> deployments = list(objects, "Deployment", Deployment.class);
        Map<String, ConfigMap> configMaps = new HashMap<>();
        list(objects, "ConfigMap", ConfigMap.class).forEach(c -> configMaps.put(c.getMetadata().getName(), c));
        int maxReplicas = 1;
        for (Deployment deployment : deployments) {
            maxReplicas = Math.max(maxReplicas, deployment.getSpec().getReplicas() == null ? 1
                    : deployment.getSpec().getReplicas());
        }
        for (HorizontalPodAutoscaler hpa : list(objects, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class)) {
            maxReplicas = Math.max(maxReplicas, hpa.getSpec().getMaxReplicas());
        }
        for (String service : SERVICES) {
            Deployment deployment = deployments.stream().filter(d -> d.getMetadata().getName().equals(service))
                    .findFirst().orElse(null);
            if (deployment == null) {
                problems.add("no Deployment for " + service);
                continue;
            }
            checkService(service, deployment, configMaps, problems);
        }
        checkTopics(list(objects, "KafkaTopic", KafkaTopic.class), maxReplicas, problems);
        return problems;
    }

    private static void checkService(String service, Deployment deployment, Map<String, ConfigMap> configMaps,
            List<String> problems) throws IOException {
        var pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        Map<String, String> environment = new HashMap<>();
        for (EnvVar variable : container.getEnv()) {
            environment.put(variable.getName(), variable.getValue());
        }
        for (var source : container.getEnvFrom()) {
            ConfigMap configMap = source.getConfigMapRef() == null ? null
                    : configMaps.get(source.getConfigMapRef().getName());
            if (source.getConfigMapRef() != null && configMap == null) {
                problems.add(service + ": ConfigMap " + source.getConfigMapRef().getName() + " does not exist");
            } else if (configMap != null) {
                environment.putAll(configMap.getData());
            }
        }
        // every variable must be a configuration key the service reads (or the image's JVM options)
        Set<String> keys = configKeys(service);
        for (String variable : environment.keySet()) {
            if (!variable.startsWith("JAVA_") && !keys.contains(variable)) {
                problems.add(service + ": environment variable " + variable
                        + " is no configuration key of the service (application.properties)");
            }
        }
        // probes: SmallRye Health's paths, on a port the container declares, which the service listens on
        Map<String, Integer> ports = new HashMap<>();
        container.getPorts().forEach(p -> ports.put(p.getName(), p.getContainerPort()));
        String httpPort = environment.get("QUARKUS_HTTP_PORT");
        for (Map.Entry<String, Probe> probe : Map.of("startup", nullable(container.getStartupProbe()),
                "liveness", nullable(container.getLivenessProbe()), "readiness",
                nullable(container.getReadinessProbe())).entrySet()) {
            Probe p = probe.getValue();
            if (p.getHttpGet() == null) {
                problems.add(service + ": no " + probe.getKey() + " probe");
                continue;
            }
            if (!HEALTH_PATHS.contains(p.getHttpGet().getPath())) {
                problems.add(service + ": " + probe.getKey() + " probe on " + p.getHttpGet().getPath()
                        + ", which the service does not serve (" + HEALTH_PATHS + ")");
            }
            Integer port = p.getHttpGet().getPort().getStrVal() != null ? ports.get(p.getHttpGet().getPort().getStrVal())
                    : p.getHttpGet().getPort().getIntVal();
            if (port == null || !String.valueOf(port).equals(httpPort)) {
                problems.add(service + ": " + probe.getKey() + " probe on port " + p.getHttpGet().getPort()
                        + ", but the service listens on " + httpPort);
            }
        }
        // never root, nothing writable but the volumes, limits on memory
        PodSecurityContext podSecurity = pod.getSecurityContext();
        SecurityContext security = container.getSecurityContext();
        if (podSecurity == null || !Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())
                || Long.valueOf(0).equals(podSecurity.getRunAsUser())
                || (security != null && Long.valueOf(0).equals(security.getRunAsUser()))) {
            problems.add(service + ": may run as root");
        }
        if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())
                || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
            problems.add(service + ": the container must not escalate privileges and must have a read-only root");
        }
        if (container.getResources() == null || container.getResources().getLimits() == null
                || !container.getResources().getLimits().containsKey("memory")
                || container.getResources().getRequests() == null) {
            problems.add(service + ": needs resource requests and a memory limit");
        }
        if (!container.getImage().contains("/ansinh/" + service + ":")
                || !Files.exists(ROOT.resolve(service + "/src/main/docker/Dockerfile.jvm"))) {
            problems.add(service + ": image " + container.getImage() + " is not built by "
                    + service + "/src/main/docker/Dockerfile.jvm");
        }
    }

    /** Every topic of the event contracts and every dead-letter topic, with enough partitions. */
    private static void checkTopics(List<KafkaTopic> declared, int consumers, List<String> problems)
            throws IOException {
        Map<String, KafkaTopic> byName = new HashMap<>();
        for (KafkaTopic topic : declared) {
            String name = topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName()
                    : topic.getMetadata().getName();
            byName.put(name, topic);
        }
        Set<String> needed = new HashSet<>();
        try (Stream<Path> topics = Files.list(ROOT.resolve("contracts/events"))) {
            topics.filter(Files::isDirectory).forEach(t -> needed.add(t.getFileName().toString()));
        }
        Set<String> deadLetters = new HashSet<>();
        for (String service : SERVICES) {
            deadLetters.add(properties(ROOT.resolve(service + "/src/main/resources/application.properties"))
                    .getProperty("ansinh.events.dead-letter-topic"));
        }
        needed.addAll(deadLetters);
        for (String topic : needed) {
            KafkaTopic declaration = byName.get(topic);
            if (declaration == null) {
                problems.add("no KafkaTopic for " + topic + ", which a service produces or consumes");
                continue;
            }
            int partitions = declaration.getSpec().getPartitions() == null ? 0 : declaration.getSpec().getPartitions();
            int required = deadLetters.contains(topic) ? 1 : consumers;
            if (partitions < required) {
                problems.add("KafkaTopic " + topic + " has " + partitions + " partitions; its consumer groups can have "
                        + required + " members");
            }
            Object policy = declaration.getSpec().getConfig() == null ? null
                    : declaration.getSpec().getConfig().get("cleanup.policy");
            if (topic.startsWith("reporting.") && !deadLetters.contains(topic) && !"compact".equals(policy)) {
                problems.add("KafkaTopic " + topic + " must be compacted: dashboards read the latest value per key");
            }
        }
    }

    /** The environment form of every key in the service's and the platform's configuration files. */
    static Set<String> configKeys(String service) throws IOException {
        Set<String> keys = new HashSet<>();
        for (Path file : List.of(ROOT.resolve(service + "/src/main/resources/application.properties"),
                ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            for (String key : properties(file).stringPropertyNames()) {
                String plain = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
                keys.add(plain.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
            }
        }
        return keys;
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    private static JsonSchema schema(String kind) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        return factory.getSchema(SchemaLocation.of("classpath:crds/cnpg.schema.json#/$defs/" + kind));
    }

    /** Every field of the document the model did not recognise lands in additionalProperties. */
    private static void unknownFields(Object object, String where, List<String> problems,
            Map<Object, Boolean> seen) {
        if (object == null || seen.put(object, true) != null) {
            return;
        }
        if (object instanceof Collection<?> items) {
            items.forEach(item -> unknownFields(item, where, problems, seen));
            return;
        }
        if (object instanceof Map<?, ?> map) {
            map.values().forEach(value -> unknownFields(value, where, problems, seen));
            return;
        }
        String type = object.getClass().getName();
        if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
            return;
        }
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(object);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(where + ": unknown field(s) " + extra.keySet() + " in "
                            + object.getClass().getSimpleName());
                }
            } else {
                unknownFields(value, where, problems, seen);
            }
        }
    }

    private static Probe nullable(Probe probe) {
        return probe == null ? new Probe() : probe;
    }

    private static <T> List<T> list(Map<String, List<Object>> objects, String kind, Class<T> type) {
        return objects.getOrDefault(kind, List.of()).stream().map(type::cast).toList();
    }
}
