package vn.ansinh.benefits.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.benefits.domain.Catalogue;
import vn.ansinh.benefits.domain.Classification;
import vn.ansinh.benefits.domain.Entitlement;
import vn.ansinh.benefits.domain.EntitlementFilter;
import vn.ansinh.benefits.domain.Household;
import vn.ansinh.benefits.domain.Member;
import vn.ansinh.benefits.messaging.EntitlementEvents;
import vn.ansinh.benefits.messaging.EntitlementEvents.EntitlementState;
import vn.ansinh.benefits.repository.CatalogueRepository;
import vn.ansinh.benefits.repository.EntitlementRepository;
import vn.ansinh.platform.db.Ids;
import vn.ansinh.platform.outbox.Outbox;

/**
 * Keeps a household's automatic entitlements equal to what it is owed: those due are granted
 * (or brought up to date), those no longer due are ended on the day the change takes effect.
 * The support year is the one after the survey that classified the household (the list made at
 * the end of 2023 decides support in 2024). One entitlement per beneficiary, programme and
 * period, by a database constraint: computing the same twice changes nothing.
 */
@ApplicationScoped
public class EntitlementService {

    private final EntitlementRepository entitlements;
    private final CatalogueRepository catalogue;
    private final Outbox outbox;

    public EntitlementService(EntitlementRepository entitlements, CatalogueRepository catalogue, Outbox outbox) {
        this.entitlements = entitlements;
        this.catalogue = catalogue;
        this.outbox = outbox;
    }

    /**
     * Brings the household's entitlements of the support year of its latest classification in
     * line with it; what ends, ends on {@code effective} (within each entitlement's period).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcile(UUID householdId, LocalDate effective, String reason, Instant at, RegistrySnapshot snapshot) {
        Classification latest = snapshot.latest(householdId);
        if (latest == null) {
            return; // not yet classified: nothing is owed
        }
        int year = latest.year() + 1;
        Map<String, Entitlement> existing = new HashMap<>();
        snapshot.entitlementsStartingIn(householdId, year).forEach(e -> existing.put(e.key(), e));
        List<Member> members = snapshot.activeMembers(householdId);
        if (latest.standing() == null && members.stream().allMatch(m -> m.socialProtectionType() == null)
                && existing.values().stream().noneMatch(e -> e.status() == Entitlement.Status.ACTIVE)) {
            return; // most households: owed nothing, and nothing to end
        }
        Household household = snapshot.household(householdId);
        List<Catalogue.Due> due = snapshot.catalogue().due(householdId, members, latest.standing(), year);
        for (Catalogue.Due owed : due) {
            Entitlement entitlement = existing.remove(owed.programmeCode() + '/' + owed.beneficiaryId() + '/'
                    + owed.period());
            if (entitlement == null) {
                entitlement = new Entitlement(Ids.newId(), householdId, latest.year(), owed, at);
                snapshot.created(entitlement); // inserted with COPY when the batch completes
                announce(EntitlementEvents.GRANTED, entitlement, household, snapshot);
            } else if (entitlement.grant(latest.year(), owed, at)) {
                announce(EntitlementEvents.CHANGED, entitlement, household, snapshot);
            }
        }
        for (Entitlement noLongerDue : existing.values()) {
            // a period that was over before the change (a past month or quarter) was owed in full: it stays
            if (noLongerDue.status() == Entitlement.Status.ACTIVE && !noLongerDue.periodEnd().isBefore(effective)) {
                noLongerDue.end(effective, reason, at);
                announce(EntitlementEvents.ENDED, noLongerDue, household, snapshot);
            }
        }
    }

    /**
     * Appends the events the batch's changes collected, in one statement (one flush of the
     * persistence context instead of one per entitlement).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishCollected(RegistrySnapshot snapshot) {
        List<Outbox.NewEvent> events = snapshot.takeEvents();
        if (!events.isEmpty()) {
            outbox.appendAll(events);
        }
    }

    private static void announce(String type, Entitlement e, Household household, RegistrySnapshot snapshot) {
        snapshot.publish(new Outbox.NewEvent(EntitlementEvents.TOPIC, e.householdId().toString(), type,
                new EntitlementState(e.id(),
                e.programmeCode(), e.householdId(), e.memberId(), e.period(), e.periodStart(), e.periodEnd(),
                e.surveyYear(), e.standing() == null ? null : e.standing().name(), e.amountVnd(), e.stateVnd(),
                e.provinceVnd(), e.status().name(),
                e.endedOn(), e.endReason(), household.areaCode(), household.districtCode())));
    }

    public record Found(List<Entitlement> items, long total) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Found search(EntitlementFilter filter, int page, int size) {
        EntitlementRepository.Matches matches = entitlements.search(filter, page, size);
        return new Found(matches.page(), matches.total());
    }
}
