package org.entente.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.entente.core.FactId;
import org.entente.core.internal.Require;
import org.entente.core.relationship.FactCommand;

/**
 * A what-if branch of real history: from a branch date, hypothetical facts added and real facts
 * removed. Immutable; each method returns a new scenario.
 *
 * <pre>{@code
 * Scenario usStayed = Scenario.branchAt(LocalDate.of(2024, 3, 15))
 *         .remove(FactId.of("usa-denounce"));
 * Simulation s = entente.simulate(usStayed);
 * s.dropped();   // the schedules, handovers and completion that would not have happened
 * }</pre>
 *
 * @param branchDate the branch date: removed and added facts happen after it
 * @param knownAt    the real history as known at this instant (now when empty)
 * @param additions  hypothetical facts, checked by the same rules as real ones
 * @param removals   real facts, dated after the branch date, that the branch leaves out
 */
public record Scenario(LocalDate branchDate, Optional<Instant> knownAt, List<FactCommand> additions, List<FactId> removals) {

    /** The most hypothetical facts and removals one scenario may hold. */
    public static final int MAX_CHANGES = 10_000;

    /**
     * Creates the record, checking its components.
     *
     * @param branchDate the branch date: removed and added facts happen after it
     * @param knownAt the real history as known at this instant (now when empty)
     * @param additions hypothetical facts, checked by the same rules as real ones
     * @param removals real facts, dated after the branch date, that the branch leaves out
     */
    public Scenario {
        Require.nonNull(branchDate, "branchDate", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        Require.nonNull(knownAt, "knownAt", "Optional.empty() for \"as known now\"");
        additions = List.copyOf(elements(Require.nonNull(additions, "additions", "a list, empty for none"), "addition",
                "a FactCommand such as Fact.id(\"x\").on(2024, 5, 1)...holdTalks().command()"));
        removals = List.copyOf(elements(Require.nonNull(removals, "removals", "a list, empty for none"), "removal",
                "the FactId of a recorded fact"));
        if (additions.size() + removals.size() > MAX_CHANGES) {
            throw new IllegalArgumentException("a scenario holds at most " + MAX_CHANGES + " additions and removals, got "
                    + (additions.size() + removals.size()));
        }
    }

    /**
     * One short line: {@code Scenario branching at 2024-03-15 (as known now): 0 additions, 3 removals}.
     */
    @Override
    public String toString() {
        return "Scenario branching at " + branchDate + " (as known " + knownAt.map(i -> "at " + i).orElse("now") + "): "
                + additions.size() + (additions.size() == 1 ? " addition" : " additions") + ", "
                + removals.size() + (removals.size() == 1 ? " removal" : " removals");
    }

    /**
     * {@return a scenario that branches from real history as known now, with no change yet}
     *
     * @param date the last day of shared history: the scenario's additions and removals must happen after it
     */
    public static Scenario branchAt(LocalDate date) {
        return new Scenario(date, Optional.empty(), List.of(), List.of());
    }

    /** The list, when none of its elements is null; the message names the first null one by its position. */
    private static <T> List<T> elements(List<T> list, String what, String give) {
        for (int i = 0; i < list.size(); i++) {
            Require.nonNull(list.get(i), what + " #" + (i + 1) + " of the scenario", give);
        }
        return list;
    }

    /**
     * {@return the same scenario on real history as known at an instant}
     *
     * @param instant the recording instant real history is read as of; not null
     */
    public Scenario knownAt(Instant instant) {
        return new Scenario(branchDate, Optional.of(Require.nonNull(instant, "instant",
                "an Instant such as Instant.parse(\"2024-05-01T00:00:00Z\"), or leave it out for \"as known now\"")), additions, removals);
    }

    /**
     * {@return the scenario with hypothetical facts added}
     *
     * @param facts hypothetical facts, each dated after the branch date, added after those added before
     */
    public Scenario add(FactCommand... facts) {
        List<FactCommand> more = new ArrayList<>(additions);
        more.addAll(Arrays.asList(Require.nonNull(facts, "facts", "one or more FactCommand")));
        return new Scenario(branchDate, knownAt, more, removals);
    }

    /**
     * {@return the scenario with hypothetical facts added}
     *
     * @param facts hypothetical facts, each dated after the branch date, added after those added before
     */
    public Scenario addAll(List<? extends FactCommand> facts) {
        List<FactCommand> more = new ArrayList<>(additions);
        more.addAll(Require.nonNull(facts, "facts", "a list of FactCommand, empty for none"));
        return new Scenario(branchDate, knownAt, more, removals);
    }

    /**
     * {@return the scenario without these real facts}
     *
     * @param facts ids of real facts dated after the branch date
     */
    public Scenario remove(FactId... facts) {
        List<FactId> more = new ArrayList<>(removals);
        more.addAll(Arrays.asList(Require.nonNull(facts, "facts", "one or more FactId of recorded facts")));
        return new Scenario(branchDate, knownAt, additions, more);
    }

    /**
     * {@return the scenario without these real facts}
     *
     * @param facts ids of real facts dated after the branch date
     */
    public Scenario removeAll(List<FactId> facts) {
        List<FactId> more = new ArrayList<>(removals);
        more.addAll(Require.nonNull(facts, "facts", "a list of FactId, empty for none"));
        return new Scenario(branchDate, knownAt, additions, more);
    }
}
