package vn.ansinh.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.reporting.domain.Facts.Budget;
import vn.ansinh.reporting.domain.Facts.Timed;
import vn.ansinh.reporting.repository.IndicatorRepository;
import vn.ansinh.reporting.repository.ReadModelRepository;
import vn.ansinh.reporting.service.IndicatorPublisher;

/**
 * A publishing round takes its scopes in a transaction of its own (so that consumers marking the
 * same scopes do not wait for its computation); a round that then does not commit must leave
 * them to a later round.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PublisherRoundTest {

    private static final String BUDGET_2031 = "SELECT count(*) FROM indicator WHERE indicator = 'budget-execution'"
            + " AND year = 2031";

    @Inject
    IndicatorPublisher publisher;
    @Inject
    IndicatorRepository indicators;
    @Inject
    ReadModelRepository readModel;
    @Inject
    EntityManager entityManager;

    @Test
    void aRoundThatDoesNotCommitLeavesItsScopesToALaterRound() {
        QuarkusTransaction.begin();
        try {
            assertTrue(indicators.claimRound()); // the service's own rounds skip meanwhile
            QuarkusTransaction.requiringNew().run(() -> {
                readModel.putBudgets(List.of(new Timed<>(new Budget("ELECTRICITY", 2031, "CENTRAL", 1_000_000L, 0L,
                        250_000L), Instant.now())));
                readModel.markDirty(List.of("BUDGET"), List.of(2031));
            });

            assertTrue(publisher.publishChanges() > 0); // computed and stored in this transaction…
            assertTrue(count() > 0);
        } finally {
            QuarkusTransaction.rollback(); // …which does not commit
        }

        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(this::count) > 0);
        } finally {
            // the budget came from no topic: other tests rebuild the read model from the topics
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("DELETE FROM budget WHERE year = 2031").executeUpdate();
                entityManager.createNativeQuery("DELETE FROM indicator WHERE year = 2031").executeUpdate();
            });
        }
    }

    private long count() {
        return ((Number) entityManager.createNativeQuery(BUDGET_2031).getSingleResult()).longValue();
    }
}
