package org.entente.series;

import java.time.LocalDate;
import java.util.OptionalDouble;
import org.entente.core.Actor;
import org.entente.core.internal.Require;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.partnership.Status;
import org.entente.partnership.Trend;

/**
 * One row of a {@link Series}: a country's partnership with one partner on one date, and the country's
 * security figures on that date (the same on every row of the date).
 *
 * @param date                      the date
 * @param country                   the country the series is of
 * @param partner                   the other side of the partnership
 * @param status                    the partnership's status
 * @param temperature               the partnership's temperature (three decimals, as {@link Partnership} keeps it)
 * @param trend                     the temperature's trend over 90 days
 * @param securityWeight            the partnership's security weight, 0 to 4
 * @param securityShare             the partner's share of the country's total security weight (0 for a partner
 *                                  of weight 0); empty when the country has no security partner on the date
 * @param diversification           the country's diversification; empty without security partners
 * @param effectiveNumberOfPartners the country's effective number of security partners; empty without security partners
 */
public record SeriesRow(LocalDate date, Actor country, Actor partner, Status status, double temperature, Trend trend,
                        int securityWeight, OptionalDouble securityShare, OptionalDouble diversification,
                        OptionalDouble effectiveNumberOfPartners) {

    /**
     * Creates the record, checking its components.
     *
     * @param date the date
     * @param country the country the series is of
     * @param partner the other side of the partnership
     * @param status the partnership's status
     * @param temperature the partnership's temperature
     * @param trend the temperature's trend
     * @param securityWeight the security weight, 0 to 4
     * @param securityShare the partner's share of the security weight, empty without security partners
     * @param diversification the country's diversification, empty without security partners
     * @param effectiveNumberOfPartners the country's effective number of partners, empty without security partners
     */
    public SeriesRow {
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        Require.nonNull(country, "country", "a Country such as Country.of(\"NER\")");
        Require.nonNull(partner, "partner", "a Country such as Country.of(\"USA\")");
        Require.nonNull(status, "status", "a Status such as Status.ACTIVE");
        Require.nonNull(trend, "trend", "a Trend such as Trend.STEADY");
        Require.nonNull(securityShare, "securityShare", "OptionalDouble.empty() without security partners");
        Require.nonNull(diversification, "diversification", "OptionalDouble.empty() without security partners");
        Require.nonNull(effectiveNumberOfPartners, "effectiveNumberOfPartners", "OptionalDouble.empty() without security partners");
    }

    /**
     * The row of one of a portfolio's partnerships: the partnership's own figures, its partner's share of
     * the portfolio's security weight and the portfolio's concentration figures.
     *
     * @param portfolio the country's portfolio on the date
     * @param partnership a partnership of the portfolio's country on the portfolio's date (one of its
     *                    partners, or one of status {@code NONE} that the portfolio leaves out)
     * @return the row
     * @throws IllegalArgumentException when the partnership is not the country's, or not of the portfolio's date
     */
    public static SeriesRow of(Portfolio portfolio, Partnership partnership) {
        Require.nonNull(portfolio, "portfolio", "a Portfolio such as entente.portfolio(country, When.asOf(date))");
        Require.nonNull(partnership, "partnership", "a Partnership of the portfolio's country on its date");
        Actor country = portfolio.country();
        if (!partnership.dyad().contains(country) || !partnership.date().equals(portfolio.date())) {
            throw new IllegalArgumentException("the partnership " + partnership.dyad() + " on " + partnership.date()
                    + " is not one of " + country.code() + "'s on " + portfolio.date());
        }
        Actor partner = partnership.partnerOf(country);
        OptionalDouble share = portfolio.mix().isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(portfolio.securityPartners().stream().filter(s -> s.partner().equals(partner))
                        .mapToDouble(Portfolio.SecurityPartner::share).findFirst().orElse(0));
        OptionalDouble diversification = portfolio.mix().map(m -> OptionalDouble.of(m.diversification())).orElse(OptionalDouble.empty());
        OptionalDouble effective = portfolio.mix().map(m -> OptionalDouble.of(m.effectiveNumberOfPartners())).orElse(OptionalDouble.empty());
        return new SeriesRow(portfolio.date(), country, partner, partnership.status(), partnership.temperature(), partnership.trend(),
                partnership.securityWeight(), share, diversification, effective);
    }

    /** One short line: {@code 2024-04-30 NER-USA WINDING_DOWN, temperature 1.234 COOLING, security weight 1}. */
    @Override
    public String toString() {
        return date + " " + country.code() + "-" + partner.code() + " " + status + String.format(java.util.Locale.ROOT,
                ", temperature %.3f %s, security weight %d", temperature, trend, securityWeight);
    }
}
