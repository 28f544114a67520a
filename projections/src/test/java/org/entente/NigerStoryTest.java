package org.entente;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.entente.testsupport.Facts.*;

import java.time.LocalDate;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.partnership.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The expected figures of docs/DOMAIN.md's "Definitions", from the story encoded as docs/DOMAIN.md says. */
class NigerStoryTest {

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

    private static Status status(Country partner, String date) {
        return entente.partnership(Dyad.of(NER, partner), When.asOf(LocalDate.parse(date))).status();
    }

    @Test
    void beforeTheCoupTheUnitedStatesAndFranceAreActive() {
        assertThat(status(USA, "2023-06-01")).isEqualTo(Status.ACTIVE);
        assertThat(status(FRA, "2023-06-01")).isEqualTo(Status.ACTIVE);
    }

    @Test
    void onThirtyAprilTheUsIsWindingDownFranceHasEndedAndTheOthersAreStrengthening() {
        assertThat(status(USA, "2024-04-30")).isEqualTo(Status.WINDING_DOWN);
        assertThat(status(FRA, "2024-04-30")).isEqualTo(Status.ENDED);
        assertThat(status(CHN, "2024-04-30")).isEqualTo(Status.STRENGTHENING);
        assertThat(status(TUR, "2024-04-30")).isEqualTo(Status.STRENGTHENING);
        assertThat(status(RUS, "2024-04-30")).isEqualTo(Status.STRENGTHENING);
    }

    @Test
    void inOctoberTheUsPartnershipHasEnded() {
        assertThat(status(USA, "2024-10-01")).isEqualTo(Status.ENDED);
    }

    @Test
    void nigersSecurityPartnersOnThirtyAprilGiveAConcentrationOf028() {
        Portfolio niger = entente.portfolio(NER, When.asOf(LocalDate.of(2024, 4, 30)));
        assertThat(niger.securityPartners())
                .extracting(p -> p.partner().code() + ":" + p.weight())
                .containsExactlyInAnyOrder("USA:1", "CHN:1", "TUR:2", "RUS:1");
        Portfolio.SecurityMix mix = niger.mix().orElseThrow();
        assertThat(mix.concentration()).isCloseTo(0.28, within(1e-9));
        assertThat(mix.diversification()).isCloseTo(0.72, within(1e-9));
        assertThat(mix.effectiveNumberOfPartners()).isCloseTo(3.57, within(0.005));
    }

    @Test
    void thePortfolioIsSortedByStatusThenPartnerName() {
        Portfolio niger = entente.portfolio(NER, When.asOf(LocalDate.of(2024, 4, 30)));
        assertThat(niger.partners()).extracting(p -> p.partnerOf(NER).code())
                .containsExactly("USA", "FRA", "CHN", "RUS", "TUR");
    }

    @Test
    void theUsPartnershipOnThirtyAprilShowsForcesWithdrawingWithoutADeadlineYet() {
        Partnership p = entente.partnership(Dyad.of(NER, USA), When.asOf(LocalDate.of(2024, 4, 30)));
        assertThat(p.forces()).extracting(f -> f.stationing().value()).containsExactly("usa-forces-niamey", "usa-forces-agadez");
        assertThat(p.withdrawals()).hasSize(2).allSatisfy(f -> assertThat(f.withdrawal().orElseThrow().deadline()).isEmpty());
        assertThat(p.agreements()).isEmpty();
        Partnership june = entente.partnership(Dyad.of(NER, USA), When.asOf(LocalDate.of(2024, 6, 1)));
        assertThat(june.withdrawals()).allSatisfy(f -> assertThat(f.withdrawal().orElseThrow().deadline())
                .contains(LocalDate.of(2024, 9, 15)));
    }
}
