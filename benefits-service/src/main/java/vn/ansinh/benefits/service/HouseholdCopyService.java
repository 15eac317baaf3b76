package vn.ansinh.benefits.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.benefits.domain.Household;
import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdRegistered;
import vn.ansinh.benefits.repository.HouseholdRepository;
import vn.ansinh.platform.problem.ProblemException;

@ApplicationScoped
@Transactional
public class HouseholdCopyService {

    private final HouseholdRepository households;

    public HouseholdCopyService(HouseholdRepository households) {
        this.households = households;
    }

    /** Applies a registration; runs in the consumer's transaction together with the event's id. */
    public void registered(HouseholdRegistered event, Instant eventTime) {
        Household household = households.findById(event.householdId());
        if (household == null) {
            households.persist(new Household(event.householdId(), event.code(), event.areaCode(),
                    event.registeredAt(), eventTime));
        } else {
            household.registered(event.code(), event.areaCode(), event.registeredAt(), eventTime);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Household get(UUID id) {
        return households.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound(
                "benefits-service has no copy of household " + id + " (not registered, or its event not yet applied)."));
    }
}
