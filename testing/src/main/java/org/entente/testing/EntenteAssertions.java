package org.entente.testing;

import org.assertj.core.api.Assertions;
import org.entente.Entente;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.simulation.PortfolioComparison;
import org.entente.simulation.Simulation;

/**
 * The one static entry point for Entente's AssertJ assertions. It extends AssertJ's
 * {@link Assertions}, so a single static import gives both ({@code within}, {@code assertThatThrownBy},
 * {@code assertThat} on strings and lists...).
 *
 * <pre>{@code
 * import static org.entente.testing.EntenteAssertions.*;
 *
 * assertThat(partnership).hasStatus(WINDING_DOWN).hasForcesOf(USA).withWithdrawalDeadline(LocalDate.of(2024, 9, 15));
 * assertThat(portfolio).hasSecurityPartners(USA, CHN, TUR, RUS).hasConcentration(0.28, within(0.005));
 * assertThat(simulation).dropped("usa-complete");
 * }</pre>
 */
public class EntenteAssertions extends Assertions {

    /** Not instantiated; extend it to add your own entry points. */
    protected EntenteAssertions() {
    }

    /**
     * Assertions on a partnership: status, forces, withdrawals, agreements, envoys, security weight.
     *
     * @param actual the value under test
     * @return assertions on the partnership
     */
    public static PartnershipAssert assertThat(Partnership actual) {
        return new PartnershipAssert(actual);
    }

    /**
     * Assertions on a portfolio: security partners, weights, concentration figures, partners' statuses.
     *
     * @param actual the value under test
     * @return assertions on the portfolio
     */
    public static PortfolioAssert assertThat(Portfolio actual) {
        return new PortfolioAssert(actual);
    }

    /**
     * Assertions on a simulation: dropped facts, and the branch's partnerships, portfolios and comparisons.
     *
     * @param actual the value under test
     * @return assertions on the simulation
     */
    public static SimulationAssert assertThat(Simulation actual) {
        return new SimulationAssert(actual);
    }

    /**
     * Assertions on how a portfolio differs between real history and a branch.
     *
     * @param actual the value under test
     * @return assertions on the comparison
     */
    public static PortfolioComparisonAssert assertThat(PortfolioComparison actual) {
        return new PortfolioComparisonAssert(actual);
    }

    /**
     * The way to assertions on an Entente's answers, with the facts that led there in failure messages.
     *
     * @param actual the value under test
     * @return assertions on the Entente's answers
     */
    public static EntenteAssert assertThat(Entente actual) {
        return new EntenteAssert(actual);
    }
}
