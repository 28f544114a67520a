package org.entente.testing;

import static org.entente.partnership.Status.ACTIVE;
import static org.entente.partnership.Status.ENDED;
import static org.entente.partnership.Status.WINDING_DOWN;
import static org.entente.testing.EntenteAssertions.assertThat;
import static org.entente.testing.EntenteAssertions.assertThatThrownBy;
import static org.entente.testing.Story.END_OF_APRIL;
import static org.entente.testing.Story.JUNE_2023;
import static org.entente.testing.Story.JUNE_2024;
import static org.entente.testing.Story.NER_TUR;
import static org.entente.testing.Story.NER_USA;
import static org.entente.testing.Story.OCTOBER;
import static org.entente.testsupport.Facts.RUS;
import static org.entente.testsupport.Facts.TUR;
import static org.entente.testsupport.Facts.USA;

import java.time.LocalDate;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.relationship.EnvoyRole;
import org.entente.partnership.Partnership;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each partnership assertion passes on the story and fails with its documented message. */
class PartnershipAssertTest {

    private static Entente entente;

    @BeforeAll
    static void load() {
        entente = Story.load();
    }

    @AfterAll
    static void close() {
        entente.close();
    }

    private static Partnership usa(LocalDate date) {
        return entente.partnership(NER_USA, When.asOf(date));
    }

    @Test
    void hasStatusPassesOnTheStatusOfTheDate() {
        assertThat(usa(END_OF_APRIL)).hasStatus(WINDING_DOWN);
        assertThat(usa(OCTOBER)).hasStatus(ENDED);
    }

    @Test
    void hasStatusFailsNamingTheDyadTheDateTheExpectedAndTheFoundStatus() {
        assertThatThrownBy(() -> assertThat(usa(END_OF_APRIL)).hasStatus(ACTIVE))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting NER-USA on 2024-04-30\n  to have status ACTIVE\nbut it is WINDING_DOWN (security weight 1, forces [")
                .hasMessageContaining("usa-forces-niamey (USA, withdrawal scheduled on 2024-04-19, no deadline)")
                .hasMessageContaining("Last fact: 2024-04-19 schedule withdrawal (usa-schedule)");
    }

    @Test
    void aPartnershipReadThroughEntenteListsTheDyadsFactsUpToTheDateInOrder() {
        assertThatThrownBy(() -> assertThat(entente).partnership(NER_USA, END_OF_APRIL).hasStatus(ACTIVE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Facts of NER-USA up to 2024-04-30, in order:\n"
                        + "  2012-01-01 (year) NER -> USA sign agreement (usa-sofa-2012)\n"
                        + "  2013-02-22 USA -> NER station forces (usa-forces-niamey)\n")
                .hasMessageEndingWith("  2024-03-16 NER -> USA denounce agreement (usa-denounce)\n"
                        + "  2024-04-19 USA -> NER schedule withdrawal (usa-schedule)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("usa-deadline"));
    }

    @Test
    void aDescriptionPrefixesTheMessage() {
        assertThatThrownBy(() -> assertThat(usa(OCTOBER)).as("the US after leaving").hasStatus(ACTIVE))
                .hasMessageStartingWith("[the US after leaving] Expecting NER-USA on 2024-10-01");
    }

    @Test
    void hasSecurityWeightPassesAndFailsWithTheWeightFound() {
        assertThat(usa(END_OF_APRIL)).hasSecurityWeight(1);
        assertThatThrownBy(() -> assertThat(usa(END_OF_APRIL)).hasSecurityWeight(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting NER-USA on 2024-04-30\n  to have security weight 2\nbut it has 1: WINDING_DOWN");
    }

    @Test
    void forcesWithAWithdrawalDeadlinePassOnceTheJointStatementSetIt() {
        assertThat(usa(JUNE_2024)).hasStatus(WINDING_DOWN).hasForcesOf(USA).withWithdrawalDeadline(LocalDate.of(2024, 9, 15));
    }

    @Test
    void aWithdrawalDeadlineFailsWhenTheScheduleHasNoneYet() {
        assertThatThrownBy(() -> assertThat(usa(END_OF_APRIL)).hasForcesOf(USA).withWithdrawalDeadline(LocalDate.of(2024, 9, 15)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting NER-USA on 2024-04-30\n  to have the forces of USA withdrawing by 2024-09-15\n"
                        + "but forces of USA are [usa-forces-niamey (USA, withdrawal scheduled on 2024-04-19, no deadline)");
    }

    @Test
    void aWithdrawalDeadlineNeedsTheForcesNamedFirst() {
        assertThatThrownBy(() -> assertThat(usa(JUNE_2024)).withWithdrawalDeadline(LocalDate.of(2024, 9, 15)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("withWithdrawalDeadline applies to the forces of a country: call hasForcesOf(country) first");
    }

    @Test
    void hasForcesOfFailsListingTheForcesPresent() {
        assertThatThrownBy(() -> assertThat(usa(JUNE_2023)).hasForcesOf(RUS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("  to have forces of RUS present\nbut forces present are [usa-forces-niamey (USA, no withdrawal scheduled), "
                        + "usa-forces-agadez (USA, no withdrawal scheduled)]");
    }

    @Test
    void hasNoForcesOfPassesAfterTheWithdrawalAndFailsBefore() {
        assertThat(usa(OCTOBER)).hasNoForcesOf(USA);
        assertThatThrownBy(() -> assertThat(usa(JUNE_2023)).hasNoForcesOf(USA))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("  to have no forces of USA present\nbut forces present are [usa-forces-niamey");
    }

    @Test
    void hasAgreementsInForceComparesTheSigningsExactly() {
        assertThat(usa(JUNE_2023)).hasAgreementsInForce("usa-sofa-2012");
        assertThat(usa(END_OF_APRIL)).hasAgreementsInForce();
        assertThatThrownBy(() -> assertThat(usa(END_OF_APRIL)).hasAgreementsInForce("usa-sofa-2012"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("  to have exactly these agreements in force: [usa-sofa-2012]\nbut they are []");
    }

    @Test
    void hasEnvoyOfFindsTheTurkishAttacheAndFailsListingTheEnvoysInPost() {
        Partnership turkey = entente.partnership(NER_TUR, When.asOf(END_OF_APRIL));
        assertThat(turkey).hasEnvoyOf(TUR, EnvoyRole.DEFENCE_ATTACHE);
        assertThatThrownBy(() -> assertThat(turkey).hasEnvoyOf(TUR, EnvoyRole.AMBASSADOR))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting NER-TUR on 2024-04-30\n  to have an envoy of TUR in post as AMBASSADOR\n"
                        + "but envoys in post are [TUR DEFENCE_ATTACHE (tur-attache)]");
    }

    @Test
    void aNullPartnershipFailsLikeAnyAssertJSubject() {
        assertThatThrownBy(() -> assertThat((Partnership) null).hasStatus(ACTIVE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }
}
