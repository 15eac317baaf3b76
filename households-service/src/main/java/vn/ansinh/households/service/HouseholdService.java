package vn.ansinh.households.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.households.domain.Area;
import vn.ansinh.households.domain.CitizenId;
import vn.ansinh.households.domain.Classification;
import vn.ansinh.households.domain.Household;
import vn.ansinh.households.domain.HouseholdFilter;
import vn.ansinh.households.domain.Member;
import vn.ansinh.households.domain.PovertyStandard;
import vn.ansinh.households.domain.Survey;
import vn.ansinh.households.messaging.HouseholdEvents;
import vn.ansinh.households.messaging.HouseholdEvents.HouseholdClassified;
import vn.ansinh.households.messaging.HouseholdEvents.HouseholdRegistered;
import vn.ansinh.households.messaging.HouseholdEvents.HouseholdUpdated;
import vn.ansinh.households.messaging.HouseholdEvents.MemberDetails;
import vn.ansinh.households.messaging.HouseholdEvents.MemberMoved;
import vn.ansinh.households.messaging.HouseholdEvents.MemberRemoved;
import vn.ansinh.households.repository.HouseholdRepository;
import vn.ansinh.households.repository.MemberRepository;
import vn.ansinh.households.repository.SurveyRepository;
import vn.ansinh.platform.db.Ids;
import vn.ansinh.platform.outbox.Outbox;
import vn.ansinh.platform.problem.Problem.FieldError;
import vn.ansinh.platform.problem.ProblemException;

/**
 * The registry's changes: each one is validated as a whole, audited, and announced on
 * {@value HouseholdEvents#TOPIC} in the same transaction — all of it or nothing.
 */
@ApplicationScoped
@Transactional
public class HouseholdService {

    private final HouseholdRepository households;
    private final MemberRepository members;
    private final SurveyRepository surveys;
    private final AreaService areas;
    private final PovertyStandardService standards;
    private final AuditLog audit;
    private final Outbox outbox;

    public HouseholdService(HouseholdRepository households, MemberRepository members, SurveyRepository surveys,
            AreaService areas, PovertyStandardService standards, AuditLog audit, Outbox outbox) {
        this.households = households;
        this.members = members;
        this.surveys = surveys;
        this.areas = areas;
        this.standards = standards;
        this.audit = audit;
        this.outbox = outbox;
    }

    public record Registration(String code, Household.Details details, List<Member.Details> members) {
    }

    /** Registers a household with its members. */
    public Household register(Registration registration, String actor) {
        households.findByCode(registration.code()).ifPresent(existing -> {
            throw ProblemException.conflict("Household code " + registration.code()
                    + " is already registered (household " + existing.id() + ").");
        });
        Area area = areas.communeFor("areaCode", registration.details().areaCode());
        checkMembers(registration.members(), "members", null);
        Instant now = now();
        Household household = new Household(Ids.newId(), registration.code(), registration.details(), now, actor);
        households.persist(household);
        audit.record(actor, "household.registered", "household", household.id(), null, household.details());
        List<MemberDetails> registered = new ArrayList<>();
        for (Member.Details details : registration.members()) {
            Member member = new Member(Ids.newId(), household.id(), details, now, actor);
            members.persist(member);
            audit.record(actor, "member.added", "household", household.id(), null, memberState(member.id(), details));
            registered.add(memberDetails(member));
        }
        outbox.append(HouseholdEvents.TOPIC, household.id().toString(), HouseholdEvents.REGISTERED,
                registered(household, area, areas.districtOf(area), registered, List.of()));
        return household;
    }

    public Household update(UUID id, Household.Details details, String actor) {
        Household household = get(id);
        Area area = areas.communeFor("areaCode", details.areaCode());
        Household.Details before = household.details();
        Instant now = now();
        if (household.update(details, now, actor)) {
            audit.record(actor, "household.updated", "household", id, before, details);
            announceUpdate(household, area, now);
        }
        return household;
    }

    /**
     * The commune of a household was moved to another district: the household is the same, its
     * district is not, and consumers learn it from a household.updated event.
     */
    public void announceAreaChange(Household household) {
        announceUpdate(household, areas.get(household.areaCode()), now());
    }

    private void announceUpdate(Household household, Area area, Instant at) {
        outbox.append(HouseholdEvents.TOPIC, household.id().toString(), HouseholdEvents.UPDATED,
                new HouseholdUpdated(household.id(), household.code(), area.code(), areas.districtOf(area),
                        area.urban(), household.ethnicMinority(), household.meritFamily(), at));
    }

    public Member addMember(UUID householdId, Member.Details details, String actor) {
        Household household = get(householdId);
        checkMembers(List.of(details), null, null);
        return persistMember(household, details, now(), actor);
    }

    public Member updateMember(UUID householdId, UUID memberId, Member.Details details, String actor) {
        Member member = activeMember(householdId, memberId);
        checkMembers(List.of(details), null, memberId);
        Member.Details before = member.details();
        if (member.update(details, now(), actor)) {
            audit.record(actor, "member.updated", "household", householdId, memberState(memberId, before),
                    memberState(memberId, details));
            outbox.append(HouseholdEvents.TOPIC, householdId.toString(), HouseholdEvents.MEMBER_UPDATED,
                    memberDetails(member));
        }
        return member;
    }

    /** A member moved out or died: kept on record, no longer active, the citizen ID free again. */
    public Member removeMember(UUID householdId, UUID memberId, LocalDate leftOn, Member.LeftReason reason,
            String actor) {
        Member member = activeMember(householdId, memberId);
        member.leave(leftOn, reason, now(), actor);
        audit.record(actor, "member.removed", "household", householdId, memberState(memberId, member.details()),
                Map.of("memberId", memberId, "leftOn", leftOn.toString(), "reason", reason.name()));
        outbox.append(HouseholdEvents.TOPIC, householdId.toString(), HouseholdEvents.MEMBER_REMOVED,
                new MemberRemoved(householdId, memberId, leftOn, reason.name(), null));
        return member;
    }

    /**
     * A member moves to another household of the registry: the record in the first household is
     * closed (moved out), and the person joins the second under a new member record, so each
     * household keeps its own history. Both households announce it.
     */
    public Member moveMember(UUID householdId, UUID memberId, UUID toHouseholdId, LocalDate movedOn,
            Member.Relation relationToHead, String actor) {
        if (householdId.equals(toHouseholdId)) {
            throw ProblemException.invalid("toHouseholdId", "is the household the member is in already");
        }
        Member member = activeMember(householdId, memberId);
        Household target = households.findByIdOptional(toHouseholdId).orElseThrow(() -> ProblemException.invalid(
                "toHouseholdId", "no household with id " + toHouseholdId));
        Instant now = now();
        Member.Details before = member.details();
        member.leave(movedOn, Member.LeftReason.MOVED_OUT, now, actor);
        // free the citizen ID (unique among active members) before the new record claims it
        members.flush();
        Member.Details details = new Member.Details(before.fullName(), before.citizenId(), before.dateOfBirth(),
                before.sex(), relationToHead, before.ethnicity(), before.disability(), before.schoolEnrolled(),
                before.socialProtectionType());
        Member joined = new Member(Ids.newId(), target.id(), details, now, actor);
        members.persist(joined);
        audit.record(actor, "member.moved-out", "household", householdId, memberState(memberId, before),
                Map.of("memberId", memberId, "leftOn", movedOn.toString(), "movedTo", target.id()));
        audit.record(actor, "member.moved-in", "household", target.id(), null,
                Map.of("memberId", joined.id(), "details", details, "from", householdId));
        outbox.append(HouseholdEvents.TOPIC, householdId.toString(), HouseholdEvents.MEMBER_REMOVED,
                new MemberRemoved(householdId, memberId, movedOn, Member.LeftReason.MOVED_OUT.name(), target.id()));
        outbox.append(HouseholdEvents.TOPIC, target.id().toString(), HouseholdEvents.MEMBER_MOVED,
                new MemberMoved(target.id(), joined.id(), details.fullName(), details.citizenId(),
                        details.dateOfBirth(), details.sex().name(), relationToHead.name(), details.ethnicity(),
                        details.disability(), details.schoolEnrolled(), details.socialProtectionType(), householdId,
                        memberId, movedOn));
        return joined;
    }

    /**
     * Records a household's survey of a year and classifies it by that year's standard. Answers
     * equal to those on record change nothing. Later surveys whose newly-escaped status depends on
     * this one are derived again.
     */
    public Survey recordSurvey(UUID householdId, int year, Survey.Answers answers, String actor) {
        Household household = get(householdId);
        Area area = areas.communeFor("areaCode", household.areaCode());
        PovertyStandard standard = standards.forSurveyYear("year", year);
        Classification classification = standards.classify(standard, answers.incomePerPersonMonth(),
                answers.deprivations(), area.urban());
        Survey survey = surveys.findByIdOptional(new Survey.Key(householdId, year)).orElse(null);
        boolean created = survey == null;
        if (created) {
            survey = new Survey(householdId, year);
        }
        Survey.Answers before = survey.answers();
        Survey previous = surveys.latestBefore(householdId, year).orElse(null);
        Instant now = now();
        if (survey.record(answers, area.code(), area.urban(), classification, previous, now, actor)) {
            if (created) {
                surveys.persist(survey);
            }
            audit.record(actor, created ? "survey.recorded" : "survey.corrected", "household", householdId,
                    before == null ? null : Map.of("year", year, "answers", before),
                    Map.of("year", year, "answers", answers, "category", survey.category()));
            announceClassification(household, survey, area);
            rederiveLaterSurveys(household, year, actor, now);
        }
        return survey;
    }

    private void rederiveLaterSurveys(Household household, int year, String actor, Instant now) {
        Survey previous = surveys.findById(new Survey.Key(household.id(), year));
        for (Survey later : surveys.history(household.id())) {
            if (later.year() <= year) {
                continue;
            }
            Area area = areas.get(later.areaCode());
            PovertyStandard standard = standards.get(later.standardId());
            Classification classification = standard.classify(later.incomePerPersonMonth(), later.deprivations(),
                    later.urban());
            if (later.record(later.answers(), later.areaCode(), later.urban(), classification, previous, now, actor)) {
                announceClassification(household, later, area);
            }
            previous = later;
        }
    }

    private void announceClassification(Household household, Survey survey, Area area) {
        outbox.append(HouseholdEvents.TOPIC, household.id().toString(), HouseholdEvents.CLASSIFIED,
                classified(household, survey, area, areas.districtOf(area), (int) members.activeIn(household.id())));
    }

    static HouseholdRegistered registered(Household household, Area area, String districtCode,
            List<MemberDetails> registeredMembers, List<HouseholdClassified> classifications) {
        return new HouseholdRegistered(household.id(), household.code(), area.code(), districtCode, area.urban(),
                household.ethnicMinority(), household.meritFamily(), household.createdAt(), classifications,
                registeredMembers);
    }

    static HouseholdClassified classified(Household household, Survey survey, Area area, String districtCode,
            int activeMembers) {
        return new HouseholdClassified(household.id(), survey.year(), survey.category().name(),
                survey.previousCategory() == null ? null : survey.previousCategory().name(), survey.newlyEscaped(),
                survey.newlyEscapedSince(), survey.deprivationCount(), List.copyOf(survey.deprivations()),
                survey.standardId(), area.code(), districtCode, area.urban(), household.ethnicMinority(),
                household.meritFamily(), activeMembers);
    }

    private Member persistMember(Household household, Member.Details details, Instant now, String actor) {
        // a member joining later: one event of its own
        Member member = new Member(Ids.newId(), household.id(), details, now, actor);
        members.persist(member);
        audit.record(actor, "member.added", "household", household.id(), null, memberState(member.id(), details));
        outbox.append(HouseholdEvents.TOPIC, household.id().toString(), HouseholdEvents.MEMBER_ADDED,
                memberDetails(member));
        return member;
    }

    private static Map<String, Object> memberState(UUID memberId, Member.Details details) {
        return Map.of("memberId", memberId, "details", details);
    }

    static MemberDetails memberDetails(Member member) {
        return memberDetails(new Member.New(member.id(), member.householdId(), member.details()));
    }

    static MemberDetails memberDetails(Member.New member) {
        Member.Details d = member.details();
        return new MemberDetails(member.householdId(), member.id(), d.fullName(), d.citizenId(), d.dateOfBirth(),
                d.sex().name(), d.relationToHead().name(), d.ethnicity(), d.disability(), d.schoolEnrolled(),
                d.socialProtectionType());
    }

    /**
     * Citizen IDs must be valid, not repeated within the request, and not active in any household
     * (other than the member being updated, {@code self}).
     */
    private void checkMembers(List<Member.Details> candidates, String listField, UUID self) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Member.Details details = candidates.get(i);
            String field = (listField == null ? "" : listField + "[" + i + "].") + "citizenId";
            if (details.citizenId() == null) {
                continue;
            }
            String problem = CitizenId.problem(details.citizenId(), details.dateOfBirth(), details.sex());
            if (problem != null) {
                errors.add(new FieldError(field, problem));
                continue;
            }
            Integer first = seen.putIfAbsent(details.citizenId(), i);
            if (first != null) {
                errors.add(new FieldError(field, "repeats the citizen ID of " + listField + "[" + first + "]"));
                continue;
            }
            members.activeWithCitizenId(details.citizenId()).filter(other -> !other.id().equals(self))
                    .ifPresent(other -> errors.add(new FieldError(field, "citizen ID " + details.citizenId()
                            + " is already an active member of household " + households.findById(other.householdId())
                                    .code() + " (member " + other.id() + ")")));
        }
        if (!errors.isEmpty()) {
            boolean conflict = errors.stream().allMatch(e -> e.message().startsWith("citizen ID "));
            throw new ProblemException(conflict ? 409 : 400, conflict ? "Conflict" : "Invalid request",
                    conflict ? "A member is already registered in another household." : "The request has invalid fields.",
                    errors);
        }
    }

    private Member activeMember(UUID householdId, UUID memberId) {
        Member member = members.findById(memberId);
        if (member == null || !member.householdId().equals(householdId)) {
            throw ProblemException.notFound("Household " + householdId + " has no member " + memberId + ".");
        }
        if (!member.active()) {
            throw ProblemException.conflict("Member " + memberId + " left the household on " + member.leftOn() + ".");
        }
        return member;
    }

    /** Now, to the microsecond that PostgreSQL keeps, so that a value read back equals the one written. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Household get(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("No household with id " + id + "."));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<Household> find(UUID id) {
        return households.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Member> members(UUID householdId) {
        get(householdId);
        return members.ofHousehold(householdId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Survey> history(UUID householdId) {
        get(householdId);
        return surveys.history(householdId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SearchResult search(HouseholdFilter filter, int page, int size) {
        HouseholdRepository.Matches matches = households.search(filter, page, size);
        return new SearchResult(matches.page(), matches.total());
    }

    public record SearchResult(List<Household> households, long total) {
    }
}
