package org.entente.testing;

import static org.entente.partnership.Status.ACTIVE;
import static org.entente.partnership.Status.ENDED;
import static org.entente.partnership.Status.STRENGTHENING;
import static org.entente.testing.EntenteAssertions.assertThat;
import static org.entente.testing.EntenteAssertions.assertThatThrownBy;
import static org.entente.testing.EntenteAssertions.within;
import static org.entente.testing.Story.NER_USA;
import static org.entente.testing.Story.OCTOBER;
import static org.entente.testsupport.Facts.CHN;
import static org.entente.testsupport.Facts.NER;
import static org.entente.testsupport.Facts.TUR;
import static org.entente.testsupport.Facts.USA;
import static org.entente.testsupport.Facts.header;

import java.time.LocalDate;
import java.util.Optional;
import org.entente.Entente;
import org.entente.core.FactId;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.FactCommand;
import org.entente.simulation.Scenario;
import org.entente.simulation.Simulation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Simulation and comparison assertions on the story's what-if branches. */
class SimulationAssertTest {

    static final LocalDate END_OF_JUNE = LocalDate.of(2024, 6, 30);
    private static Entente entente;
    private static Simulation usStayed;
    private static Simulation turkishAgreement;

    @BeforeAll
    static void load() {
        entente = Story.load();
        usStayed = entente.simulate(Scenario.branchAt(LocalDate.of(2024, 3, 15))
                .remove(FactId.of("usa-denounce"), FactId.of("usa-schedule"), FactId.of("usa-deadline")));
        FactCommand agreement = new FactCommand.SignAgreement(header("tur-defence", "2024-06-01", TUR, NER),
                AgreementKind.DEFENCE_COOPERATION, Optional.empty());
        turkishAgreement = entente.simulate(Scenario.branchAt(LocalDate.of(2024, 5, 31)).add(agreement));
    }

    @AfterAll
    static void close() {
        entente.close();
    }

    @Test
    void droppedPassesOnExactlyTheFactsTheBranchDrops() {
        assertThat(usStayed).dropped("usa-complete").doesNotDrop("usa-handover-101", "usa-handover-201");
        assertThat(turkishAgreement).droppedNothing();
    }

    @Test
    void droppedFailsListingEachDroppedFactWithItsRule() {
        assertThatThrownBy(() -> assertThat(usStayed).dropped("usa-complete", "usa-handover-101"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting the branch at 2024-03-15 (removing [usa-denounce, usa-schedule, usa-deadline])\n"
                        + "  to drop exactly [usa-complete, usa-handover-101]\nbut it drops [usa-complete]\n"
                        + "Dropped real facts, in order:\n"
                        + "  usa-complete (2024-08-05, complete withdrawal) would not have happened: no withdrawal is scheduled");
        assertThatThrownBy(() -> assertThat(usStayed).droppedNothing())
                .hasMessageContaining("  to drop no real fact\nbut it drops [usa-complete]");
        assertThatThrownBy(() -> assertThat(usStayed).doesNotDrop("usa-handover-101", "usa-complete"))
                .hasMessageContaining("  to keep [usa-handover-101, usa-complete]\nbut it drops [usa-complete]");
    }

    @Test
    void droppedBecauseOfChecksTheChangesThatExplainIt() {
        assertThat(usStayed).droppedBecauseOf("usa-complete", "usa-schedule", "usa-deadline");
        assertThatThrownBy(() -> assertThat(usStayed).droppedBecauseOf("usa-complete", "usa-denounce"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("  to drop usa-complete because of [usa-denounce]\nbut it is dropped because of [usa-deadline, usa-schedule]");
        assertThatThrownBy(() -> assertThat(usStayed).droppedBecauseOf("usa-handover-101", "usa-denounce"))
                .hasMessageContaining("but it does not drop usa-handover-101");
    }

    @Test
    void theBranchsPartnershipFailsListingTheBranchsFacts() {
        assertThat(usStayed).partnership(NER_USA, OCTOBER).hasStatus(ACTIVE).hasForcesOf(USA);
        assertThat(usStayed).baselinePartnership(NER_USA, OCTOBER).hasStatus(ENDED);
        assertThatThrownBy(() -> assertThat(usStayed).partnership(NER_USA, OCTOBER).hasStatus(ENDED))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting NER-USA on 2024-10-01 in the branch at 2024-03-15 (removing [usa-denounce, usa-schedule, usa-deadline])\n"
                        + "  to have status ENDED\nbut it is ACTIVE")
                .hasMessageContaining("  2024-08-05 USA -> NER hand over base (usa-handover-201)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("(usa-denounce)\n").doesNotContain("(usa-complete)"));
        assertThatThrownBy(() -> assertThat(usStayed).baselinePartnership(NER_USA, OCTOBER).hasStatus(ACTIVE))
                .hasMessageStartingWith("Expecting NER-USA on 2024-10-01 in real history\n")
                .hasMessageContaining("  2024-08-05 USA -> NER complete withdrawal (usa-complete)");
    }

    @Test
    void theBranchsPortfolioAndTheBaselinesDiffer() {
        assertThat(turkishAgreement).portfolio(NER, END_OF_JUNE).hasSecurityWeight(TUR, 3);
        assertThat(turkishAgreement).baselinePortfolio(NER, END_OF_JUNE).hasSecurityWeight(TUR, 2);
        assertThatThrownBy(() -> assertThat(turkishAgreement).portfolio(NER, END_OF_JUNE).hasSecurityWeight(TUR, 2))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting NER on 2024-06-30 in the branch at 2024-05-31 (adding [tur-defence])\n")
                .hasMessageContaining("  2024-06-01 TUR -> NER sign agreement (tur-defence)");
    }

    @Test
    void aComparisonPassesOnWhatDiffers() {
        assertThat(turkishAgreement).comparison(NER, END_OF_JUNE)
                .hasSecurityWeightChange(TUR, 2, 3)
                .hasDiversificationChange(0.72, 0.67, within(0.005))
                .hasDiversificationFalling();
        assertThat(usStayed.compare(NER, OCTOBER)).hasStatusChange(USA, ENDED, ACTIVE).hasDiversificationRising();
        assertThat(turkishAgreement.compare(NER, LocalDate.of(2024, 5, 31))).hasNoDifference();
    }

    @Test
    void aComparisonFailsShowingTheWholeComparison() {
        assertThatThrownBy(() -> assertThat(turkishAgreement.compare(NER, END_OF_JUNE)).hasSecurityWeightChange(TUR, 2, 4))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting NER on 2024-06-30, real history -> branch:\n  the security weight of TUR to go from 2 to 4\n"
                        + "but it goes from 2 to 3\nComparison:\n"
                        + "Niger (NER) on 2024-06-30, real history -> branch:\n"
                        + "  TUR Turkey: status STRENGTHENING, security weight 2 -> 3\n"
                        + "  diversification 0.72 -> 0.67, effective number of partners 3.57 -> 3.00");
        assertThatThrownBy(() -> assertThat(turkishAgreement.compare(NER, END_OF_JUNE)).hasSecurityWeightChange(CHN, 1, 2))
                .hasMessageContaining("but CHN does not differ");
        assertThatThrownBy(() -> assertThat(turkishAgreement.compare(NER, END_OF_JUNE)).hasStatusChange(TUR, STRENGTHENING, ACTIVE))
                .hasMessageContaining("  the status of TUR to go from STRENGTHENING to ACTIVE\nbut it goes from STRENGTHENING to STRENGTHENING");
        assertThatThrownBy(() -> assertThat(turkishAgreement.compare(NER, END_OF_JUNE)).hasDiversificationRising())
                .hasMessageContaining("  the diversification to rise\nbut it goes from 0.72 to 0.6667");
        assertThatThrownBy(() -> assertThat(turkishAgreement.compare(NER, END_OF_JUNE)).hasDiversificationChange(0.72, 0.75, within(0.005)))
                .hasMessageContaining("  the diversification to go from 0.72 to 0.75 (within 0.005)\nbut it goes from 0.72 to 0.6667");
        assertThatThrownBy(() -> assertThat(turkishAgreement.compare(NER, END_OF_JUNE)).hasNoDifference())
                .hasMessageContaining("  no difference\nbut it differs");
    }
}
