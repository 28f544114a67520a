package org.entente.core.store;

import static org.entente.testsupport.Facts.*;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.entente.core.FactId;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactConflictException;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.RelationshipEvent;
import org.entente.core.relationship.RuleViolationException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Axon shell with Axon's own fixture: commands in, the decider's events out, rejections as exceptions. */
class RelationshipAggregateTest {

    private JdbcConnectionPool pool;
    private FixtureConfiguration<RelationshipAggregate> fixture;

    @BeforeEach
    void setUp() {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:fixture-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        FactIdRegistry registry = new FactIdRegistry(new JdbcTransactions(pool).connections());
        registry.createSchema();
        fixture = new AggregateTestFixture<>(RelationshipAggregate.class);
        fixture.registerInjectableResource(registry);
        // The aggregate keeps a derived fold that is rebuilt lazily; comparing it field by field is meaningless.
        fixture.setReportIllegalStateChange(false);
    }

    @AfterEach
    void tearDown() {
        pool.dispose();
    }

    private static DyadCommands on(RelationshipCommand... commands) {
        return new DyadCommands("NER-USA", List.of(commands), false, false);
    }

    private static FactEvent event(FactCommand command) {
        return command.toEvent();
    }

    @Test
    void theFirstFactCreatesTheDyadAndIsStoredAsItsEvent() {
        FactCommand sofa = sign("usa-sofa-2012", "2012-01-01", NER, USA, AgreementKind.STATUS_OF_FORCES);
        fixture.givenNoPriorActivity()
                .when(on(sofa))
                .expectSuccessfulHandlerExecution()
                .expectEvents(event(sofa));
    }

    @Test
    void aDenunciationOfTheAgreementInForceIsAccepted() {
        FactCommand sofa = sign("usa-sofa-2012", "2012-01-01", NER, USA, AgreementKind.STATUS_OF_FORCES);
        FactCommand denounce = denounce("usa-denounce", "2024-03-16", NER, USA, "usa-sofa-2012");
        fixture.given(event(sofa))
                .when(on(denounce))
                .expectEvents(event(denounce));
    }

    @Test
    void completingAWithdrawalThatWasNeverScheduledIsRejectedWithItsReason() {
        FactCommand forces = station("usa-forces-niamey", "2013-02-22", USA, NER, "Air Base 101");
        fixture.given(event(forces))
                .when(on(complete("usa-complete", "2024-08-05", USA, NER, "usa-forces-niamey")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(
                        "no withdrawal is scheduled on or before 2024-08-05 for usa-forces-niamey"))
                .expectNoEvents();
    }

    @Test
    void recordingTheSameFactAgainStoresNothing() {
        FactCommand talks = talks("usa-talks-2024-03", "2024-03-12", USA, NER);
        fixture.given(event(talks))
                .when(on(talks))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void differentContentUnderARecordedIdIsAConflict() {
        fixture.given(event(talks("usa-talks-2024-03", "2024-03-12", USA, NER)))
                .when(on(talks("usa-talks-2024-03", "2024-03-14", USA, NER)))
                .expectException(FactConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aRetractionThatWouldBreakALaterFactIsRejectedNamingIt() {
        FactCommand forces = station("usa-forces-niamey", "2013-02-22", USA, NER, "Air Base 101");
        FactCommand schedule = schedule("usa-schedule", "2024-04-19", USA, NER, null);
        fixture.given(event(forces), event(schedule))
                .when(on(new RelationshipCommand.RetractFacts(List.of(FactId.of("usa-forces-niamey")), "never happened")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("would break later fact usa-schedule"));
    }

    @Test
    void aCorrectionIsStoredAsTheNextRevision() {
        FactCommand talks = talks("usa-talks-2024-03", "2024-03-12", USA, NER);
        FactCommand revised = talks("usa-talks-2024-03", "2024-03-13", USA, NER);
        fixture.given(event(talks))
                .when(on(new RelationshipCommand.CorrectFact(revised, "began a day later")))
                .expectEvents(new RelationshipEvent.FactCorrected(event(revised), 2, "began a day later"));
    }

    @Test
    void severalCommandsAreDecidedInOrderAndStoredTogether() {
        FactCommand forces = station("rus-forces", "2024-04-10", USA, NER);
        FactCommand schedule = schedule("usa-schedule", "2024-04-19", USA, NER, "2024-09-15");
        fixture.givenNoPriorActivity()
                .when(on(forces, schedule))
                .expectEvents(event(forces), event(schedule));
    }

    @Test
    void aPledgeCarriesItsDomains() {
        FactCommand pledge = new FactCommand.PledgeCooperation(header("usa-pledge", "2020-01-01", USA, NER),
                List.of(org.entente.core.relationship.CooperationDomain.SECURITY));
        fixture.givenNoPriorActivity()
                .when(on(pledge))
                .expectEvents(event(pledge))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.instanceOf(DyadCommands.Outcome.class));
    }

    @Test
    void aDyadABatchKnowsIsNewIsCreatedWithItsEvents() {
        FactCommand talks = talks("usa-talks-2024-03", "2024-03-12", USA, NER);
        fixture.givenNoPriorActivity()
                .when(new RelationshipAggregate.NewDyad("NER-USA", new DyadCommands("NER-USA", List.of(talks), false, true)))
                .expectEvents(event(talks));
    }

    private static org.entente.core.relationship.DyadHistory historyOf(RelationshipEvent... events) {
        org.entente.core.relationship.DyadHistory h =
                org.entente.core.relationship.DyadHistory.empty(org.entente.core.Dyad.parse("NER-USA"));
        for (RelationshipEvent e : events) {
            org.entente.core.relationship.Decider.evolve(h, e);
        }
        return h;
    }

    @Test
    void aBatchDecisionMadeOnTheCurrentHistoryIsAppliedAsDecided() {
        FactCommand forces = station("usa-forces", "2013-02-22", USA, NER, "Air Base 101");
        FactCommand schedule = schedule("usa-schedule", "2024-04-19", USA, NER, "2024-09-15", "usa-forces");
        DyadCommands.Decided decided = new DyadCommands.Decided(0, List.of(event(schedule)), historyOf(event(forces), event(schedule)));
        fixture.given(event(forces))
                .when(new DyadCommands("NER-USA", List.of(schedule), true, false, decided))
                .expectEvents(event(schedule))
                .expectResultMessagePayload(new DyadCommands.Outcome(org.entente.core.Dyad.parse("NER-USA"), 1, 1));
    }

    @Test
    void aBatchDecisionMadeOnAnOlderHistoryIsDecidedAgain() {
        // The plan saw an empty dyad (base -1) and decided to record the talks; meanwhile they were
        // recorded: deciding again finds nothing to add.
        FactCommand talks = talks("usa-talks-2024-03", "2024-03-12", USA, NER);
        DyadCommands.Decided decided = new DyadCommands.Decided(-1, List.of(event(talks)), historyOf(event(talks)));
        fixture.given(event(talks))
                .when(new DyadCommands("NER-USA", List.of(talks), true, false, decided))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
