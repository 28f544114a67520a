package org.entente.testing;

import java.time.LocalDate;
import org.assertj.core.api.AbstractAssert;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.timeline.TimelineEntry;
import org.entente.timeline.TimelineFilter;

/**
 * The way from an {@link Entente} to assertions on what it answers, as known now. Going through it
 * rather than asserting on a {@code Partnership} alone puts the facts that led there into failure
 * messages.
 *
 * <pre>{@code
 * assertThat(entente).partnership(Dyad.of(NER, USA), LocalDate.of(2024, 10, 1)).hasStatus(ENDED);
 * assertThat(entente).portfolio(NER, LocalDate.of(2024, 4, 30)).hasSecurityPartners(USA, CHN, TUR, RUS);
 * }</pre>
 */
public class EntenteAssert extends AbstractAssert<EntenteAssert, Entente> {

    /**
     * An assertion on an Entente.
     *
     * @param actual the value under test
     */
    public EntenteAssert(Entente actual) {
        super(actual, EntenteAssert.class);
    }

    /**
     * Assertions on a dyad's partnership on a date, as known now.
     *
     * @param dyad the two actors (countries or organisations)
     * @param date the day the partnership is given for
     * @return assertions on the partnership
     */
    public PartnershipAssert partnership(Dyad dyad, LocalDate date) {
        isNotNull();
        return new PartnershipAssert(actual.partnership(dyad, When.asOf(date)), history(actual));
    }

    /**
     * Assertions on a country's portfolio on a date, as known now.
     *
     * @param country the country whose partners are checked
     * @param date the day the portfolio is given for
     * @return assertions on the portfolio
     */
    public PortfolioAssert portfolio(Country country, LocalDate date) {
        isNotNull();
        return new PortfolioAssert(actual.portfolio(country, When.asOf(date)), history(actual));
    }

    static History history(Entente entente) {
        return History.of("", dyad -> entente.timeline(dyad, TimelineFilter.all().withoutRetracted()).stream()
                .map(TimelineEntry::fact).toList());
    }
}
