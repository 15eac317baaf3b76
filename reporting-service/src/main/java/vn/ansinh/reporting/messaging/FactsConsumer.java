package vn.ansinh.reporting.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import vn.ansinh.platform.consumer.ConsumerLoops;
import vn.ansinh.platform.consumer.EventHandler;
import vn.ansinh.platform.events.EventEnvelope;
import vn.ansinh.platform.events.Json;
import vn.ansinh.reporting.domain.Facts.AreaChanged;
import vn.ansinh.reporting.domain.Facts.Application;
import vn.ansinh.reporting.domain.Facts.ApplicationRow;
import vn.ansinh.reporting.domain.Facts.Budget;
import vn.ansinh.reporting.domain.Facts.Entitlement;
import vn.ansinh.reporting.domain.Facts.HouseholdClassified;
import vn.ansinh.reporting.domain.Facts.HouseholdPlaced;
import vn.ansinh.reporting.service.FactBatch;
import vn.ansinh.reporting.service.ReadModelService;

/**
 * Builds the read models from the registry's and the benefits' events, a whole batch at once:
 * the batch's facts are collected, then written with one statement per table. If a batch
 * fails, the loop replays its events one by one, so a malformed one alone is dead-lettered.
 */
@ApplicationScoped
public class FactsConsumer implements EventHandler {

    static final String REGISTRY = "reporting.registry";
    static final String BENEFITS = "reporting.benefits";
    /** Milestones without a date of their own count in the year of the event, in the province's time. */
    private static final ZoneId PROVINCE_TIME = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Everything was written in {@link #forBatch}; the per-event step has nothing left to do. */
    private static final EventHandler WRITTEN = new EventHandler() {
        @Override
        public void apply(EventEnvelope event) {
        }

        @Override
        public boolean batched() {
            return true;
        }
    };

    private final ConsumerLoops loops;
    private final ReadModelService readModels;
    private final Json json;

    public FactsConsumer(ConsumerLoops loops, ReadModelService readModels, Json json) {
        this.loops = loops;
        this.readModels = readModels;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        loops.start(REGISTRY, List.of(RegistryEvents.TOPIC, RegistryEvents.AREA_TOPIC), this);
        loops.start(BENEFITS, List.of(BenefitsEvents.ENTITLEMENT_TOPIC, BenefitsEvents.APPLICATION_TOPIC,
                BenefitsEvents.BUDGET_TOPIC), this);
    }

    @Override
    public EventHandler forBatch(List<EventEnvelope> events) {
        FactBatch batch = new FactBatch();
        for (EventEnvelope event : events) {
            collect(event, batch);
        }
        readModels.apply(batch);
        return WRITTEN;
    }

    @Override
    public void apply(EventEnvelope event) {
        forBatch(List.of(event));
    }

    /**
     * Every read-model row keeps the time of the event that wrote it and is replaced only by an
     * event as new or newer (milestone years are kept once known), and marking a scope dirty twice
     * is marking it once: an event applied again changes nothing. So reporting keeps no
     * {@code processed_event} row per event — for a province, 660,000 rows written and looked up,
     * a tenth of its database's work.
     */
    @Override
    public boolean idempotent() {
        return true;
    }

    private void collect(EventEnvelope event, FactBatch batch) {
        Instant time = event.time();
        String type = event.type();
        if (type.equals(RegistryEvents.REGISTERED) || type.equals(RegistryEvents.UPDATED)) {
            HouseholdPlaced placed = json.read(event, HouseholdPlaced.class);
            batch.placed(placed, time);
            placed.classifications().forEach(classified -> batch.classified(classified, time));
        } else if (type.equals(RegistryEvents.CLASSIFIED)) {
            batch.classified(json.read(event, HouseholdClassified.class), time);
        } else if (type.equals(RegistryEvents.AREA_CHANGED)) {
            batch.area(json.read(event, AreaChanged.class), time);
        } else if (type.startsWith("entitlement.")) {
            batch.entitlement(json.read(event, Entitlement.class), time);
        } else if (type.equals(BenefitsEvents.BUDGET_CHANGED)) {
            batch.budget(json.read(event, Budget.class), time);
        } else if (isApplicationEvent(type)) {
            batch.application(applicationRow(json.read(event, Application.class), type, time));
        }
        // other types (members, payments) do not feed any indicator
    }

    private static boolean isApplicationEvent(String type) {
        return type.startsWith("application.") || type.startsWith("loan.") || type.startsWith("housing.")
                || type.startsWith("house.") || type.startsWith("training.") || type.startsWith("livelihood.");
    }

    private static ApplicationRow applicationRow(Application state, String type, Instant time) {
        LocalDate on = state.movement() != null && state.movement().onDate() != null ? state.movement().onDate()
                : LocalDate.ofInstant(time, PROVINCE_TIME);
        Integer year = on.getYear();
        return switch (type) {
            case BenefitsEvents.LOAN_DISBURSED -> new ApplicationRow(state, year, null, null, time);
            case BenefitsEvents.HOUSE_COMPLETED, BenefitsEvents.TRAINING_COMPLETED ->
                new ApplicationRow(state, null, year, null, time);
            case BenefitsEvents.TRAINING_PLACED -> new ApplicationRow(state, null, null, year, time);
            default -> new ApplicationRow(state, null, null, null, time);
        };
    }
}
