package vn.ansinh.households.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.ansinh.households.domain.Area;
import vn.ansinh.households.domain.ImportError;
import vn.ansinh.households.domain.ImportRows.HouseholdGroup;
import vn.ansinh.households.domain.ImportRows.MemberRow;
import vn.ansinh.households.domain.ImportRows.SurveyRow;
import vn.ansinh.households.domain.PovertyStandard;

/**
 * The checks across rows of an import read household by household ({@link SortedFiles}): the
 * same rules, and the same messages, as the set-based queries over staged rows
 * (ImportStagingRepository), made while the files are read. What needs the registry is asked in
 * batches; citizen IDs repeated within members.csv are found at the end from a compact list of
 * them all (8 bytes a member).
 */
final class GroupChecks {

    /** What the checks need to know of the registry. */
    interface Registry {
        /** Which of these household codes are registered. */
        Set<String> registered(Collection<String> codes);

        /** The household code of each of these citizen IDs that is an active member of one. */
        Map<String, String> activeMemberships(Collection<String> citizenIds);
    }

    private static final int LOOKUP_BATCH = 5_000;
    private static final int LINE_BITS = 24;

    private final ImportErrors errors;
    private final Registry registry;
    private final Map<String, Area> areas = new HashMap<>();
    private final List<PovertyStandard> standards;
    private final Map<String, Set<String>> indicators = new HashMap<>();
    private final List<HouseholdGroup> unknown = new ArrayList<>();
    private final List<MemberRow> withCitizenId = new ArrayList<>();
    // citizen ID (12 digits: under 2^40) and line, packed: sorted, repeats of an ID lie side by side
    private long[] citizenIds = new long[1 << 16];
    private int citizenIdCount;

    GroupChecks(ImportErrors errors, Collection<Area> areas, List<PovertyStandard> standards, Registry registry) {
        this.errors = errors;
        this.registry = registry;
        areas.forEach(area -> this.areas.put(area.code(), area));
        this.standards = standards;
        standards.forEach(standard -> indicators.put(standard.id(), standard.indicatorCodes()));
    }

    void check(HouseholdGroup group) {
        if (group.household() != null) {
            String code = group.household().details().areaCode();
            Area area = areas.get(code);
            if (area == null || area.level() != Area.Level.COMMUNE || area.validTo() != null) {
                errors.add(new ImportError(SurveyFiles.HOUSEHOLDS, group.household().line(), "area_code",
                        area == null ? "no administrative unit has code " + code : code + " is not a commune in force"));
            }
        } else {
            unknown.add(group);
        }
        for (MemberRow member : group.members()) {
            String citizenId = member.details().citizenId();
            if (citizenId != null) {
                if (member.line() >= 1 << LINE_BITS) {
                    throw new SortedFiles.NotSorted("members.csv has more lines than a direct import takes");
                }
                if (citizenIdCount == citizenIds.length) {
                    citizenIds = Arrays.copyOf(citizenIds, citizenIds.length * 2);
                }
                citizenIds[citizenIdCount++] = Long.parseLong(citizenId) << LINE_BITS | member.line();
                withCitizenId.add(member);
            }
        }
        SurveyRow previous = null;
        for (SurveyRow survey : group.surveys()) {
            if (previous != null && previous.year() == survey.year()) {
                errors.add(new ImportError(SurveyFiles.SURVEYS, survey.line(), "year", "repeats the " + survey.year()
                        + " survey of household " + group.code() + " (line " + previous.line() + ")"));
            } else {
                previous = survey;
            }
            PovertyStandard standard = standards.stream().filter(s -> s.covers(survey.year())).findFirst()
                    .orElse(null);
            if (standard == null) {
                errors.add(new ImportError(SurveyFiles.SURVEYS, survey.line(), "year",
                        "no poverty standard covers survey year " + survey.year()));
                continue;
            }
            Set<String> known = indicators.get(standard.id());
            List<String> strange = survey.answers().deprivations().stream().filter(d -> !known.contains(d)).sorted()
                    .toList();
            if (!strange.isEmpty()) {
                errors.add(new ImportError(SurveyFiles.SURVEYS, survey.line(), "deprivations",
                        "not indicators of " + standard.id() + ": " + String.join(", ", strange)));
            }
        }
        if (unknown.size() >= LOOKUP_BATCH || withCitizenId.size() >= LOOKUP_BATCH) {
            askRegistry();
        }
    }

    /** The checks that need every row: call once all groups are checked. */
    void finish() {
        askRegistry();
        Arrays.sort(citizenIds, 0, citizenIdCount);
        long mask = (1L << LINE_BITS) - 1;
        int first = 0;
        for (int i = 1; i < citizenIdCount; i++) {
            if (citizenIds[i] >>> LINE_BITS == citizenIds[first] >>> LINE_BITS) {
                errors.add(new ImportError(SurveyFiles.MEMBERS, (int) (citizenIds[i] & mask), "citizen_id",
                        "repeats the citizen ID of line " + (citizenIds[first] & mask)));
            } else {
                first = i;
            }
        }
        citizenIds = null;
    }

    private void askRegistry() {
        if (!unknown.isEmpty()) {
            Set<String> codes = new HashSet<>();
            unknown.forEach(group -> codes.add(group.code()));
            Set<String> registered = registry.registered(codes);
            for (HouseholdGroup group : unknown) {
                if (!registered.contains(group.code())) {
                    String message = "household " + group.code() + " is neither in households.csv nor in the registry";
                    group.members().forEach(m -> errors.add(new ImportError(SurveyFiles.MEMBERS, m.line(),
                            "household_code", message)));
                    group.surveys().forEach(s -> errors.add(new ImportError(SurveyFiles.SURVEYS, s.line(),
                            "household_code", message)));
                }
            }
            unknown.clear();
        }
        if (!withCitizenId.isEmpty()) {
            Map<String, String> memberships = registry.activeMemberships(
                    withCitizenId.stream().map(m -> m.details().citizenId()).toList());
            if (!memberships.isEmpty()) {
                for (MemberRow member : withCitizenId) {
                    String household = memberships.get(member.details().citizenId());
                    if (household != null && !household.equals(member.householdCode())) {
                        errors.add(new ImportError(SurveyFiles.MEMBERS, member.line(), "citizen_id", "citizen ID "
                                + member.details().citizenId() + " is already an active member of household "
                                + household));
                    }
                }
            }
            withCitizenId.clear();
        }
    }
}
