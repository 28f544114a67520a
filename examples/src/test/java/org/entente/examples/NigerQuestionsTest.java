package org.entente.examples;

import static org.entente.partnership.Status.ACTIVE;
import static org.entente.partnership.Status.ENDED;
import static org.entente.partnership.Status.STRENGTHENING;
import static org.entente.testing.EntenteAssertions.assertThat;
import static org.entente.testing.EntenteAssertions.within;
import static org.entente.testing.EntenteFixture.given;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactHeader;
import org.entente.core.relationship.RuleViolationException;
import org.entente.partnership.Portfolio;
import org.entente.simulation.Scenario;
import org.entente.simulation.Simulation;
import org.entente.testing.EntenteFixture;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;

/**
 * The questions the April 2024 article raises, asked of the bundled {@code niger-2024} story with
 * Entente's test kit: the extension for plain reads, the fixture for what-if branches.
 */
@EntenteTest(seed = "niger-2024")
class NigerQuestionsTest {

    static final Country NER = Country.of("NER");
    static final Country USA = Country.of("USA");
    static final Country FRA = Country.of("FRA");
    static final Country CHN = Country.of("CHN");
    static final Country TUR = Country.of("TUR");
    static final Country RUS = Country.of("RUS");
    static final LocalDate BEFORE_THE_COUP = LocalDate.of(2023, 6, 1);
    static final LocalDate END_OF_APRIL = LocalDate.of(2024, 4, 30);
    static final LocalDate OCTOBER = LocalDate.of(2024, 10, 1);

    @Test
    void nigerIsDiversifyingItsSecurityPartners(Entente entente) {
        // Before the coup: France and the US, two partners of equal weight.
        assertThat(entente).portfolio(NER, BEFORE_THE_COUP)
                .hasSecurityPartners(FRA, USA)
                .hasDiversification(0.50, within(0.005));
        // End of April 2024: France gone, the US leaving, China, Russia and Turkey in.
        assertThat(entente).portfolio(NER, END_OF_APRIL)
                .hasSecurityPartners(USA, CHN, TUR, RUS)
                .hasSecurityWeight(TUR, 2)
                .hasDiversification(0.72, within(0.005))
                .hasEffectiveNumberOfPartners(3.57, within(0.005));

        Portfolio before = entente.portfolio(NER, When.asOf(BEFORE_THE_COUP));
        Portfolio after = entente.portfolio(NER, When.asOf(END_OF_APRIL));
        assertThat(after.mix().orElseThrow().diversification()).isGreaterThan(before.mix().orElseThrow().diversification());
    }

    @Test
    void withoutTheTurkishAttacheTurkeyWeighsLessAndNigerLooksMoreDiversified() {
        // Removals must happen after the branch date: the attaché arrived on 26 April.
        EntenteFixture.ThenStage april = given().seed("niger-2024")
                .whenBranch(Scenario.branchAt(LocalDate.of(2024, 4, 25)).remove(FactId.of("tur-attache")))
                .then()
                .dropped();   // no later fact depended on the attaché

        // Turkey keeps its pledge of the same day, so it still counts, with one element instead of two.
        april.partnership(Dyad.of(NER, TUR), END_OF_APRIL).hasStatus(STRENGTHENING).hasSecurityWeight(1);
        // Four partners of equal weight spread more evenly than 2-1-1-1: the index rises.
        april.comparison(NER, END_OF_APRIL)
                .hasSecurityWeightChange(TUR, 2, 1)
                .hasDiversificationChange(0.72, 0.75, within(0.005))
                .hasDiversificationRising();
    }

    @Test
    void ifTheUsHadStayedOnlyTheCompletedWithdrawalWouldNotHaveHappened(Entente entente) {
        Simulation usStayed = entente.simulate(Scenario.branchAt(LocalDate.of(2024, 3, 15))
                .remove(FactId.of("usa-denounce"), FactId.of("usa-schedule"), FactId.of("usa-deadline")));

        // Without a scheduled withdrawal it cannot complete; handing bases over needs no schedule, so those stay.
        assertThat(usStayed)
                .dropped("usa-complete")
                .droppedBecauseOf("usa-complete", "usa-schedule", "usa-deadline")
                .doesNotDrop("usa-handover-101", "usa-handover-201");
        assertThat(usStayed).partnership(Dyad.of(NER, USA), OCTOBER)
                .hasStatus(ACTIVE)
                .hasForcesOf(USA)
                .hasAgreementsInForce("usa-sofa-2012");
        assertThat(usStayed).baselinePartnership(Dyad.of(NER, USA), OCTOBER).hasStatus(ENDED).hasNoForcesOf(USA);
    }

    @Test
    void aTurkishDefenceAgreementInJuneWouldConcentrateNigersSecurityPartnerships() {
        FactCommand agreement = new FactCommand.SignAgreement(
                FactHeader.of("tur-defence-2024", HappenedOn.day(2024, 6, 1), TUR, NER, Source.hypothetical()),
                AgreementKind.DEFENCE_COOPERATION, Optional.of("defence cooperation agreement (hypothetical)"));

        // More weight on one partner that already weighs most: the diversification falls, 0.72 to 0.67.
        given().seed("niger-2024")
                .whenBranch(Scenario.branchAt(LocalDate.of(2024, 5, 31)).add(agreement))
                .then()
                .dropped()
                .comparison(NER, LocalDate.of(2024, 6, 30))
                .hasSecurityWeightChange(TUR, 2, 3)
                .hasDiversificationChange(0.72, 0.67, within(0.005))
                .hasDiversificationFalling();
    }

    @Test
    void aRussianWithdrawalThatWasNeverScheduledIsRejectedAndChangesNothing() {
        FactCommand withdrawal = new FactCommand.CompleteWithdrawal(
                FactHeader.of("rus-complete", HappenedOn.day(2024, 6, 1), RUS, NER, Source.hypothetical()),
                List.of(FactId.of("rus-forces")));

        given().seed("niger-2024")
                .when().facts(withdrawal)
                .then()
                .rejectedWith(RuleViolationException.class, "no withdrawal is scheduled on or before 2024-06-01")
                .partnership(Dyad.of(NER, RUS), LocalDate.of(2024, 6, 30)).hasStatus(STRENGTHENING).hasForcesOf(RUS);
    }
}
