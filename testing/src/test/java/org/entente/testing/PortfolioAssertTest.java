package org.entente.testing;

import static org.entente.partnership.Status.ACTIVE;
import static org.entente.partnership.Status.ENDED;
import static org.entente.partnership.Status.STRENGTHENING;
import static org.entente.partnership.Status.WINDING_DOWN;
import static org.entente.testing.EntenteAssertions.assertThat;
import static org.entente.testing.EntenteAssertions.assertThatThrownBy;
import static org.entente.testing.EntenteAssertions.within;
import static org.entente.testing.Story.END_OF_APRIL;
import static org.entente.testing.Story.JUNE_2023;
import static org.entente.testsupport.Facts.CHN;
import static org.entente.testsupport.Facts.FRA;
import static org.entente.testsupport.Facts.NER;
import static org.entente.testsupport.Facts.RUS;
import static org.entente.testsupport.Facts.TUR;
import static org.entente.testsupport.Facts.USA;

import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.partnership.Portfolio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each portfolio assertion passes on the story and fails with its documented message. */
class PortfolioAssertTest {

    private static Entente entente;
    private static Portfolio niger;

    @BeforeAll
    static void load() {
        entente = Story.load();
        niger = entente.portfolio(NER, When.asOf(END_OF_APRIL));
    }

    @AfterAll
    static void close() {
        entente.close();
    }

    @Test
    void theStoryOnTheThirtiethOfAprilPassesEveryFigure() {
        assertThat(niger)
                .hasSecurityPartners(USA, CHN, TUR, RUS)
                .hasSecurityWeight(TUR, 2)
                .hasSecurityWeight(USA, 1)
                .hasConcentration(0.28, within(0.005))
                .hasDiversification(0.72, within(0.005))
                .hasEffectiveNumberOfPartners(3.57, within(0.005))
                .hasPartner(USA, WINDING_DOWN)
                .hasPartner(FRA, ENDED);
    }

    @Test
    void hasSecurityPartnersFailsSayingWhichAreMissingAndWhichWereNotExpected() {
        assertThatThrownBy(() -> assertThat(niger).hasSecurityPartners(USA, CHN, FRA))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting NER on 2024-04-30\n  to have exactly these security partners: [CHN, FRA, USA]\n"
                        + "but they are TUR 2, CHN 1, RUS 1, USA 1; missing [FRA]; not expected [RUS, TUR]\n")
                .hasMessageContaining("Portfolio of NER on 2024-04-30:\n  USA WINDING_DOWN, security weight 1\n  FRA ENDED, security weight 0\n")
                .hasMessageContaining("  concentration 0.28, diversification 0.72, effective number of partners 3.5714");
    }

    @Test
    void hasSecurityWeightFailsWithTheWeightFound() {
        assertThatThrownBy(() -> assertThat(niger).hasSecurityWeight(CHN, 2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("  to give CHN a security weight of 2\nbut CHN has 1; security partners are TUR 2, CHN 1, RUS 1, USA 1");
    }

    @Test
    void figuresFailWithTheValueFoundAndTheOffset() {
        assertThatThrownBy(() -> assertThat(niger).hasDiversification(0.5, within(0.01)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("  to have diversification 0.50 (within 0.01)\nbut it is 0.72");
        assertThatThrownBy(() -> assertThat(niger).hasConcentration(0.3, within(0.001)))
                .hasMessageContaining("  to have concentration 0.30 (within 0.001)\nbut it is 0.28");
        assertThatThrownBy(() -> assertThat(niger).hasEffectiveNumberOfPartners(4, within(0.1)))
                .hasMessageContaining("  to have effective number of partners 4.00 (within 0.1)\nbut it is 3.5714");
    }

    @Test
    void aCountryWithoutSecurityPartnersHasNoFigures() {
        Portfolio ghana = entente.portfolio(Country.of("GHA"), When.asOf(END_OF_APRIL));
        assertThat(ghana).hasNoSecurityPartners();
        assertThatThrownBy(() -> assertThat(ghana).hasDiversification(0.5, within(0.01)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("  to have diversification 0.50 (within 0.01)\nbut it has none\n")
                .hasMessageContaining("  (no partner)\n  security partners: none\n  no security partners, so no concentration");
    }

    @Test
    void hasPartnerFailsWithTheStatusFound() {
        assertThatThrownBy(() -> assertThat(niger).hasPartner(FRA, STRENGTHENING))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("  to have FRA as a partner with status STRENGTHENING\nbut FRA is ENDED");
        assertThatThrownBy(() -> assertThat(niger).hasPartner(Country.of("GHA"), ENDED))
                .hasMessageContaining("but GHA is NONE");
    }

    @Test
    void partnerLeadsToThePartnershipWithTheFactsOfThePortfolio() {
        assertThat(entente).portfolio(NER, JUNE_2023).hasSecurityPartners(FRA, USA).partner(USA).hasStatus(ACTIVE);
        assertThatThrownBy(() -> assertThat(entente).portfolio(NER, JUNE_2023).partner(TUR))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting NER on 2023-06-01\n  to have a partnership with TUR\nbut it has none")
                .hasMessageContaining("Facts of NER up to 2023-06-01, in order:\n  1977-01-01 (year) NER -> FRA sign agreement (fra-agreements)\n");
    }
}
