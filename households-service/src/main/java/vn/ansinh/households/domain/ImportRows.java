package vn.ansinh.households.domain;

import java.util.List;

/** The rows of a survey import, as read from its files and staged for checking and applying. */
public final class ImportRows {

    public static final String HOUSEHOLDS = "households.csv";
    public static final String MEMBERS = "members.csv";
    public static final String SURVEYS = "surveys.csv";

    private ImportRows() {
    }

    public record HouseholdRow(int line, String code, Household.Details details) {
    }

    public record MemberRow(int line, String householdCode, Member.Details details) {
    }

    public record SurveyRow(int line, String householdCode, int year, Survey.Answers answers) {
    }

    /**
     * Everything an import says about one household: its row in households.csv (null when the
     * household is only referenced, to add members or surveys to one already registered), its
     * member rows in file order and its survey rows by year.
     */
    public record HouseholdGroup(String code, HouseholdRow household, List<MemberRow> members,
            List<SurveyRow> surveys) {
    }
}
