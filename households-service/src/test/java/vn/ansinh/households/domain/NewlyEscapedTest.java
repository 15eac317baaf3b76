package vn.ansinh.households.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class NewlyEscapedTest {

    private static final PovertyStandard STANDARD = new PovertyStandard("S", "s", "law", 2000, 2100,
            new IncomeLines(null, 100, 100, 200), new IncomeLines(null, 100, 100, 200), 1,
            List.of(new DeprivationIndicator("X", 1, "D", "x", "x")), Instant.EPOCH, "test");
    private static final UUID HOUSEHOLD = UUID.randomUUID();

    private static Survey survey(int year, long income, Survey previous) {
        Survey survey = new Survey(HOUSEHOLD, year);
        Survey.Answers answers = new Survey.Answers(income, Set.of());
        survey.record(answers, "96003", false, STANDARD.classify(income, Set.of(), false), previous, Instant.EPOCH,
                "test");
        return survey;
    }

    @Test
    void theStatusLastsThreeSurveyYearsFromTheEscape() {
        Survey y1 = survey(2021, 50, null);
        Survey y2 = survey(2022, 300, y1);
        Survey y3 = survey(2023, 300, y2);
        Survey y4 = survey(2024, 300, y3);
        Survey y5 = survey(2025, 300, y4);
        assertNull(y1.newlyEscapedSince());
        assertEquals(2022, y2.newlyEscapedSince());
        assertEquals(2022, y3.newlyEscapedSince());
        assertEquals(2022, y4.newlyEscapedSince());
        assertNull(y5.newlyEscapedSince());
    }

    @Test
    void fallingBackEndsTheStatusAndAFreshEscapeStartsItAgain() {
        Survey y1 = survey(2021, 50, null);
        Survey y2 = survey(2022, 300, y1);
        Survey y3 = survey(2023, 50, y2);
        Survey y4 = survey(2024, 150, y3);
        assertNull(y3.newlyEscapedSince());
        assertEquals(2024, y4.newlyEscapedSince());
    }

    @Test
    void aHouseholdNeverPoorIsNeverNewlyEscaped() {
        Survey y1 = survey(2021, 300, null);
        assertNull(survey(2022, 300, y1).newlyEscapedSince());
    }
}
