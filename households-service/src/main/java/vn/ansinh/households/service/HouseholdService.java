package vn.ansinh.households.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.households.domain.Household;
import vn.ansinh.households.messaging.HouseholdEvents;
import vn.ansinh.households.messaging.HouseholdEvents.HouseholdRegistered;
import vn.ansinh.households.repository.HouseholdRepository;
import vn.ansinh.platform.outbox.Outbox;
import vn.ansinh.platform.problem.ProblemException;

@ApplicationScoped
@Transactional
public class HouseholdService {

    private final HouseholdRepository households;
    private final Outbox outbox;

    public HouseholdService(HouseholdRepository households, Outbox outbox) {
        this.households = households;
        this.outbox = outbox;
    }

    public record Registration(String code, String areaCode, String address, String headName) {
    }

    /** Registers a household and announces it, both or neither. */
    public Household register(Registration registration, String officer) {
        households.findByCode(registration.code()).ifPresent(existing -> {
            throw ProblemException.conflict("Household code " + registration.code()
                    + " is already registered (household " + existing.id() + ").");
        });
        Household household = new Household(UUID.randomUUID(), registration.code(), registration.areaCode(),
                registration.address(), registration.headName(), Instant.now(), officer);
        households.persist(household);
        outbox.append(HouseholdEvents.TOPIC, household.id().toString(), HouseholdEvents.REGISTERED,
                new HouseholdRegistered(household.id(), household.code(), household.areaCode(), household.createdAt()));
        return household;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Household get(UUID id) {
        return households.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No household with id " + id + "."));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Household> list(int page, int size) {
        return households.findAll(io.quarkus.panache.common.Sort.by("code")).page(page, size).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return households.count();
    }
}
