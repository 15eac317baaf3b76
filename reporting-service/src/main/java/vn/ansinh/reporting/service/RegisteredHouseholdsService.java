package vn.ansinh.reporting.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.reporting.messaging.RegistryEvents.HouseholdRegistered;
import vn.ansinh.reporting.repository.RegisteredHouseholdsRepository;
import vn.ansinh.reporting.domain.AreaCount;

@ApplicationScoped
@Transactional
public class RegisteredHouseholdsService {

    private final RegisteredHouseholdsRepository households;

    public RegisteredHouseholdsService(RegisteredHouseholdsRepository households) {
        this.households = households;
    }

    /** Counts a newly registered household in its commune, once however often it is announced. */
    public void registered(HouseholdRegistered event) {
        if (households.placeHousehold(event.householdId(), event.areaCode())) {
            households.addToArea(event.areaCode(), 1);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AreaCount> byArea() {
        return households.byArea();
    }
}
