package vn.ansinh.reporting.messaging;

/**
 * benefits-service's topics and the event types reporting-service reads from them. Every event
 * there carries the full state of its aggregate, so the latest one is all a read model needs.
 */
public final class BenefitsEvents {

    public static final String ENTITLEMENT_TOPIC = "benefits.entitlement.v1";
    public static final String APPLICATION_TOPIC = "benefits.application.v1";
    public static final String BUDGET_TOPIC = "benefits.budget.v1";

    public static final String BUDGET_CHANGED = "budget.changed";
    public static final String LOAN_DISBURSED = "loan.disbursed";
    public static final String HOUSE_COMPLETED = "house.completed";
    public static final String TRAINING_COMPLETED = "training.completed";
    public static final String TRAINING_PLACED = "training.placed";

    private BenefitsEvents() {
    }

}
