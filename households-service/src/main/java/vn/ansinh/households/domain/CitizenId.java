package vn.ansinh.households.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * The 12-digit citizen identification number (CCCD / số định danh cá nhân): digits 1–3 the
 * province of birth registration, digit 4 the century of birth and sex, digits 5–6 the last
 * two digits of the year of birth, digits 7–12 a serial (Circular 59/2021/TT-BCA).
 */
public final class CitizenId {

    /** Province codes of Circular 59/2021/TT-BCA (63 provinces before the 2025 mergers). */
    private static final Set<String> PROVINCES = Set.of("001", "002", "004", "006", "008", "010", "011", "012",
            "014", "015", "017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035",
            "036", "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058",
            "060", "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083",
            "084", "086", "087", "089", "091", "092", "093", "094", "095", "096");

    private CitizenId() {
    }

    /**
     * Twelve ASCII digits. Checked by hand rather than by a regular expression: an import checks
     * 1.7 million of them, and each {@code String.matches} compiles its pattern again.
     */
    public static boolean twelveDigits(String id) {
        if (id == null || id.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * @return why the number is not a valid citizen ID for this person, or null when it is
     */
    public static String problem(String id, LocalDate dateOfBirth, Member.Sex sex) {
        if (!twelveDigits(id)) {
            return "must be 12 digits";
        }
        if (!PROVINCES.contains(id.substring(0, 3))) {
            return "starts with " + id.substring(0, 3) + ", which is not a province code";
        }
        if (dateOfBirth == null || sex == null) {
            return null;
        }
        int centuryAndSex = id.charAt(3) - '0';
        int century = dateOfBirth.getYear() / 100; // 19 for 1900–1999
        int expected = (century - 19) * 2 + (sex == Member.Sex.FEMALE ? 1 : 0);
        if (expected < 0 || centuryAndSex != expected) {
            return "digit 4 is " + centuryAndSex + " but a " + sex.name().toLowerCase() + " born in "
                    + dateOfBirth.getYear() + " has " + expected;
        }
        int year = dateOfBirth.getYear() % 100;
        if ((id.charAt(4) - '0') * 10 + (id.charAt(5) - '0') != year) {
            return "digits 5–6 are " + id.substring(4, 6) + " but the year of birth is " + dateOfBirth.getYear();
        }
        return null;
    }
}
