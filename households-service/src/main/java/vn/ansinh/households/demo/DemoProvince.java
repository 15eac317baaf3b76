package vn.ansinh.households.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import vn.ansinh.households.domain.Area;
import vn.ansinh.households.domain.IncomeLines;
import vn.ansinh.households.domain.PovertyCategory;
import vn.ansinh.households.domain.PovertyStandard;

/**
 * A synthetic Bắc Giang whose surveys of 2021, 2022 and 2023 reproduce the department's figures
 * (DOMAIN.md): 24,639 / 17,946 / 12,558 poor households at 5.27% / 3.81% / 2.63%; Sơn Động's rate
 * down 5.52 points from 2022 to 2023; the ethnic-minority rate down more than 3 points; no poor or
 * near-poor family of a person with meritorious service in 2023.
 *
 * <p>Deterministic (fixed seed). Each household gets a fixed place in its district's order of
 * hardship; each year the district's quota of poor, near-poor and average households is taken
 * from the top of that order, and survey answers are drawn that fit the category under the
 * standard's own lines and indicators. The published counts come from classifying those answers,
 * as for any import. At a scale below 1 the counts shrink in proportion.
 */
public final class DemoProvince {

    public static final List<Integer> YEARS = List.of(2021, 2022, 2023);
    public static final String SON_DONG = "220";

    /** Province totals of the article, by survey year. */
    static final Map<Integer, Integer> POOR = Map.of(2021, 24_639, 2022, 17_946, 2023, 12_558);
    static final Map<Integer, Integer> HOUSEHOLDS = Map.of(2021, 467_530, 2022, 471_020, 2023, 477_490);
    /**
     * Sơn Động: 19,920 households every year; 25.00% → 19.48% poor from 2022 to 2023. Chosen so
     * that the 5.52-point fall holds at a tenth of the province too (1,992 households, 498 → 388
     * poor), which the local run loads by default.
     */
    static final Map<Integer, Integer> SON_DONG_POOR = Map.of(2021, 5_900, 2022, 4_980, 2023, 3_880);
    static final int SON_DONG_HOUSEHOLDS = 19_920;

    /** District, households in 2023, share of ethnic-minority households, weight of hardship. */
    record District(String code, int households, double ethnicMinority, double hardship) {
    }

    static final List<District> DISTRICTS = List.of(
            new District("213", 55_000, 0.02, 0.3),
            new District("215", 28_000, 0.25, 2.5),
            new District("216", 45_000, 0.03, 1.0),
            new District("217", 56_000, 0.04, 1.0),
            new District("218", 60_000, 0.30, 2.5),
            new District("219", 58_000, 0.50, 3.0),
            new District(SON_DONG, SON_DONG_HOUSEHOLDS, 0.70, 0),
            new District("221", 42_000, 0.02, 0.8),
            new District("222", 55_000, 0.03, 0.6),
            new District("223", 58_690, 0.03, 1.0));

    private static final double MERIT_SHARE = 0.02;
    /** Ethnic-minority households stand this much nearer the top of the order of hardship. */
    private static final double MINORITY_HARDSHIP = 3.5;

    /** Where generated rows go (CSV files, or a test that counts them). */
    public interface Sink {
        void household(Household household);

        void member(Member member);

        void survey(Survey survey);
    }

    public record Household(String code, String areaCode, String address, String headName, boolean ethnicMinority,
            boolean meritFamily) {
    }

    public record Member(String householdCode, String fullName, String citizenId, LocalDate dateOfBirth, String sex,
            String relationToHead, String ethnicity, boolean disability, boolean schoolEnrolled) {
    }

    public record Survey(String householdCode, int year, long incomePerPersonMonth, Set<String> deprivations) {
    }

    private record Planned(String code, String districtCode, Area commune, boolean minority, boolean merit,
            int firstYear, double hardship) {
    }

    private final PovertyStandard standard;
    private final Map<String, List<Area>> communesByDistrict = new HashMap<>();
    private final double scale;
    private final Random random = new Random(2024);
    private final Map<String, Integer> serials = new HashMap<>();

    /**
     * @param standard the standard of survey years 2021–2023 (its lines and indicators shape the answers)
     * @param communes the communes of the province
     * @param scale 1 for the whole province; less for a smaller one with the same shape
     */
    public DemoProvince(PovertyStandard standard, List<Area> communes, double scale) {
        if (YEARS.stream().anyMatch(year -> !standard.covers(year))) {
            throw new IllegalArgumentException(standard.id() + " does not cover the survey years " + YEARS);
        }
        this.standard = standard;
        this.scale = scale;
        for (Area commune : communes) {
            communesByDistrict.computeIfAbsent(commune.parentCode(), k -> new ArrayList<>()).add(commune);
        }
        communesByDistrict.values().forEach(list -> list.sort(Comparator.comparing(Area::code)));
    }

    public void generate(Sink sink) {
        Map<String, List<Planned>> byDistrict = plan();
        Map<Integer, Map<String, int[]>> quotas = quotas(byDistrict);
        for (District district : DISTRICTS) {
            List<Planned> households = byDistrict.get(district.code());
            for (Planned planned : households) {
                emit(planned, sink);
            }
            // answers are drawn year by year in order of hardship, and written in order of household
            // code, as survey tools export them (an import reads such files side by side, unstaged)
            List<Survey> answered = new ArrayList<>();
            for (int year : YEARS) {
                int[] quota = quotas.get(year).get(district.code());
                List<Planned> present = households.stream().filter(h -> h.firstYear() <= year)
                        .sorted(Comparator.comparingDouble(Planned::hardship)).toList();
                int poor = quota[0];
                int nearPoor = quota[1];
                int average = quota[2];
                for (Planned household : present) {
                    // families of people with meritorious service are all out of poverty by 2023
                    boolean spared = household.merit() && year == 2023;
                    PovertyCategory category;
                    if (!spared && poor > 0) {
                        category = PovertyCategory.POOR;
                        poor--;
                    } else if (!spared && nearPoor > 0) {
                        category = PovertyCategory.NEAR_POOR;
                        nearPoor--;
                    } else if (average > 0) {
                        category = PovertyCategory.AVERAGE_LIVING_STANDARD;
                        average--;
                    } else {
                        category = PovertyCategory.NOT_POOR;
                    }
                    answered.add(answers(household, year, category));
                }
            }
            answered.sort(Comparator.comparing(Survey::householdCode).thenComparingInt(Survey::year));
            answered.forEach(sink::survey);
        }
    }

    private Map<String, List<Planned>> plan() {
        Map<String, List<Planned>> byDistrict = new HashMap<>();
        int newIn2022 = scaled(HOUSEHOLDS.get(2022)) - scaled(HOUSEHOLDS.get(2021));
        int newIn2023 = scaled(HOUSEHOLDS.get(2023)) - scaled(HOUSEHOLDS.get(2022));
        List<District> growing = DISTRICTS.stream().filter(d -> !d.code().equals(SON_DONG)).toList();
        int[] households = largestRemainder(scaled(HOUSEHOLDS.get(2023)) - scaled(SON_DONG_HOUSEHOLDS),
                growing.stream().mapToDouble(District::households).toArray());
        int[] arriving2022 = largestRemainder(newIn2022, growing.stream().mapToDouble(District::households).toArray());
        int[] arriving2023 = largestRemainder(newIn2023, growing.stream().mapToDouble(District::households).toArray());
        int serial = 0;
        for (District district : DISTRICTS) {
            int index = growing.indexOf(district);
            int count = index < 0 ? scaled(SON_DONG_HOUSEHOLDS) : households[index];
            int late2023 = index < 0 ? 0 : arriving2023[index];
            int late2022 = index < 0 ? 0 : arriving2022[index];
            List<Area> communes = communesByDistrict.get(district.code());
            List<Planned> planned = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                boolean minority = random.nextDouble() < district.ethnicMinority();
                boolean merit = random.nextDouble() < MERIT_SHARE;
                int firstYear = i >= count - late2023 ? 2023 : i >= count - late2023 - late2022 ? 2022 : 2021;
                double hardship = random.nextDouble() / (minority ? MINORITY_HARDSHIP : 1);
                planned.add(new Planned(String.format("BG-%s-%06d", district.code(), ++serial), district.code(),
                        communes.get(i % communes.size()), minority, merit, firstYear, hardship));
            }
            byDistrict.put(district.code(), planned);
        }
        return byDistrict;
    }

    /** Poor, near-poor and average quotas per year and district, adding up to the province's figures. */
    private Map<Integer, Map<String, int[]>> quotas(Map<String, List<Planned>> byDistrict) {
        Map<Integer, Map<String, int[]>> quotas = new HashMap<>();
        List<District> others = DISTRICTS.stream().filter(d -> !d.code().equals(SON_DONG)).toList();
        for (int year : YEARS) {
            int sonDongPoor = scaled(SON_DONG_POOR.get(year));
            double[] weights = others.stream().mapToDouble(d -> d.hardship() * byDistrict.get(d.code()).stream()
                    .filter(h -> h.firstYear() <= year).count()).toArray();
            int[] poor = largestRemainder(scaled(POOR.get(year)) - sonDongPoor, weights);
            Map<String, int[]> perDistrict = new HashMap<>();
            double nearPoorRatio = year == 2021 ? 1.0 : year == 2022 ? 1.15 : 1.3;
            for (District district : DISTRICTS) {
                int index = others.indexOf(district);
                int p = index < 0 ? sonDongPoor : poor[index];
                long present = byDistrict.get(district.code()).stream().filter(h -> h.firstYear() <= year).count();
                perDistrict.put(district.code(), new int[] {p, (int) Math.round(p * nearPoorRatio),
                        (int) Math.round(present * 0.08)});
            }
            quotas.put(year, perDistrict);
        }
        return quotas;
    }

    private int scaled(int count) {
        return (int) Math.round(count * scale);
    }

    /** Splits {@code total} in proportion to {@code weights}, whole numbers that add up exactly. */
    static int[] largestRemainder(int total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        int[] shares = new int[weights.length];
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            shares[i] = (int) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int i = 0; i < total - given; i++) {
            shares[order.get(i % weights.length)]++;
        }
        return shares;
    }

    private void emit(Planned planned, Sink sink) {
        int size = 1 + random.nextInt(6);
        List<Member> members = new ArrayList<>(size);
        boolean headMale = random.nextDouble() < 0.8;
        String surname = Names.surname(random, planned.minority());
        String ethnicity = planned.minority() ? Names.minorityEthnicity(random, planned.districtCode()) : "Kinh";
        for (int i = 0; i < size; i++) {
            boolean male = i == 0 ? headMale : random.nextBoolean();
            String relation = i == 0 ? "HEAD" : i == 1 ? "SPOUSE" : "CHILD";
            if (i == 1) {
                male = !headMale;
            }
            LocalDate born = i <= 1 ? LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28))
                    : LocalDate.of(2000 + random.nextInt(22), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String name = (i == 1 ? Names.surname(random, planned.minority()) : surname) + " "
                    + Names.given(random, male);
            boolean pupil = !relation.equals("HEAD") && !relation.equals("SPOUSE") && born.getYear() >= 2006;
            members.add(new Member(planned.code(), name, citizenId(born, male), born, male ? "MALE" : "FEMALE",
                    relation, ethnicity, random.nextDouble() < 0.02, pupil));
        }
        String commune = planned.commune().name();
        sink.household(new Household(planned.code(), planned.commune().code(), "Thôn " + (1 + random.nextInt(12))
                + ", " + commune, members.get(0).fullName(), planned.minority(), planned.merit()));
        members.forEach(sink::member);
    }

    /** A valid, unique citizen ID: Bắc Giang's province code, century and sex, year, then a serial. */
    private String citizenId(LocalDate born, boolean male) {
        int centuryAndSex = (born.getYear() / 100 - 19) * 2 + (male ? 0 : 1);
        String prefix = "024" + centuryAndSex + String.format("%02d", born.getYear() % 100);
        int serial = serials.merge(prefix, 1, Integer::sum);
        return prefix + String.format("%06d", serial);
    }

    private Survey answers(Planned household, int year, PovertyCategory category) {
        IncomeLines lines = household.commune().urban() ? standard.urban() : standard.rural();
        List<String> indicators = new ArrayList<>(standard.indicatorCodes());
        indicators.sort(null);
        int minimum = standard.minDeprivationsPoor();
        long income;
        int deprived;
        switch (category) {
            case POOR -> {
                income = between(lines.poor() / 3, lines.poor());
                deprived = minimum + random.nextInt(4);
            }
            case NEAR_POOR -> {
                income = between(Math.max(lines.poor() / 2, lines.extremePoor() == null ? 0 : lines.extremePoor() + 1),
                        lines.nearPoor());
                deprived = random.nextInt(minimum);
            }
            case AVERAGE_LIVING_STANDARD -> {
                income = between(lines.nearPoor() + 1, lines.average());
                deprived = random.nextInt(minimum + 2);
            }
            default -> {
                income = between(lines.average() + 1, lines.average() * 3);
                deprived = random.nextInt(2);
            }
        }
        Collections.shuffle(indicators, random);
        return new Survey(household.code(), year, income, new TreeSet<>(indicators.subList(0, deprived)));
    }

    private long between(long low, long high) {
        // whole thousands of đồng, as surveys record them
        long thousands = (high - low) / 1000;
        return Math.min(high, low + 1000 * (thousands <= 0 ? 0 : (long) (random.nextDouble() * (thousands + 1))));
    }
}
