package org.entente.testing;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.data.Offset;
import org.entente.core.Actor;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.partnership.Status;

/**
 * Assertions on a {@link Portfolio}, from {@link EntenteAssertions#assertThat(Portfolio)}. A failure
 * names the country and the date, says what was expected and what was found, and shows every
 * partner's status, the security partners with their weights and the concentration figures (and the
 * country's facts up to the date when the portfolio came from an {@code Entente}, a simulation or a
 * fixture).
 *
 * <pre>{@code
 * assertThat(niger)
 *         .hasSecurityPartners(USA, CHN, TUR, RUS)
 *         .hasSecurityWeight(TUR, 2)
 *         .hasConcentration(0.28, within(0.005));
 * }</pre>
 */
public class PortfolioAssert extends AbstractAssert<PortfolioAssert, Portfolio> {

    private final History history;

    /**
     * An assertion on a portfolio whose facts are not known.
     *
     * @param actual the value under test
     */
    public PortfolioAssert(Portfolio actual) {
        this(actual, History.UNKNOWN);
    }

    PortfolioAssert(Portfolio actual, History history) {
        super(actual, PortfolioAssert.class);
        this.history = history;
    }

    /**
     * The security partners are exactly these countries, in any order (none: no security partner).
     *
     * @param partners the countries expected as security partners; none to say there is no security partner
     * @return this assertion, to chain more checks
     */
    public PortfolioAssert hasSecurityPartners(Actor... partners) {
        isNotNull();
        Set<Actor> expected = new TreeSet<>(Arrays.asList(partners));
        Set<Actor> found = new TreeSet<>(actual.securityPartners().stream().map(Portfolio.SecurityPartner::partner).toList());
        if (!found.equals(expected)) {
            failWithActualExpectedAndMessage(found, expected, "%s",
                    message("to have exactly these security partners: " + expected,
                            "they are " + Render.securityPartners(actual) + describeDifference(expected, found)));
        }
        return this;
    }

    /**
     * The country has no security partner on the date.
     *
     * @return this assertion, to chain more checks
     */
    public PortfolioAssert hasNoSecurityPartners() {
        return hasSecurityPartners();
    }

    /**
     * This partner is a security partner with this weight (1 to 4).
     *
     * @param partner the other country
     * @param weight the security weight expected, 1 to 4 (0 to say it is not a security partner)
     * @return this assertion, to chain more checks
     */
    public PortfolioAssert hasSecurityWeight(Actor partner, int weight) {
        Objects.requireNonNull(partner, "partner");
        isNotNull();
        int found = actual.securityPartners().stream().filter(s -> s.partner().equals(partner))
                .mapToInt(Portfolio.SecurityPartner::weight).findFirst().orElse(0);
        if (found != weight) {
            failWithActualExpectedAndMessage(found, weight, "%s",
                    message("to give " + partner.code() + " a security weight of " + weight,
                            partner.code() + " has " + found + "; security partners are " + Render.securityPartners(actual)));
        }
        return this;
    }

    /**
     * The country has a partnership with this partner, with this status.
     *
     * @param partner the other country
     * @param status the status expected; {@code NONE} to say there is no partnership with it
     * @return this assertion, to chain more checks
     */
    public PortfolioAssert hasPartner(Actor partner, Status status) {
        Objects.requireNonNull(status, "status");
        Status found = partnership(partner).map(Partnership::status).orElse(Status.NONE);
        if (found != status) {
            failWithActualExpectedAndMessage(found, status, "%s",
                    message("to have " + partner.code() + " as a partner with status " + status, partner.code() + " is " + found));
        }
        return this;
    }

    /**
     * The Herfindahl index of the security weight shares is this, within the offset.
     *
     * @param expected the concentration expected, above 0 and at most 1
     * @param offset how far the actual value may be from it, such as {@code within(0.001)}
     * @return this assertion, to chain more checks
     */
    public PortfolioAssert hasConcentration(double expected, Offset<Double> offset) {
        return hasFigure("concentration", Portfolio.SecurityMix::concentration, expected, offset);
    }

    /**
     * {@code 1 - concentration} is this, within the offset.
     *
     * @param expected the diversification expected, 0 to below 1
     * @param offset how far the actual value may be from it, such as {@code within(0.001)}
     * @return this assertion, to chain more checks
     */
    public PortfolioAssert hasDiversification(double expected, Offset<Double> offset) {
        return hasFigure("diversification", Portfolio.SecurityMix::diversification, expected, offset);
    }

    /**
     * {@code 1 / concentration} is this, within the offset.
     *
     * @param expected the effective number of partners expected, 1 or more
     * @param offset how far the actual value may be from it, such as {@code within(0.01)}
     * @return this assertion, to chain more checks
     */
    public PortfolioAssert hasEffectiveNumberOfPartners(double expected, Offset<Double> offset) {
        return hasFigure("effective number of partners", Portfolio.SecurityMix::effectiveNumberOfPartners, expected, offset);
    }

    /**
     * Assertions on the partnership with one partner, with the same setting and facts.
     *
     * <pre>{@code assertThat(niger).partner(USA).hasStatus(WINDING_DOWN);}</pre>
     *
     * @param partner the other country, which must be a partner on the date
     * @return assertions on the partnership
     */
    public PartnershipAssert partner(Actor partner) {
        Partnership p = partnership(partner).orElse(null);
        if (p == null) {
            failWithMessage("%s", message("to have a partnership with " + partner.code(), "it has none"));
        }
        return new PartnershipAssert(p, history);
    }

    private Optional<Partnership> partnership(Actor partner) {
        Objects.requireNonNull(partner, "partner");
        isNotNull();
        return actual.with(partner);
    }

    private PortfolioAssert hasFigure(String name, Function<Portfolio.SecurityMix, Double> figure, double expected,
                                      Offset<Double> offset) {
        Objects.requireNonNull(offset, "offset");
        isNotNull();
        Optional<Double> found = actual.mix().map(figure);
        if (found.isEmpty() || Math.abs(found.get() - expected) > offset.value) {
            failWithActualExpectedAndMessage(found.orElse(null), expected, "%s",
                    message("to have " + name + " " + Render.number(expected) + " (within " + offset.value + ")",
                            found.map(v -> "it is " + Render.number(v)).orElse("it has none")));
        }
        return this;
    }

    private static String describeDifference(Set<Actor> expected, Set<Actor> found) {
        Set<Actor> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        Set<Actor> extra = new TreeSet<>(found);
        extra.removeAll(expected);
        return (missing.isEmpty() ? "" : "; missing " + missing) + (extra.isEmpty() ? "" : "; not expected " + extra);
    }

    private String message(String expectation, String found) {
        StringBuilder s = new StringBuilder("Expecting ").append(Render.where(actual.country(), actual.date()))
                .append(history.setting()).append("\n  ").append(expectation).append("\nbut ").append(found)
                .append("\nPortfolio of ").append(actual.country().code()).append(" on ").append(actual.date()).append(":\n")
                .append(Render.partners(actual)).append("\n  security partners: ").append(Render.securityPartners(actual))
                .append("\n  ").append(Render.mix(actual));
        if (history.known()) {
            s.append("\nFacts of ").append(actual.country().code()).append(" up to ").append(actual.date()).append(", in order:\n")
                    .append(Render.factsUpTo(history.factsOf(actual.partners().stream().map(Partnership::dyad).toList()),
                            actual.date()));
        }
        return s.toString();
    }
}
