package org.entente.partnership;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.internal.Require;

/**
 * Every partner of a country on a date, with its partnership, and the country's security partners.
 * Immutable.
 *
 * <p>Partners are sorted by status (in {@link Status}'s order) then by the partner's name.
 * <b>Security partners</b> have at least one of four elements: a military agreement in force,
 * foreign forces present, a defence attaché in post, a military or security pledge within the window.
 * A partner's weight is how many it has (1 to 4). <b>Concentration</b> is the Herfindahl index of the
 * weight shares (1 means a single partner); {@code diversification = 1 - concentration} and
 * {@code effective number of partners = 1 / concentration}. With no security partner the three are
 * empty.
 *
 * @param country           the country whose partners these are
 * @param date              the day the portfolio is given for
 * @param partners          every dyad of the country with a fact on or before the date
 * @param securityPartners  partners with a security weight of 1 or more, heaviest first
 * @param mix               the concentration figures, empty without security partners
 */
public record Portfolio(Actor country, LocalDate date, List<Partnership> partners, List<SecurityPartner> securityPartners,
                        Optional<SecurityMix> mix) {

    /**
     * The {@code format} of {@link #toJson()}: {@value}. Fields may be added within a version, never
     * removed or renamed.
     */
    public static final String JSON_FORMAT = "entente-portfolio/1";

    /**
     * Creates the record, checking its components.
     *
     * @param country the country whose partnerships these are
     * @param date the day the portfolio is given for
     * @param partners every dyad of the country with a fact on or before the date
     * @param securityPartners partners with a security weight of 1 or more, heaviest first
     * @param mix the concentration figures, empty without security partners
     */
    public Portfolio {
        Require.nonNull(country, "country", "a Actor such as Country.of(\"NER\")");
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        partners = List.copyOf(Require.nonNull(partners, "partners", "a list, empty for none"));
        securityPartners = List.copyOf(Require.nonNull(securityPartners, "securityPartners", "a list, empty for none"));
        Require.nonNull(mix, "mix", "Optional.empty() without security partners");
    }

    /**
     * One security partner.
     *
     * @param partner the other country
     * @param weight  how many of the four elements (1 to 4)
     * @param share   weight / total weight
     */
    public record SecurityPartner(Actor partner, int weight, double share) {
        /**
         * Checks the components.
         *
         * @param partner the other country
         * @param weight  how many of the four elements (1 to 4)
         * @param share   weight / total weight
         */
        public SecurityPartner {
            Require.nonNull(partner, "partner", "the other country, such as Country.of(\"TUR\")");
        }
    }

    /**
     * How concentrated a country's security partnerships are.
     *
     * @param concentration            the Herfindahl index of the weight shares, 0 &lt; c &le; 1
     * @param diversification          1 − concentration
     * @param effectiveNumberOfPartners 1 / concentration
     */
    public record SecurityMix(double concentration, double diversification, double effectiveNumberOfPartners) {
    }

    /**
     * {@return the partnership with one partner, if the country has one with it on the date}
     *
     * @param partner the other country (empty when it has no partnership with this country)
     */
    public Optional<Partnership> with(Actor partner) {
        Require.nonNull(partner, "partner", "a Actor such as Country.of(\"NER\")");
        return partners.stream().filter(p -> p.dyad().contains(partner)).findFirst();
    }

    /**
     * The portfolio as the command line's {@code board} prints it: a heading, one aligned row per
     * partner (status, agreements in force, forces present, envoys in post, last fact), then the
     * security partners and the concentration figures. Stored text is escaped for a terminal
     * ({@link org.entente.core.text.TerminalText}).
     *
     * <pre>
     * Niger (NER) on 2024-04-30: 5 partners
     *
     * PARTNER            STATUS         AGREEMENTS IN FORCE  FORCES PRESENT    ...
     * USA United States  WINDING_DOWN   -                    USA ~100 at Air Base 101, withdrawing; ...
     * ...
     *
     * Security partners (weight of 4): TUR Turkey 2, CHN China 1, RUS Russia 1, USA United States 1
     * Concentration 0.28, diversification 0.72, effective number of partners 3.57
     * </pre>
     *
     * @return the text, each line ending with a line feed
     */
    public String toText() {
        return org.entente.internal.TextRendering.portfolio(this, Optional.empty());
    }

    /**
     * {@link #toText()} with a heading that also names the query's recording-time and publication
     * limits ({@code Niger (NER) on 2024-04-30, as known at 2024-05-01T00:00:00Z, from sources published
     * by 2024-04-25: 4 partners}). The date shown is the portfolio's own.
     *
     * @param when the query the portfolio answers
     * @return the text, each line ending with a line feed
     */
    public String toText(org.entente.When when) {
        return org.entente.internal.TextRendering.portfolio(this, Optional.of(Require.nonNull(when, "when", "a When such as When.asOf(LocalDate.of(2024, 4, 30))")));
    }

    /**
     * The portfolio as JSON, for programs: an object whose first field is {@code "format": "entente-portfolio/1"},
     * then {@code country}, {@code date}, {@code partners} (each a partnership as {@link Partnership#toJson()}
     * writes it, without its {@code format}), {@code securityPartners} ({@code partner}, {@code weight},
     * {@code share}) and {@code mix} ({@code concentration}, {@code diversification},
     * {@code effectiveNumberOfPartners}; absent without security partners). The README's "Rendering"
     * section lists every field.
     *
     * @return indented JSON; control characters in stored text are written as {@code \}{@code uXXXX} escapes
     */
    public String toJson() {
        return org.entente.internal.JsonRendering.write(org.entente.internal.JsonRendering.portfolio(JSON_FORMAT, this, Optional.empty()));
    }

    /**
     * {@link #toJson()} with the query's limits added: {@code knownAt} (an instant) and
     * {@code publishedBy} (a date), each when the query has it.
     *
     * @param when the query the portfolio answers
     * @return indented JSON
     */
    public String toJson(org.entente.When when) {
        return org.entente.internal.JsonRendering.write(org.entente.internal.JsonRendering.portfolio(JSON_FORMAT, this,
                Optional.of(Require.nonNull(when, "when", "a When such as When.asOf(LocalDate.of(2024, 4, 30))"))));
    }

    /**
     * One short line: {@code NER on 2024-04-30: 5 partners, 4 security partners, diversification 0.72}.
     */
    @Override
    public String toString() {
        return country.code() + " on " + date + ": " + partners.size() + (partners.size() == 1 ? " partner" : " partners")
                + ", " + securityPartners.size() + (securityPartners.size() == 1 ? " security partner" : " security partners")
                + mix.map(m -> String.format(java.util.Locale.ROOT, ", diversification %.2f", m.diversification())).orElse("");
    }

    /**
     * Builds a portfolio from the country's partnerships (any order).
     *
     * @param country the country whose partnerships these are
     * @param date the day they are given for
     * @param partnerships the partnerships of the country's dyads on the date; those of status {@code NONE} are left out
     * @return the partners ordered by status then partner name, the security partners heaviest first, and the mix
     */
    public static Portfolio of(Actor country, LocalDate date, List<Partnership> partnerships) {
        Require.nonNull(country, "country", "a Actor such as Country.of(\"NER\")");
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        Require.nonNull(partnerships, "partnerships", "a list of the country's partnerships, empty for none");
        List<Partnership> sorted = partnerships.stream()
                .filter(p -> p.status() != Status.NONE)
                .sorted(Comparator.comparing(Partnership::status)
                        .thenComparing(p -> p.partnerOf(country).name()))
                .toList();
        int total = sorted.stream().mapToInt(Partnership::securityWeight).sum();
        List<SecurityPartner> security = sorted.stream()
                .filter(p -> p.securityWeight() > 0)
                .map(p -> new SecurityPartner(p.partnerOf(country), p.securityWeight(), p.securityWeight() / (double) total))
                .sorted(Comparator.comparingInt(SecurityPartner::weight).reversed()
                        .thenComparing(s -> s.partner().name()))
                .toList();
        Optional<SecurityMix> mix = Optional.empty();
        if (total > 0) {
            double hhi = security.stream().mapToDouble(s -> s.share() * s.share()).sum();
            mix = Optional.of(new SecurityMix(hhi, 1 - hhi, 1 / hhi));
        }
        return new Portfolio(country, date, sorted, security, mix);
    }
}
