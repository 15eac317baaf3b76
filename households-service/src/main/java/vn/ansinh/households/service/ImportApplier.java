package vn.ansinh.households.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.ansinh.households.domain.Area;
import vn.ansinh.households.domain.AuditEntry;
import vn.ansinh.households.domain.Household;
import vn.ansinh.households.domain.ImportJob;
import vn.ansinh.households.domain.ImportRows.HouseholdGroup;
import vn.ansinh.households.domain.ImportRows.MemberRow;
import vn.ansinh.households.domain.ImportRows.SurveyRow;
import vn.ansinh.households.domain.Member;
import vn.ansinh.households.domain.PovertyStandard;
import vn.ansinh.households.domain.Survey;
import vn.ansinh.households.messaging.HouseholdEvents;
import vn.ansinh.households.messaging.HouseholdEvents.HouseholdClassified;
import vn.ansinh.households.messaging.HouseholdEvents.MemberDetails;
import vn.ansinh.households.repository.AreaRepository;
import vn.ansinh.households.repository.HouseholdRepository;
import vn.ansinh.households.repository.MemberRepository;
import vn.ansinh.households.repository.PovertyStandardRepository;
import vn.ansinh.households.repository.SurveyRepository;
import vn.ansinh.platform.db.Ids;
import vn.ansinh.platform.outbox.Outbox;
import vn.ansinh.platform.outbox.Outbox.NewEvent;

/**
 * Applies one chunk of checked import rows in one transaction. Households new to the registry
 * (a province's first import: nearly all of them) are built in memory — classified by the same
 * standard and rules as a single survey — and written with COPY, with one event each
 * ({@code household.registered} carrying its members and its surveys' classifications) and one
 * audit entry each (who, when, from which job and line). Households already registered go
 * through {@link HouseholdService} change by change, and only where the rows differ from what the
 * registry holds, so that importing the same files again changes nothing.
 */
@ApplicationScoped
public class ImportApplier {

    private final HouseholdRepository households;
    private final MemberRepository members;
    private final SurveyRepository surveys;
    private final AreaRepository areas;
    private final PovertyStandardRepository standards;
    private final HouseholdService registry;
    private final AuditLog audit;
    private final Outbox outbox;

    public ImportApplier(HouseholdRepository households, MemberRepository members, SurveyRepository surveys,
            AreaRepository areas, PovertyStandardRepository standards, HouseholdService registry, AuditLog audit,
            Outbox outbox) {
        this.households = households;
        this.members = members;
        this.surveys = surveys;
        this.areas = areas;
        this.standards = standards;
        this.registry = registry;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** What a chunk changed, and how many of its rows were applied (changed or found equal). */
    public record Applied(int rows, ImportJob.Changes changes) {
    }

    @Transactional
    public Applied apply(UUID jobId, List<HouseholdGroup> chunk, String actor) {
        Map<String, Household> registered = households.byCodes(chunk.stream().map(HouseholdGroup::code).toList());
        Counter counter = new Counter();
        List<HouseholdGroup> existing = chunk.stream().filter(g -> registered.containsKey(g.code())).toList();
        if (!existing.isEmpty()) {
            applyToRegistered(existing, registered, actor, counter);
        }
        List<HouseholdGroup> created = chunk.stream().filter(g -> !registered.containsKey(g.code())).toList();
        if (!created.isEmpty()) {
            create(jobId, created, actor, counter);
        }
        int rows = chunk.stream().mapToInt(g -> (g.household() == null ? 0 : 1) + g.members().size()
                + g.surveys().size()).sum();
        return new Applied(rows, counter.changes());
    }

    private void applyToRegistered(List<HouseholdGroup> groups, Map<String, Household> registered, String actor,
            Counter counter) {
        List<UUID> ids = groups.stream().map(g -> registered.get(g.code()).id()).toList();
        Map<UUID, List<Member>> activeMembers = members.activeIn(ids).stream()
                .collect(Collectors.groupingBy(Member::householdId));
        Map<UUID, Map<Integer, Survey.Answers>> recorded = new HashMap<>();
        surveys.ofHouseholds(ids).forEach(s -> recorded.computeIfAbsent(s.householdId(), k -> new HashMap<>())
                .put(s.year(), s.answers()));
        for (HouseholdGroup group : groups) {
            Household household = registered.get(group.code());
            if (group.household() != null && !household.details().equals(group.household().details())) {
                registry.update(household.id(), group.household().details(), actor);
                counter.householdsUpdated++;
            }
            List<Member> current = new ArrayList<>(activeMembers.getOrDefault(household.id(), List.of()));
            for (MemberRow row : group.members()) {
                Member match = current.stream().filter(m -> samePerson(m.details(), row.details())).findFirst()
                        .orElse(null);
                if (match == null) {
                    current.add(registry.addMember(household.id(), row.details(), actor));
                    counter.membersAdded++;
                } else if (!match.details().equals(row.details())) {
                    registry.updateMember(household.id(), match.id(), row.details(), actor);
                    counter.membersUpdated++;
                }
            }
            Map<Integer, Survey.Answers> answers = recorded.getOrDefault(household.id(), Map.of());
            for (SurveyRow row : group.surveys()) {
                if (!row.answers().equals(answers.get(row.year()))) {
                    registry.recordSurvey(household.id(), row.year(), row.answers(), actor);
                    counter.surveysRecorded++;
                }
            }
        }
    }

    /** The same person: the same citizen ID, or, without one, the same name and date of birth. */
    private static boolean samePerson(Member.Details a, Member.Details b) {
        if (a.citizenId() != null || b.citizenId() != null) {
            return a.citizenId() != null && a.citizenId().equals(b.citizenId());
        }
        return a.fullName().equalsIgnoreCase(b.fullName()) && a.dateOfBirth().equals(b.dateOfBirth());
    }

    private void create(UUID jobId, List<HouseholdGroup> groups, String actor, Counter counter) {
        Map<String, Area> areaByCode = areas.listAll().stream().collect(Collectors.toMap(Area::code, a -> a));
        List<PovertyStandard> allStandards = standards.allByPeriod();
        Map<Integer, PovertyStandard> standardByYear = new HashMap<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        List<Household> newHouseholds = new ArrayList<>(groups.size());
        List<Member.New> newMembers = new ArrayList<>();
        List<Survey> newSurveys = new ArrayList<>();
        List<NewEvent> events = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>(groups.size());
        for (HouseholdGroup group : groups) {
            Household household = new Household(Ids.newId(), group.code(), group.household().details(), now,
                    actor);
            Area area = areaByCode.get(household.areaCode());
            String district = area.parentCode();
            newHouseholds.add(household);
            List<MemberDetails> householdMembers = new ArrayList<>(group.members().size());
            for (MemberRow row : group.members()) {
                Member.New member = new Member.New(Ids.newId(), household.id(), row.details());
                newMembers.add(member);
                householdMembers.add(HouseholdService.memberDetails(member));
            }

            // the surveys' classifications travel inside household.registered: one event per new
            // household instead of one more per survey (an import's 1.9 million events were 477,000)
            List<HouseholdClassified> classifications = new ArrayList<>(group.surveys().size());
            Survey previous = null;
            for (SurveyRow row : group.surveys()) {
                PovertyStandard standard = standardByYear.computeIfAbsent(row.year(),
                        year -> allStandards.stream().filter(s -> s.covers(year)).findFirst().orElseThrow());
                Survey survey = new Survey(household.id(), row.year());
                survey.record(row.answers(), area.code(), area.urban(), standard.classify(
                        row.answers().incomePerPersonMonth(), row.answers().deprivations(), area.urban()), previous,
                        now, actor);
                newSurveys.add(survey);
                classifications.add(HouseholdService.classified(household, survey, area, district,
                        group.members().size()));
                previous = survey;
            }
            events.add(new NewEvent(HouseholdEvents.TOPIC, household.id().toString(), HouseholdEvents.REGISTERED,
                    HouseholdService.registered(household, area, district, householdMembers, classifications)));

            // who created it, when, from which job and line; not the state itself: that is what the
            // rows written here hold (and each later change records its before and after), and
            // copying it into the audit as well made the audit the largest write of an import
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("importJob", jobId);
            source.put("line", group.household().line());
            source.put("code", household.code());
            source.put("members", householdMembers.size());
            source.put("surveyYears", group.surveys().stream().map(SurveyRow::year).toList());
            entries.add(audit.entry(actor, "household.imported", "household", household.id(), null, source));
        }
        households.insertNew(newHouseholds);
        members.insertNew(newMembers, now, actor);
        surveys.insertNew(newSurveys);
        outbox.appendForNewAggregates(events);
        audit.recordAll(entries);
        counter.householdsCreated += newHouseholds.size();
        counter.membersAdded += newMembers.size();
        counter.surveysRecorded += newSurveys.size();
    }

    private static final class Counter {
        int householdsCreated;
        int householdsUpdated;
        int membersAdded;
        int membersUpdated;
        int surveysRecorded;

        ImportJob.Changes changes() {
            return new ImportJob.Changes(householdsCreated, householdsUpdated, membersAdded, membersUpdated,
                    surveysRecorded);
        }
    }
}
