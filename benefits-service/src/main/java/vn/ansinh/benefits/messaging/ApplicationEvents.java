package vn.ansinh.benefits.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What benefits-service publishes about applications on {@value #TOPIC}, keyed by household id:
 * every step with the application's full state and, for a step that moved money, the movement.
 */
public final class ApplicationEvents {

    public static final String TOPIC = "benefits.application.v1";
    public static final String SUBMITTED = "application.submitted";
    public static final String APPROVED = "application.approved";
    public static final String REJECTED = "application.rejected";
    public static final String LOAN_DISBURSED = "loan.disbursed";
    public static final String LOAN_REPAID = "loan.repaid";
    public static final String TRANCHE_PAID = "housing.tranche-paid";
    public static final String HOUSE_COMPLETED = "house.completed";
    public static final String LIVELIHOOD_PAID = "livelihood.paid";
    public static final String TRAINEE_ENROLLED = "training.enrolled";
    public static final String TRAINEE_TRAINED = "training.completed";
    public static final String TRAINEE_PLACED = "training.placed";

    public static final List<String> TYPES = List.of(SUBMITTED, APPROVED, REJECTED, LOAN_DISBURSED, LOAN_REPAID,
            TRANCHE_PAID, HOUSE_COMPLETED, LIVELIHOOD_PAID, TRAINEE_ENROLLED, TRAINEE_TRAINED, TRAINEE_PLACED);

    private ApplicationEvents() {
    }

    public record Movement(String kind, String label, long amountVnd, LocalDate onDate) {
    }

    public record ApplicationState(UUID applicationId, String programme, UUID householdId, UUID memberId,
            String standing, String fundingSource, long amountVnd, String kind, Integer termMonths, Integer rateBp,
            String status, long disbursedVnd, long repaidVnd, long outstandingVnd, List<String> stagesAccepted,
            String employer, String areaCode, String districtCode, Movement movement) {
    }
}
