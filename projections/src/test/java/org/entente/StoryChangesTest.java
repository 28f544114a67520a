package org.entente;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.MoreFacts.day;
import static org.entente.testsupport.Facts.*;

import java.util.List;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.partnership.Status;
import org.entente.timeline.DyadChanges;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What changed between two dates in the Niger story, per dyad and for Niger as a whole. */
class StoryChangesTest {

    private static Entente entente;

    @BeforeAll
    static void record() {
        entente = Entente.inMemory();
        entente.recordAll(NigerStory.facts());
    }

    @AfterAll
    static void close() {
        entente.close();
    }

    private static List<FactId> ids(String... values) {
        return java.util.Arrays.stream(values).map(FactId::of).toList();
    }

    @Test
    void fromNewYear2024ToOctoberTheUnitedStatesLostItsAgreementAndItsForces() {
        DyadChanges usa = entente.changes(Dyad.of(USA, NER), day("2024-01-01"), day("2024-10-01"));

        assertThat(usa.dyad()).isEqualTo(Dyad.of(NER, USA));
        assertThat(usa.from()).isEqualTo(day("2024-01-01"));
        assertThat(usa.to()).isEqualTo(day("2024-10-01"));
        assertThat(usa.statusBefore()).isEqualTo(Status.ACTIVE);
        assertThat(usa.statusAfter()).isEqualTo(Status.ENDED);
        assertThat(usa.agreementsLost()).isEqualTo(ids("usa-sofa-2012"));
        assertThat(usa.forcesLeft()).isEqualTo(ids("usa-forces-niamey", "usa-forces-agadez"));
        assertThat(usa.agreementsGained()).isEmpty();
        assertThat(usa.forcesArrived()).isEmpty();
        assertThat(usa.envoysArrived()).isEmpty();
        assertThat(usa.envoysLeft()).isEmpty();
        assertThat(usa.isEmpty()).isFalse();
    }

    @Test
    void byThirtyAprilTheUnitedStatesHadLostTheAgreementButNotTheForces() {
        DyadChanges usa = entente.changes(Dyad.of(NER, USA), day("2024-01-01"), day("2024-04-30"));

        assertThat(usa.statusAfter()).isEqualTo(Status.WINDING_DOWN);
        assertThat(usa.agreementsLost()).isEqualTo(ids("usa-sofa-2012"));
        assertThat(usa.forcesLeft()).isEmpty();
    }

    @Test
    void franceWentFromActiveToEndedLosingItsAgreementsAndForces() {
        DyadChanges france = entente.changes(Dyad.of(NER, FRA), day("2023-06-01"), day("2024-04-30"));

        assertThat(france.statusBefore()).isEqualTo(Status.ACTIVE);
        assertThat(france.statusAfter()).isEqualTo(Status.ENDED);
        assertThat(france.agreementsLost()).isEqualTo(ids("fra-agreements"));
        assertThat(france.forcesLeft()).isEqualTo(ids("fra-forces"));
    }

    @Test
    void franceGainedItsAgreementsAndForcesBeforeTheyWereLost() {
        DyadChanges france = entente.changes(Dyad.of(NER, FRA), day("1976-12-31"), day("2014-08-01"));

        assertThat(france.statusBefore()).isEqualTo(Status.NONE);
        assertThat(france.statusAfter()).isEqualTo(Status.STRENGTHENING);
        assertThat(france.agreementsGained()).isEqualTo(ids("fra-agreements"));
        assertThat(france.forcesArrived()).isEqualTo(ids("fra-forces"));
        assertThat(france.agreementsLost()).isEmpty();
        assertThat(france.forcesLeft()).isEmpty();
    }

    @Test
    void turkeysAttacheArrivedOnTwentySixApril() {
        DyadChanges turkey = entente.changes(Dyad.of(NER, TUR), day("2024-04-25"), day("2024-04-26"));

        assertThat(turkey.statusBefore()).isEqualTo(Status.NONE);
        assertThat(turkey.statusAfter()).isEqualTo(Status.STRENGTHENING);
        assertThat(turkey.envoysArrived()).isEqualTo(ids("tur-attache"));
        assertThat(turkey.envoysLeft()).isEmpty();
    }

    @Test
    void betweenADateAndItselfNothingChanges() {
        assertThat(entente.changes(Dyad.of(NER, USA), day("2024-04-30"), day("2024-04-30")).isEmpty()).isTrue();
        assertThat(entente.changes(NER, day("2024-04-30"), day("2024-04-30"))).isEmpty();
    }

    @Test
    void nigersChangesInEarly2024ListEveryChangedPartnershipAndLeaveFranceOut() {
        List<DyadChanges> niger = entente.changes(NER, day("2024-01-01"), day("2024-04-30"));

        assertThat(niger).extracting(c -> c.dyad().other(NER).code()).containsExactly("CHN", "RUS", "TUR", "USA");
        DyadChanges china = niger.get(0);
        assertThat(china.statusBefore()).isEqualTo(Status.ACTIVE);
        assertThat(china.statusAfter()).isEqualTo(Status.STRENGTHENING);
        DyadChanges russia = niger.get(1);
        assertThat(russia.statusBefore()).isEqualTo(Status.NONE);
        assertThat(russia.statusAfter()).isEqualTo(Status.STRENGTHENING);
        assertThat(russia.forcesArrived()).isEqualTo(ids("rus-forces"));
        DyadChanges turkey = niger.get(2);
        assertThat(turkey.envoysArrived()).isEqualTo(ids("tur-attache"));
        DyadChanges usa = niger.get(3);
        assertThat(usa.statusBefore()).isEqualTo(Status.ACTIVE);
        assertThat(usa.statusAfter()).isEqualTo(Status.WINDING_DOWN);
        assertThat(usa.agreementsLost()).isEqualTo(ids("usa-sofa-2012"));
        assertThat(niger).allSatisfy(c -> assertThat(c.from()).isEqualTo(day("2024-01-01")))
                .allSatisfy(c -> assertThat(c.to()).isEqualTo(day("2024-04-30")));
    }

    @Test
    void nigersChangesPerDyadAgreeWithTheDyadQuery() {
        for (DyadChanges c : entente.changes(NER, day("2023-06-01"), day("2024-10-01"))) {
            assertThat(c).isEqualTo(entente.changes(c.dyad(), day("2023-06-01"), day("2024-10-01")));
        }
        assertThat(entente.changes(NER, day("2023-06-01"), day("2024-10-01")))
                .extracting(c -> c.dyad().other(NER).code() + ":" + c.statusBefore() + "->" + c.statusAfter())
                .containsExactly("CHN:NONE->STRENGTHENING", "FRA:ACTIVE->ENDED", "RUS:NONE->STRENGTHENING",
                        "TUR:NONE->STRENGTHENING", "USA:ACTIVE->ENDED");
    }

    @Test
    void changesBackwardsInTimeAreRejected() {
        assertThatThrownBy(() -> entente.changes(Dyad.of(NER, USA), day("2024-10-01"), day("2024-01-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-10-01");
        assertThatThrownBy(() -> entente.changes(NER, day("2024-10-01"), day("2024-01-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
