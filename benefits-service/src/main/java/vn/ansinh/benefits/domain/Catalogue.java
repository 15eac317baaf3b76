package vn.ansinh.benefits.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The programmes, their dated rules and the dated amounts, as one consistent snapshot, and what
 * they make a household owed for a year. Pure: the same snapshot and household give the same
 * entitlements, however often they are computed.
 */
public record Catalogue(List<Programme> programmes, List<ProgrammeRule> rules, List<Parameter> parameters) {

    private static final String SOCIAL_ALLOWANCE = "SOCIAL_ALLOWANCE";
    /** The base level of the monthly allowance, VND. */
    static final String ALLOWANCE_BASE = "SOCIAL_ALLOWANCE_BASE";
    /** Followed by a social-protection type: that type's coefficient, in hundredths of the base level. */
    static final String ALLOWANCE_COEFFICIENT = "SOCIAL_ALLOWANCE_COEFFICIENT.";

    /** One entitlement that is due: for a member (or the household), a programme and a period. */
    public record Due(String programmeCode, UUID memberId, UUID beneficiaryId, String period, LocalDate start,
            LocalDate end, Standing standing, long amountVnd, long stateVnd, long provinceVnd) {
    }

    /** The value of a parameter on a day: the latest from on or before it. */
    public long valueOn(String name, LocalDate day) {
        Long value = valueOrNull(name, day);
        if (value == null) {
            throw new IllegalStateException("no value of " + name + " on " + day);
        }
        return value;
    }

    /** The rule of a programme for a standing on a day, or null when none is in force. */
    public ProgrammeRule ruleOn(String programmeCode, Standing standing, LocalDate day) {
        return rules.stream().filter(r -> r.programmeCode().equals(programmeCode) && r.standing() == standing
                && !r.validFrom().isAfter(day)).max(Comparator.comparing(ProgrammeRule::validFrom)).orElse(null);
    }

    /**
     * What the automatic programmes owe a household for a benefit year (the year after the
     * survey that classified it), by the rules in force on the first day of that year; the
     * monthly allowance by the parameters in force in each month.
     *
     * @param standing the household's, or null when it has none (then only allowances are owed)
     */
    public List<Due> due(UUID householdId, List<Member> activeMembers, Standing standing, int year) {
        List<Due> due = new ArrayList<>();
        LocalDate first = LocalDate.of(year, 1, 1);
        for (Programme programme : programmes) {
            if (programme.automatic() && programme.code().equals(SOCIAL_ALLOWANCE)) {
                for (Member member : activeMembers) {
                    allowance(member, standing, year, due);
                }
                continue;
            }
            ProgrammeRule rule = programme.automatic() && standing != null ? ruleOn(programme.code(), standing, first)
                    : null;
            if (rule == null || !rule.eligible()) {
                continue;
            }
            switch (programme.code()) {
                case "HEALTH_INSURANCE" -> {
                    long card = months(year, 1, 12, m -> valueOn("BASE_SALARY", m) * valueOn("HEALTH_INSURANCE_RATE", m)
                            / 1000);
                    for (Member member : activeMembers) {
                        due.add(share(programme.code(), member.id(), member.id(), Integer.toString(year), first,
                                LocalDate.of(year, 12, 31), standing, card, rule));
                    }
                }
                case "ELECTRICITY" -> {
                    for (int quarter = 1; quarter <= 4; quarter++) {
                        int firstMonth = quarter * 3 - 2;
                        long amount = months(year, firstMonth, firstMonth + 2, m -> valueOn("ELECTRICITY_SUPPORT", m));
                        due.add(share(programme.code(), null, householdId, year + "-Q" + quarter,
                                LocalDate.of(year, firstMonth, 1), YearMonth.of(year, firstMonth + 2).atEndOfMonth(),
                                standing, amount, rule));
                    }
                }
                case "STUDY_SUPPORT" -> {
                    // nine school months of the calendar year: January to May and September to December
                    long amount = months(year, 1, 5, m -> valueOn("STUDY_SUPPORT", m))
                            + months(year, 9, 12, m -> valueOn("STUDY_SUPPORT", m));
                    for (Member member : activeMembers) {
                        if (member.schoolEnrolled()) {
                            due.add(share(programme.code(), member.id(), member.id(), Integer.toString(year), first,
                                    LocalDate.of(year, 12, 31), standing, amount, rule));
                        }
                    }
                }
                default -> throw new IllegalStateException("no amount rule for automatic programme " + programme.code());
            }
        }
        return due;
    }

    /**
     * The monthly allowance of a member whose social-protection type has a coefficient: one
     * entitlement per month of the year in which the type's coefficient is in force, the base
     * level times the coefficient of that month, all paid by the state.
     */
    private void allowance(Member member, Standing standing, int year, List<Due> due) {
        if (member.socialProtectionType() == null) {
            return;
        }
        String coefficient = ALLOWANCE_COEFFICIENT + member.socialProtectionType();
        for (int month = 1; month <= 12; month++) {
            LocalDate firstOfMonth = LocalDate.of(year, month, 1);
            Long hundredths = valueOrNull(coefficient, firstOfMonth);
            if (hundredths != null && hundredths > 0) {
                long amount = percent(valueOn(ALLOWANCE_BASE, firstOfMonth), hundredths.intValue());
                YearMonth period = YearMonth.of(year, month);
                due.add(new Due(SOCIAL_ALLOWANCE, member.id(), member.id(), period.toString(), firstOfMonth,
                        period.atEndOfMonth(), standing, amount, amount, 0));
            }
        }
    }

    private Long valueOrNull(String name, LocalDate day) {
        return parameters.stream().filter(p -> p.name().equals(name) && !p.validFrom().isAfter(day))
                .max(Comparator.comparing(Parameter::validFrom)).map(Parameter::value).orElse(null);
    }

    private interface MonthlyAmount {
        long on(LocalDate firstOfMonth);
    }

    private static long months(int year, int from, int to, MonthlyAmount amount) {
        long sum = 0;
        for (int month = from; month <= to; month++) {
            sum += amount.on(LocalDate.of(year, month, 1));
        }
        return sum;
    }

    private static Due share(String programme, UUID memberId, UUID beneficiaryId, String period, LocalDate start,
            LocalDate end, Standing standing, long amount, ProgrammeRule rule) {
        return new Due(programme, memberId, beneficiaryId, period, start, end, standing, amount,
                percent(amount, rule.stateSharePct()), percent(amount, rule.provinceSharePct()));
    }

    /** A share of an amount, to the đồng, half up. */
    static long percent(long amount, int pct) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(pct)).divide(BigDecimal.valueOf(100), 0,
                RoundingMode.HALF_UP).longValueExact();
    }
}
