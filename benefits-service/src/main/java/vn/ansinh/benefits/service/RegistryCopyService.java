package vn.ansinh.benefits.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.benefits.domain.Classification;
import vn.ansinh.benefits.domain.Household;
import vn.ansinh.benefits.domain.Member;
import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdClassified;
import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdRegistered;
import vn.ansinh.benefits.messaging.RegistryEvents.HouseholdUpdated;
import vn.ansinh.benefits.messaging.RegistryEvents.MemberDetails;
import vn.ansinh.benefits.messaging.RegistryEvents.MemberRemoved;
import vn.ansinh.benefits.repository.CatalogueRepository;
import vn.ansinh.benefits.repository.ClassificationRepository;
import vn.ansinh.benefits.repository.HouseholdRepository;
import vn.ansinh.benefits.repository.MemberRepository;
import vn.ansinh.benefits.repository.RegistryCopyRepository;
import vn.ansinh.platform.events.MalformedEventException;
import vn.ansinh.platform.problem.ProblemException;

/**
 * This service's copy of the registry, changed only by the registry's events (each applied in
 * the consumer's transaction together with the event's id), and the entitlements that follow.
 */
@ApplicationScoped
@Transactional
public class RegistryCopyService {

    /** Dates of the province: an event at 23:30 UTC is the next day in Bắc Giang. */
    static final ZoneId PROVINCE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final HouseholdRepository households;
    private final MemberRepository members;
    private final ClassificationRepository classifications;
    private final RegistryCopyRepository copies;
    private final CatalogueRepository catalogue;
    private final EntitlementService entitlements;

    public RegistryCopyService(HouseholdRepository households, MemberRepository members,
            ClassificationRepository classifications, RegistryCopyRepository copies,
            CatalogueRepository catalogue, EntitlementService entitlements) {
        this.copies = copies;
        this.catalogue = catalogue;
        this.households = households;
        this.members = members;
        this.classifications = classifications;
        this.entitlements = entitlements;
    }

    /** Loads at once what a batch of events about these households needs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RegistrySnapshot snapshot(Collection<UUID> householdIds) {
        return new RegistrySnapshot(householdIds, copies.load(householdIds), catalogue.load());
    }

    /**
     * Writes the rows the batch created and appends the events its changes collected (see
     * {@link EntitlementService#publishCollected}); changed entities are written at commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishCollected(RegistrySnapshot snapshot) {
        snapshot.insertCreated(copies);
        entitlements.publishCollected(snapshot);
    }

    public void registered(HouseholdRegistered event, Instant at, RegistrySnapshot snapshot) {
        Household household = snapshot.household(event.householdId());
        boolean created = household == null;
        if (created) {
            household = new Household(event.householdId(), event.registeredAt());
        }
        // described before persisting: Hibernate inserts the state an entity had when persisted
        household.describe(event.code(), event.areaCode(), event.districtCode(), event.urban(),
                event.ethnicMinority(), event.meritFamily(), at);
        if (created) {
            snapshot.created(household);
        }
        for (MemberDetails member : event.members()) {
            copy(member, at, snapshot);
        }
        // as if each had come as its own household.classified, in order: each survey year's
        // classification grants the next year's entitlements
        for (HouseholdClassified classification : event.classifications()) {
            classified(classification, at, snapshot);
        }
    }

    public void updated(HouseholdUpdated event, Instant at, RegistrySnapshot snapshot) {
        household(event.householdId(), snapshot).describe(event.code(), event.areaCode(), event.districtCode(),
                event.urban(), event.ethnicMinority(), event.meritFamily(), at);
    }

    /** A member added, corrected or moved in: its entitlements follow the household's standing. */
    public void member(MemberDetails event, Instant at, RegistrySnapshot snapshot) {
        household(event.householdId(), snapshot);
        copy(event, at, snapshot);
        entitlements.reconcile(event.householdId(), day(at), "member changed", at, snapshot);
    }

    /** A member who left is owed nothing from the day of leaving. */
    public void memberRemoved(MemberRemoved event, Instant at, RegistrySnapshot snapshot) {
        household(event.householdId(), snapshot);
        Member member = snapshot.member(event.householdId(), event.memberId());
        if (member == null) {
            throw new MalformedEventException("member.removed of unknown member " + event.memberId());
        }
        member.left(event.leftOn(), at);
        entitlements.reconcile(event.householdId(), event.leftOn(),
                "member left the household on " + event.leftOn() + " (" + event.reason() + ")", at, snapshot);
    }

    public void classified(HouseholdClassified event, Instant at, RegistrySnapshot snapshot) {
        Household household = household(event.householdId(), snapshot);
        Classification classification = snapshot.classification(household.id(), event.year());
        boolean created = classification == null;
        if (created) {
            classification = new Classification(household.id(), event.year());
        }
        classification.classify(event.category(), event.previousCategory(), event.newlyEscapedSince(),
                event.deprivationCount(), event.areaCode(), event.districtCode(), at);
        if (created) {
            snapshot.created(classification);
        }
        entitlements.reconcile(household.id(), day(at), "household classified " + event.category() + " in the "
                + event.year() + " survey", at, snapshot);
    }

    private void copy(MemberDetails event, Instant at, RegistrySnapshot snapshot) {
        Member member = snapshot.member(event.householdId(), event.memberId());
        boolean created = member == null;
        if (created) {
            member = new Member(event.memberId(), event.householdId());
        }
        member.describe(event.fullName(), event.citizenId(), event.dateOfBirth(), event.sex(), event.relationToHead(),
                event.disability(), event.schoolEnrolled(), event.socialProtectionType(), at);
        if (created) {
            snapshot.created(member);
        }
    }

    private static Household household(UUID id, RegistrySnapshot snapshot) {
        Household household = snapshot.household(id);
        if (household == null) {
            // events of one household come in order on its key: this one's registration is missing
            throw new MalformedEventException("no household " + id + " has been registered");
        }
        return household;
    }

    static LocalDate day(Instant at) {
        return at.atZone(PROVINCE_ZONE).toLocalDate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Household get(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Household> find(UUID id) {
        return households.findByIdOptional(id);
    }

    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound(
                "benefits-service has no copy of household " + id + " (not registered, or its event not yet applied).");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Member> members(UUID householdId) {
        get(householdId);
        return members.ofHousehold(householdId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Classification> classifications(UUID householdId) {
        get(householdId);
        return classifications.ofHousehold(householdId);
    }
}
