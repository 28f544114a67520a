package org.entente.partnership;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.Country;

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
 * @param country           the country
 * @param date              the date
 * @param partners          every dyad of the country with a fact on or before the date
 * @param securityPartners  partners with a security weight of 1 or more, heaviest first
 * @param mix               the concentration figures, empty without security partners
 */
public record Portfolio(Country country, LocalDate date, List<Partnership> partners, List<SecurityPartner> securityPartners,
                        Optional<SecurityMix> mix) {

    /**
     * Creates the record, checking its components.
     *
     * @param country the country
     * @param date the date
     * @param partners every dyad of the country with a fact on or before the date
     * @param securityPartners partners with a security weight of 1 or more, heaviest first
     * @param mix the concentration figures, empty without security partners
     */
    public Portfolio {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(date, "date");
        partners = List.copyOf(partners);
        securityPartners = List.copyOf(securityPartners);
        Objects.requireNonNull(mix, "mix");
    }

    /**
     * One security partner.
     *
     * @param partner the partner
     * @param weight  how many of the four elements (1 to 4)
     * @param share   weight / total weight
     */
    public record SecurityPartner(Country partner, int weight, double share) {
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
     * @param partner the partner
     */
    public Optional<Partnership> with(Country partner) {
        return partners.stream().filter(p -> p.dyad().contains(partner)).findFirst();
    }

    /**
     * Builds a portfolio from the country's partnerships (any order).
     *
     * @param country the country
     * @param date the date
     * @param partnerships the partnerships
     * @return the portfolio
     */
    public static Portfolio of(Country country, LocalDate date, List<Partnership> partnerships) {
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
