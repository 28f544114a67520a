package org.entente.testing;

import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.data.Offset;
import org.entente.core.Actor;
import org.entente.partnership.Status;
import org.entente.simulation.PortfolioComparison;
import org.entente.simulation.PortfolioComparison.PartnerChange;

/**
 * Assertions on a {@link PortfolioComparison} (a country's portfolio on a date in real history and in
 * a branch), from {@link EntenteAssertions#assertThat(PortfolioComparison)} or
 * {@link SimulationAssert#comparison}. A failure shows the whole comparison as
 * {@link PortfolioComparison#toText()} gives it.
 *
 * <pre>{@code
 * assertThat(simulation.compare(NER, LocalDate.of(2024, 6, 30)))
 *         .hasSecurityWeightChange(TUR, 2, 3)
 *         .hasDiversificationFalling();
 * }</pre>
 */
public class PortfolioComparisonAssert extends AbstractAssert<PortfolioComparisonAssert, PortfolioComparison> {

    /**
     * An assertion on a comparison.
     *
     * @param actual the value under test
     */
    public PortfolioComparisonAssert(PortfolioComparison actual) {
        super(actual, PortfolioComparisonAssert.class);
    }

    /**
     * The partner's security weight goes from {@code before} in real history to {@code after} in the branch.
     *
     * @param partner the other country
     * @param before the security weight in real history, 0 to 4
     * @param after the security weight in the branch, 0 to 4
     * @return this assertion, to chain more checks
     */
    public PortfolioComparisonAssert hasSecurityWeightChange(Actor partner, int before, int after) {
        Optional<PartnerChange> c = change(partner);
        int[] found = c.map(x -> new int[] {x.weightBefore(), x.weightAfter()}).orElse(null);
        if (found == null || found[0] != before || found[1] != after) {
            failWithMessage("%s", message("the security weight of " + partner.code() + " to go from " + before + " to " + after,
                    c.map(x -> "it goes from " + x.weightBefore() + " to " + x.weightAfter())
                            .orElse(partner.code() + " does not differ")));
        }
        return this;
    }

    /**
     * The partner's status goes from {@code before} in real history to {@code after} in the branch.
     *
     * @param partner the other country
     * @param before the status in real history ({@code NONE} for no partnership)
     * @param after the status in the branch ({@code NONE} for no partnership)
     * @return this assertion, to chain more checks
     */
    public PortfolioComparisonAssert hasStatusChange(Actor partner, Status before, Status after) {
        Optional<PartnerChange> c = change(partner);
        if (c.isEmpty() || c.get().statusBefore() != before || c.get().statusAfter() != after) {
            failWithMessage("%s", message("the status of " + partner.code() + " to go from " + before + " to " + after,
                    c.map(x -> "it goes from " + x.statusBefore() + " to " + x.statusAfter())
                            .orElse(partner.code() + " does not differ")));
        }
        return this;
    }

    /**
     * The diversification goes from {@code before} to {@code after}, each within the offset.
     *
     * @param before the diversification in real history (a country without security partners has none, and fails)
     * @param after the diversification in the branch (likewise)
     * @param offset how far each actual value may be from the expected one, such as {@code within(0.01)}
     * @return this assertion, to chain more checks
     */
    public PortfolioComparisonAssert hasDiversificationChange(double before, double after, Offset<Double> offset) {
        Objects.requireNonNull(offset, "offset");
        isNotNull();
        if (!near(actual.diversificationBefore(), before, offset) || !near(actual.diversificationAfter(), after, offset)) {
            failWithMessage("%s", message("the diversification to go from " + Render.number(before) + " to " + Render.number(after)
                    + " (within " + offset.value + ")", "it goes from " + Render.number(actual.diversificationBefore())
                    + " to " + Render.number(actual.diversificationAfter())));
        }
        return this;
    }

    /**
     * The branch's diversification is higher than real history's: security partnerships are more spread.
     *
     * @return this assertion, to chain more checks
     */
    public PortfolioComparisonAssert hasDiversificationRising() {
        return hasDirection(1, "to rise");
    }

    /**
     * The branch's diversification is lower than real history's: security partnerships are more concentrated.
     *
     * @return this assertion, to chain more checks
     */
    public PortfolioComparisonAssert hasDiversificationFalling() {
        return hasDirection(-1, "to fall");
    }

    /**
     * No partner and no figure differs between real history and the branch.
     *
     * @return this assertion, to chain more checks
     */
    public PortfolioComparisonAssert hasNoDifference() {
        isNotNull();
        if (!actual.isEmpty()) {
            failWithMessage("%s", message("no difference", "it differs"));
        }
        return this;
    }

    private PortfolioComparisonAssert hasDirection(int sign, String words) {
        isNotNull();
        double before = actual.diversificationBefore().orElse(0.0);
        double after = actual.diversificationAfter().orElse(0.0);
        if (Math.signum(after - before) != sign) {
            failWithMessage("%s", message("the diversification " + words, "it goes from "
                    + Render.number(actual.diversificationBefore()) + " to " + Render.number(actual.diversificationAfter())));
        }
        return this;
    }

    private Optional<PartnerChange> change(Actor partner) {
        Objects.requireNonNull(partner, "partner");
        isNotNull();
        return actual.partners().stream().filter(p -> p.partner().equals(partner)).findFirst();
    }

    private static boolean near(Optional<Double> value, double expected, Offset<Double> offset) {
        return value.isPresent() && Math.abs(value.get() - expected) <= offset.value;
    }

    private String message(String expectation, String found) {
        return "Expecting " + Render.where(actual.country(), actual.date()) + ", real history -> branch:\n  " + expectation
                + "\nbut " + found + "\nComparison:\n" + actual.toText().stripTrailing();
    }
}
