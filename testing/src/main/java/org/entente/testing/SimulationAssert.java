package org.entente.testing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.simulation.DroppedFact;
import org.entente.simulation.Scenario;
import org.entente.simulation.Simulation;

/**
 * Assertions on a {@link Simulation}, from {@link EntenteAssertions#assertThat(Simulation)}: which real
 * facts the branch drops, and the way into the branch's partnerships, portfolios and comparisons. A
 * failure describes the scenario and every dropped fact with the rule it breaks.
 *
 * <pre>{@code
 * assertThat(entente.simulate(usStayed))
 *         .dropped("usa-complete")
 *         .partnership(Dyad.of(NER, USA), LocalDate.of(2024, 10, 1)).hasStatus(ACTIVE);
 * }</pre>
 */
public class SimulationAssert extends AbstractAssert<SimulationAssert, Simulation> {

    /**
     * An assertion on a simulation.
     *
     * @param actual the value under test
     */
    public SimulationAssert(Simulation actual) {
        super(actual, SimulationAssert.class);
    }

    /**
     * The branch drops exactly these real facts, named by id, in any order.
     *
     * @param facts the ids of the real facts expected to be dropped; none to say nothing is dropped
     * @return this assertion, to chain more checks
     */
    public SimulationAssert dropped(String... facts) {
        isNotNull();
        Set<String> expected = new TreeSet<>(Arrays.asList(facts));
        Set<String> found = droppedIds();
        if (!found.equals(expected)) {
            failWithActualExpectedAndMessage(found, expected, "%s",
                    message(expected.isEmpty() ? "to drop no real fact" : "to drop exactly " + expected, "it drops " + found));
        }
        return this;
    }

    /**
     * The branch drops no real fact.
     *
     * @return this assertion, to chain more checks
     */
    public SimulationAssert droppedNothing() {
        return dropped();
    }

    /**
     * The branch keeps these real facts: it drops none of them.
     *
     * @param facts ids of real facts that must not be dropped
     * @return this assertion, to chain more checks
     */
    public SimulationAssert doesNotDrop(String... facts) {
        isNotNull();
        Set<String> both = new TreeSet<>(Arrays.asList(facts));
        both.retainAll(droppedIds());
        if (!both.isEmpty()) {
            failWithMessage("%s", message("to keep " + Arrays.toString(facts), "it drops " + both));
        }
        return this;
    }

    /**
     * The branch drops this real fact, and these changes of the scenario (removed or added facts, any
     * order) explain it: the one that alone makes it break, or else each without which it would hold.
     *
     * @param fact the id of the real fact expected to be dropped
     * @param causes the ids of the removed or added facts expected to explain it; none when only the
     *        combination does
     * @return this assertion, to chain more checks
     */
    public SimulationAssert droppedBecauseOf(String fact, String... causes) {
        isNotNull();
        Optional<DroppedFact> d = actual.dropped().stream().filter(x -> x.fact().fact().id().value().equals(fact)).findFirst();
        Set<String> expected = new TreeSet<>(Arrays.asList(causes));
        String expectation = "to drop " + fact + " because of " + expected;
        if (d.isEmpty()) {
            failWithMessage("%s", message(expectation, "it does not drop " + fact));
            return this;
        }
        Set<String> found = d.get().causes().stream().map(FactId::value).collect(Collectors.toCollection(TreeSet::new));
        if (!found.equals(expected)) {
            failWithActualExpectedAndMessage(found, expected, "%s", message(expectation,
                    found.isEmpty() ? "no change of the scenario explains it alone" : "it is dropped because of " + found));
        }
        return this;
    }

    /**
     * Assertions on a dyad's partnership on a date in the branch; failures list the branch's facts.
     *
     * @param dyad the two actors (countries or organisations)
     * @param date the day the partnership is given for
     * @return assertions on the partnership
     */
    public PartnershipAssert partnership(Dyad dyad, LocalDate date) {
        isNotNull();
        return new PartnershipAssert(actual.partnership(dyad, date), branch(actual));
    }

    /**
     * Assertions on a dyad's partnership on a date in real history.
     *
     * @param dyad the two actors (countries or organisations)
     * @param date the day the partnership is given for
     * @return assertions on the partnership
     */
    public PartnershipAssert baselinePartnership(Dyad dyad, LocalDate date) {
        isNotNull();
        return new PartnershipAssert(actual.baselinePartnership(dyad, date), baseline(actual));
    }

    /**
     * Assertions on a country's portfolio on a date in the branch.
     *
     * @param country the country whose partners are checked
     * @param date the day the portfolio is given for
     * @return assertions on the portfolio
     */
    public PortfolioAssert portfolio(Country country, LocalDate date) {
        isNotNull();
        return new PortfolioAssert(actual.portfolio(country, date), branch(actual));
    }

    /**
     * Assertions on a country's portfolio on a date in real history.
     *
     * @param country the country whose partners are checked
     * @param date the day the portfolio is given for
     * @return assertions on the portfolio
     */
    public PortfolioAssert baselinePortfolio(Country country, LocalDate date) {
        isNotNull();
        return new PortfolioAssert(actual.baselinePortfolio(country, date), baseline(actual));
    }

    /**
     * Assertions on how a country's portfolio on a date differs between real history and the branch.
     *
     * @param country the country whose portfolios are compared
     * @param date the day both portfolios are given for
     * @return assertions on the comparison
     */
    public PortfolioComparisonAssert comparison(Country country, LocalDate date) {
        isNotNull();
        return new PortfolioComparisonAssert(actual.compare(country, date));
    }

    static History branch(Simulation s) {
        return History.of(" in the branch at " + s.scenario().branchDate() + changes(s.scenario()), s::facts);
    }

    static History baseline(Simulation s) {
        return History.of(" in real history", s::baselineFacts);
    }

    /** {@code " (removing [usa-denounce], adding [tur-defence])"}, or nothing for a scenario without changes. */
    static String changes(Scenario s) {
        String removed = s.removals().isEmpty() ? "" : "removing " + s.removals();
        String added = s.additions().isEmpty() ? "" : "adding " + s.additions().stream().map(c -> c.fact().id().value()).toList();
        String both = removed.isEmpty() || added.isEmpty() ? removed + added : removed + ", " + added;
        return both.isEmpty() ? "" : " (" + both + ")";
    }

    private Set<String> droppedIds() {
        return actual.dropped().stream().map(d -> d.fact().fact().id().value()).collect(Collectors.toCollection(TreeSet::new));
    }

    private String message(String expectation, String found) {
        String dropped = actual.dropped().isEmpty() ? "  (none)"
                : actual.dropped().stream().map(d -> "  " + d.describe()).collect(Collectors.joining("\n"));
        return "Expecting the branch at " + actual.scenario().branchDate() + changes(actual.scenario()) + "\n  " + expectation
                + "\nbut " + found + "\nDropped real facts, in order:\n" + dropped;
    }
}
