package vn.ansinh.benefits.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import vn.ansinh.benefits.domain.Catalogue;
import vn.ansinh.benefits.domain.Classification;
import vn.ansinh.benefits.domain.Entitlement;
import vn.ansinh.benefits.domain.Household;
import vn.ansinh.benefits.domain.Member;
import vn.ansinh.benefits.repository.RegistryCopyRepository;
import vn.ansinh.platform.outbox.Outbox;

/**
 * What a batch of registry events needs of this service's data, loaded at once for all the
 * batch's households (a few queries instead of several per event) and kept up to date as the
 * events are applied. Lives for one transaction.
 */
public final class RegistrySnapshot {

    private final Set<UUID> loaded = new HashSet<>();
    private final Map<UUID, Household> households = new HashMap<>();
    private final Map<UUID, Map<UUID, Member>> members = new HashMap<>();
    private final Map<UUID, TreeMap<Integer, Classification>> classifications = new HashMap<>();
    private final Map<UUID, List<Entitlement>> entitlements = new HashMap<>();
    private final Catalogue catalogue;
    /** Rows the batch created: not entities of the session, inserted at once when the batch completes. */
    private final List<Household> newHouseholds = new ArrayList<>();
    private final List<Member> newMembers = new ArrayList<>();
    private final List<Classification> newClassifications = new ArrayList<>();
    private final List<Entitlement> newEntitlements = new ArrayList<>();
    /** Events of the batch's changes, appended to the outbox at once when the batch completes. */
    private final List<Outbox.NewEvent> events = new ArrayList<>();

    RegistrySnapshot(Collection<UUID> householdIds, RegistryCopyRepository.Rows rows, Catalogue catalogue) {
        this.loaded.addAll(householdIds);
        rows.households().forEach(this::add);
        rows.members().forEach(this::add);
        rows.classifications().forEach(this::add);
        rows.entitlements().forEach(this::add);
        this.catalogue = catalogue;
    }

    void publish(Outbox.NewEvent event) {
        events.add(event);
    }

    /** The events collected so far; taking them empties the list. */
    List<Outbox.NewEvent> takeEvents() {
        List<Outbox.NewEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    /** Whether the snapshot holds everything of this household (else the caller must not rely on it). */
    boolean covers(UUID householdId) {
        return loaded.contains(householdId);
    }

    Household household(UUID id) {
        return households.get(id);
    }

    Member member(UUID householdId, UUID memberId) {
        return members.getOrDefault(householdId, Map.of()).get(memberId);
    }

    List<Member> activeMembers(UUID householdId) {
        return members.getOrDefault(householdId, Map.of()).values().stream().filter(Member::active).toList();
    }

    Classification classification(UUID householdId, int year) {
        TreeMap<Integer, Classification> years = classifications.get(householdId);
        return years == null ? null : years.get(year);
    }

    Classification latest(UUID householdId) {
        TreeMap<Integer, Classification> years = classifications.get(householdId);
        return years == null || years.isEmpty() ? null : years.lastEntry().getValue();
    }

    List<Entitlement> entitlementsStartingIn(UUID householdId, int year) {
        List<Entitlement> found = new ArrayList<>();
        for (Entitlement e : entitlements.getOrDefault(householdId, List.of())) {
            if (e.periodStart().getYear() == year) {
                found.add(e);
            }
        }
        return found;
    }

    Catalogue catalogue() {
        return catalogue;
    }

    void created(Household household) {
        newHouseholds.add(household);
        add(household);
    }

    void created(Member member) {
        newMembers.add(member);
        add(member);
    }

    void created(Classification classification) {
        newClassifications.add(classification);
        add(classification);
    }

    /** An entitlement the batch granted: inserted with the registry rows when the batch completes. */
    void created(Entitlement entitlement) {
        newEntitlements.add(entitlement);
        add(entitlement);
    }

    /** Inserts the rows the batch created, in their state now; then forgets them as new. */
    void insertCreated(RegistryCopyRepository copies) {
        copies.insert(newHouseholds, newMembers, newClassifications, newEntitlements);
        newHouseholds.clear();
        newMembers.clear();
        newClassifications.clear();
        newEntitlements.clear();
    }

    private void add(Household household) {
        households.put(household.id(), household);
    }

    private void add(Member member) {
        members.computeIfAbsent(member.householdId(), k -> new LinkedHashMap<>()).put(member.id(), member);
    }

    private void add(Classification classification) {
        classifications.computeIfAbsent(classification.householdId(), k -> new TreeMap<>())
                .put(classification.year(), classification);
    }

    void add(Entitlement entitlement) {
        entitlements.computeIfAbsent(entitlement.householdId(), k -> new ArrayList<>()).add(entitlement);
    }
}
