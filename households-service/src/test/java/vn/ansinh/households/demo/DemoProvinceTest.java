package vn.ansinh.households.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ansinh.households.domain.Area;
import vn.ansinh.households.domain.CitizenId;
import vn.ansinh.households.domain.Classification;
import vn.ansinh.households.domain.PovertyCategory;
import vn.ansinh.households.domain.PovertyStandard;
import vn.ansinh.households.service.AreaService;
import vn.ansinh.households.service.PovertyStandardService;
import vn.ansinh.platform.testing.RealInfrastructure;

/**
 * The whole demo province, generated and classified by the seeded standard exactly as an import
 * would classify it, reproduces the article's figures.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DemoProvinceTest {

    @Inject
    PovertyStandardService standards;
    @Inject
    AreaService areas;

    /** Households and poor households per year, per group. */
    static final class Tally implements DemoProvince.Sink {
        final PovertyStandard standard;
        final Map<String, DemoProvince.Household> households = new HashMap<>();
        final Map<String, Area> communes;
        final Map<String, int[]> counts = new HashMap<>();
        final Set<String> citizenIds = new HashSet<>();
        int invalidCitizenIds;

        Tally(PovertyStandard standard, Map<String, Area> communes) {
            this.standard = standard;
            this.communes = communes;
        }

        @Override
        public void household(DemoProvince.Household household) {
            households.put(household.code(), household);
        }

        @Override
        public void member(DemoProvince.Member member) {
            if (!citizenIds.add(member.citizenId()) || CitizenId.problem(member.citizenId(), member.dateOfBirth(),
                    vn.ansinh.households.domain.Member.Sex.valueOf(member.sex())) != null) {
                invalidCitizenIds++;
            }
        }

        @Override
        public void survey(DemoProvince.Survey survey) {
            DemoProvince.Household household = households.get(survey.householdCode());
            Area commune = communes.get(household.areaCode());
            Classification result = standard.classify(survey.incomePerPersonMonth(), survey.deprivations(),
                    commune.urban());
            boolean poor = result.category() == PovertyCategory.POOR;
            boolean poorOrNear = result.category().isPoorOrNearPoor();
            count(survey.year() + "", poor);
            count(survey.year() + "/" + commune.parentCode(), poor);
            if (household.ethnicMinority()) {
                count(survey.year() + "/minority", poor);
            }
            if (household.meritFamily()) {
                count(survey.year() + "/merit", poorOrNear);
            }
        }

        private void count(String group, boolean hit) {
            int[] c = counts.computeIfAbsent(group, k -> new int[2]);
            c[0]++;
            if (hit) {
                c[1]++;
            }
        }

        int poor(String group) {
            return counts.get(group)[1];
        }

        BigDecimal rate(String group) {
            int[] c = counts.get(group);
            return BigDecimal.valueOf(c[1] * 100L).divide(BigDecimal.valueOf(c[0]), 2, RoundingMode.HALF_UP);
        }
    }

    private Tally generate(double scale) {
        PovertyStandard standard = standards.forSurveyYear("year", 2023);
        Map<String, Area> communes = new HashMap<>();
        areas.byLevel(Area.Level.COMMUNE).forEach(a -> communes.put(a.code(), a));
        Tally tally = new Tally(standard, communes);
        new DemoProvince(standard, communes.values().stream().toList(), scale).generate(tally);
        return tally;
    }

    @Test
    void theDemoProvinceReproducesTheArticle() {
        Tally tally = generate(1.0);

        assertEquals(24_639, tally.poor("2021"));
        assertEquals(17_946, tally.poor("2022"));
        assertEquals(12_558, tally.poor("2023"));
        assertTheArticlesRates(tally);
        assertTrue(tally.poor("2021/merit") > 0, "there were some before");
        assertEquals(0, tally.invalidCitizenIds);
        assertEquals(477_490, tally.households.size());
    }

    /** The local run loads a tenth of the province: the rates the article states hold there too. */
    @Test
    void aTenthOfTheProvinceHasTheSameRates() {
        Tally tally = generate(0.1);

        assertTheArticlesRates(tally);
        assertEquals(47_749, tally.households.size());
    }

    private static void assertTheArticlesRates(Tally tally) {
        assertEquals(new BigDecimal("5.27"), tally.rate("2021"));
        assertEquals(new BigDecimal("3.81"), tally.rate("2022"));
        assertEquals(new BigDecimal("2.63"), tally.rate("2023"));
        assertEquals(new BigDecimal("5.52"), tally.rate("2022/220").subtract(tally.rate("2023/220")));
        BigDecimal minorityFall = tally.rate("2022/minority").subtract(tally.rate("2023/minority"));
        assertTrue(minorityFall.compareTo(new BigDecimal("3")) > 0, "ethnic-minority rate fell " + minorityFall);
        assertEquals(0, tally.poor("2023/merit"), "no poor or near-poor merit family in 2023");
    }
}
