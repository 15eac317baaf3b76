package vn.ansinh.reporting.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.ansinh.platform.outbox.Outbox;
import vn.ansinh.reporting.domain.IndicatorFamily;
import vn.ansinh.reporting.domain.Indicators.Place;
import vn.ansinh.reporting.repository.IndicatorRepository;
import vn.ansinh.reporting.repository.ReadModelRepository;
import vn.ansinh.reporting.service.IndicatorCalculator.Computed;

/**
 * Recomputes what changed since the last round and publishes the indicators whose value moved,
 * in one transaction: the stored values and the outbox events commit together, so a value is
 * published exactly when it is stored. Rounds run every {@code ansinh.reporting.publish-interval};
 * whatever the consumers applied in between is coalesced into one message per indicator.
 */
@ApplicationScoped
public class IndicatorPublisher {

    private final IndicatorRepository indicators;
    private final ReadModelRepository readModel;
    private final IndicatorCalculator calculator;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;

    public IndicatorPublisher(IndicatorRepository indicators, ReadModelRepository readModel,
            IndicatorCalculator calculator, Outbox outbox, ObjectMapper mapper,
            TransactionSynchronizationRegistry transactions) {
        this.indicators = indicators;
        this.readModel = readModel;
        this.calculator = calculator;
        this.outbox = outbox;
        this.mapper = mapper;
        this.transactions = transactions;
    }

    /**
     * One round: the changed scopes are taken in a short transaction of their own, then computed
     * and published in this one. Taking them inside this transaction kept the consumers, whose
     * marks conflict with the taken rows, waiting for the whole computation (seconds at a
     * province's size). If this transaction does not commit, the scopes are marked again; one
     * publisher runs at a time across replicas.
     *
     * @return how many indicator values changed and were published
     */
    @Transactional
    public int publishChanges() {
        if (!indicators.claimRound()) {
            return 0; // another replica is publishing
        }
        List<Object[]> taken = QuarkusTransaction.requiringNew().call(indicators::takeDirty);
        if (taken.isEmpty()) {
            return 0;
        }
        markAgainUnlessCommitted(taken);
        Map<IndicatorFamily, Set<Integer>> scopes = new EnumMap<>(IndicatorFamily.class);
        for (Object[] row : taken) {
            IndicatorFamily family = IndicatorFamily.valueOf((String) row[0]);
            int year = ((Number) row[1]).intValue();
            if (year == IndicatorFamily.EVERY_YEAR) {
                scopes.put(family, null);
            } else if (!scopes.containsKey(family) || scopes.get(family) != null) {
                scopes.computeIfAbsent(family, f -> new HashSet<>()).add(year);
            }
        }
        if (scopes.isEmpty()) {
            return 0;
        }
        Map<String, Place> places = indicators.places();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int published = 0;
        for (Map.Entry<IndicatorFamily, Set<Integer>> scope : scopes.entrySet()) {
            published += publish(scope.getKey(), calculator.compute(scope.getKey(), scope.getValue(), places), now);
        }
        return published;
    }

    private int publish(IndicatorFamily family, List<Computed> computed, Instant now) {
        Map<String, String> stored = indicators.published(family, computed.stream().map(Computed::key).toList());
        List<IndicatorRepository.Row> rows = new ArrayList<>();
        List<Outbox.NewEvent> events = new ArrayList<>();
        for (Computed value : computed) {
            String text = write(value.value());
            if (same(text, stored.get(value.key()))) {
                continue;
            }
            rows.add(new IndicatorRepository.Row(family.topic(), value.key(), value.indicator(), value.year(),
                    value.group(), value.areaLevel(), value.areaCode(), value.parentCode(), text, now));
            events.add(new Outbox.NewEvent(family.topic(), value.key(), value.indicator(),
                    new Message(value.value(), now)));
        }
        indicators.store(rows);
        outbox.appendAll(events);
        return events.size();
    }

    /** Scopes taken by a round that then fails (or whose commit fails) are computed by a later one. */
    private void markAgainUnlessCommitted(List<Object[]> taken) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    QuarkusTransaction.requiringNew().run(() -> readModel.markDirty(
                            taken.stream().map(r -> (String) r[0]).toList(),
                            taken.stream().map(r -> ((Number) r[1]).intValue()).toList()));
                }
            }
        });
    }

    /** What the topic carries: the value's fields, and when it was computed. */
    public record Message(@JsonUnwrapped Object value, Instant computedAt) {
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("indicator value cannot be written as JSON", e);
        }
    }

    /** Equal as JSON (the database keeps its own key order and number form). */
    private boolean same(String computed, String stored) {
        if (stored == null) {
            return false;
        }
        try {
            return normalise(mapper.readTree(computed)).equals(normalise(mapper.readTree(stored)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored indicator is not JSON", e);
        }
    }

    /** Numbers compared by value: 5.20 and 5.2 are the same rate. */
    private JsonNode normalise(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = mapper.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), normalise(e.getValue())));
            return copy;
        }
        return node.isNumber() ? mapper.getNodeFactory().numberNode(node.decimalValue().stripTrailingZeros()) : node;
    }
}
