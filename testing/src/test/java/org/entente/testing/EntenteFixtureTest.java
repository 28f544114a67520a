package org.entente.testing;

import static org.entente.partnership.Status.ACTIVE;
import static org.entente.partnership.Status.WINDING_DOWN;
import static org.entente.testing.EntenteAssertions.assertThatThrownBy;
import static org.entente.testing.EntenteAssertions.within;
import static org.entente.testing.EntenteFixture.given;
import static org.entente.testing.Story.END_OF_APRIL;
import static org.entente.testing.Story.NER_USA;
import static org.entente.testing.Story.OCTOBER;
import static org.entente.testsupport.Facts.NER;
import static org.entente.testsupport.Facts.TUR;
import static org.entente.testsupport.Facts.USA;
import static org.entente.testsupport.Facts.complete;
import static org.entente.testsupport.Facts.schedule;
import static org.entente.testsupport.Facts.station;
import static org.entente.testsupport.Facts.talks;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.FactHeader;
import org.entente.core.relationship.Rule;
import org.entente.core.relationship.RuleViolationException;
import org.entente.simulation.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The given/when/then fixture: each expectation passes on a correct case and fails with its documented
 * message. The extension closes each test's fixture stores after it.
 */
@ExtendWith(EntenteExtension.class)
class EntenteFixtureTest {

    static final Scenario US_STAYED = Scenario.branchAt(LocalDate.of(2024, 3, 15))
            .remove(FactId.of("usa-denounce"), FactId.of("usa-schedule"), FactId.of("usa-deadline"));
    static final FactCommand NIAMEY = station("usa-forces-niamey", "2013-02-22", USA, NER, "Air Base 101");
    static final FactCommand SCHEDULE = schedule("usa-schedule", "2024-04-19", USA, NER, "2024-09-15");
    static final FactCommand COMPLETE = complete("usa-complete", "2024-08-05", USA, NER, "usa-forces-niamey");
    static final LocalDate MAY = LocalDate.of(2024, 5, 1);

    @Test
    void aBranchOfTheSeedDropsTheCompletionAndKeepsTheUsActive() {
        given().seed("niger-2024")
                .whenBranch(US_STAYED)
                .then()
                .dropped("usa-complete")
                .partnership(NER_USA, OCTOBER).hasStatus(ACTIVE).hasForcesOf(USA);
    }

    @Test
    void droppedFailsWithTheDroppedFactsAndTheirRules() {
        assertThatThrownBy(() -> given().seed("niger-2024").whenBranch(US_STAYED).then().dropped())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("  to drop no real fact\nbut it drops [usa-complete]\nDropped real facts, in order:\n  usa-complete (2024-08-05");
    }

    @Test
    void thenWithoutAWhenStageChecksTheGivenHistory() {
        given().seed("niger-2024").then().portfolio(NER, END_OF_APRIL).hasDiversification(0.72, within(0.005));
    }

    @Test
    void aFailureListsTheFactsThatLedThere() {
        assertThatThrownBy(() -> given().seed("niger-2024").then().partnership(NER_USA, END_OF_APRIL).hasStatus(ACTIVE))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting NER-USA on 2024-04-30\n  to have status ACTIVE\nbut it is WINDING_DOWN")
                .hasMessageEndingWith("  2024-03-16 NER -> USA denounce agreement (usa-denounce)\n"
                        + "  2024-04-19 USA -> NER schedule withdrawal (usa-schedule)");
        assertThatThrownBy(() -> given().seed("niger-2024").whenBranch(US_STAYED).then().partnership(NER_USA, OCTOBER).hasStatus(WINDING_DOWN))
                .hasMessageStartingWith("Expecting NER-USA on 2024-10-01 in the branch at 2024-03-15 (removing [usa-denounce, usa-schedule, usa-deadline])\n");
    }

    @Test
    void factsRecordedInTheWhenStageGiveTheirEventsAndTheNewState() {
        given().facts(NIAMEY)
                .when().facts(SCHEDULE)
                .then()
                .events(SCHEDULE.toEvent())
                .partnership(NER_USA, MAY).hasStatus(WINDING_DOWN).hasForcesOf(USA).withWithdrawalDeadline(LocalDate.of(2024, 9, 15));
    }

    @Test
    void eventsFailsListingWhatWasRecorded() {
        assertThatThrownBy(() -> given().facts(NIAMEY).when().facts(SCHEDULE).then().events(COMPLETE.toEvent()))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting recording [usa-schedule]\n  to record these events, in order:\n"
                        + "  2024-08-05 USA -> NER complete withdrawal (usa-complete)\n"
                        + "but it recorded:\n  2024-04-19 USA -> NER schedule withdrawal (usa-schedule)");
    }

    @Test
    void eventsThatLookAlikeButDifferInDetailsAreShownInFull() {
        FactEvent otherSource = new FactCommand.ScheduleWithdrawal(
                new FactHeader(FactId.of("usa-schedule"), HappenedOn.day(2024, 4, 19), USA, NER, List.of(Source.background())),
                Optional.of(LocalDate.of(2024, 9, 15)), List.of()).toEvent();
        assertThatThrownBy(() -> given().facts(NIAMEY).when().facts(SCHEDULE).then().events(otherSource))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("They differ in details:\n  expected [WithdrawalScheduled[")
                .hasMessageContaining("kind=BACKGROUND");
    }

    @Test
    void aRejectedFactIsExpectedWithItsExceptionAndChangesNothing() {
        given().facts(NIAMEY)
                .when().facts(COMPLETE)
                .then()
                .rejectedWith(RuleViolationException.class, "no withdrawal is scheduled on or before 2024-08-05")
                .events()
                .partnership(NER_USA, OCTOBER).hasForcesOf(USA);
    }

    @Test
    void rejectedWithFailsWhenTheStageSucceeded() {
        assertThatThrownBy(() -> given().facts(NIAMEY).when().facts(SCHEDULE).then().rejectedWith(RuleViolationException.class, "scheduled"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting recording [usa-schedule]\n  to be rejected with RuleViolationException containing \"scheduled\"\n"
                        + "but it succeeded; it recorded:\n  2024-04-19 USA -> NER schedule withdrawal (usa-schedule)");
    }

    @Test
    void rejectedWithFailsOnAnotherTypeOrMessage() {
        assertThatThrownBy(() -> given().facts(NIAMEY).when().facts(COMPLETE).then().rejectedWith(RuleViolationException.class, "severed"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting recording [usa-complete]\n  to be rejected with RuleViolationException containing \"severed\"\n"
                        + "but it was rejected with RuleViolationException: NER-USA 2024-08-05 usa-complete")
                .hasCauseInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> given().facts(NIAMEY).when().facts(COMPLETE).then().rejectedWith(IllegalArgumentException.class, "scheduled"))
                .hasMessageContaining("but it was rejected with RuleViolationException: ");
    }

    @Test
    void aRejectionIsExpectedByItsRuleAndAnotherRuleFailsNamingTheOneBroken() {
        given().facts(NIAMEY).when().facts(COMPLETE).then().rejectedBy(Rule.WITHDRAWAL_NOT_SCHEDULED)
                .partnership(NER_USA, OCTOBER).hasForcesOf(USA);
        assertThatThrownBy(() -> given().facts(NIAMEY).when().facts(COMPLETE).then().rejectedBy(Rule.RELATIONS_SEVERED))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting recording [usa-complete]\n  to be rejected by rule RELATIONS_SEVERED")
                .hasMessageContaining("by rule [WITHDRAWAL_NOT_SCHEDULED]");
        assertThatThrownBy(() -> given().facts(NIAMEY).when().facts(SCHEDULE).then().rejectedBy(Rule.WITHDRAWAL_NOT_SCHEDULED))
                .hasMessageContaining("but it succeeded");
    }

    @Test
    void readingTheStateAfterAnUnexpectedRejectionFailsWithTheRejection() {
        assertThatThrownBy(() -> given().facts(NIAMEY).when().facts(COMPLETE).then().partnership(NER_USA, OCTOBER))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting recording [usa-complete] to succeed, but it was rejected with RuleViolationException: ")
                .hasMessageEndingWith("\n(if that is what the test expects, say so first with rejectedWith(...))");
    }

    @Test
    void aRejectedBranchHasNoBranchToRead() {
        Scenario tooEarly = Scenario.branchAt(LocalDate.of(2024, 4, 30)).remove(FactId.of("tur-attache"));
        EntenteFixture.ThenStage then = given().seed("niger-2024").whenBranch(tooEarly).then()
                .rejectedWith(IllegalArgumentException.class, "not after the branch date 2024-04-30");
        assertThatThrownBy(() -> then.dropped())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting the branch at 2024-04-30 (removing [tur-attache]) to run, but it was rejected: "
                        + "fact tur-attache happened on 2024-04-26")
                .hasMessageEndingWith("; there is no branch to read");
    }

    @Test
    void aGivenHistoryThatBreaksARuleStopsTheTest() {
        assertThatThrownBy(() -> given().facts(COMPLETE).then())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the given history was rejected, so the test cannot run: ");
        assertThatThrownBy(() -> given().seed("niger-2025"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("niger-2025")
                .hasMessageContaining("niger-2024");
    }

    @Test
    void misusedStagesSayHowToUseThem() {
        assertThatThrownBy(() -> given().facts(NIAMEY).when().facts(SCHEDULE).then().dropped("x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("dropped needs a branch: use whenBranch(scenario)");
        assertThatThrownBy(() -> given().then().comparison(NER, OCTOBER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("comparison needs a branch: use whenBranch(scenario)");
        assertThatThrownBy(() -> given().seed("niger-2024").whenBranch(US_STAYED).then().events())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("events are what when().facts(...) records; a branch records nothing");
        assertThatThrownBy(() -> given().when().facts(talks("t", "2024-05-01", TUR, NER)).branch(US_STAYED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a when-stage records facts or runs one branch, not both");
        assertThatThrownBy(() -> given().whenBranch(US_STAYED).facts(talks("t", "2024-05-01", TUR, NER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("a when-stage records facts or runs a branch, not both");
    }

    @Test
    void aComparisonInTheFixtureReadsTheBranch() {
        given().seed("niger-2024")
                .whenBranch(Scenario.branchAt(LocalDate.of(2024, 4, 25)).remove(FactId.of("tur-attache")))
                .then()
                .dropped()
                .comparison(NER, END_OF_APRIL).hasSecurityWeightChange(TUR, 2, 1).hasDiversificationRising();
    }
}
