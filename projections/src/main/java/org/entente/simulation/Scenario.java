package org.entente.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.FactId;
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
        Objects.requireNonNull(branchDate, "branchDate");
        Objects.requireNonNull(knownAt, "knownAt");
        additions = List.copyOf(additions);
        removals = List.copyOf(removals);
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

    /**
     * {@return the same scenario on real history as known at an instant}
     *
     * @param instant the recording instant real history is read as of; not null
     */
    public Scenario knownAt(Instant instant) {
        return new Scenario(branchDate, Optional.of(instant), additions, removals);
    }

    /**
     * {@return the scenario with hypothetical facts added}
     *
     * @param facts hypothetical facts, each dated after the branch date, added after those added before
     */
    public Scenario add(FactCommand... facts) {
        List<FactCommand> more = new ArrayList<>(additions);
        more.addAll(List.of(facts));
        return new Scenario(branchDate, knownAt, more, removals);
    }

    /**
     * {@return the scenario with hypothetical facts added}
     *
     * @param facts hypothetical facts, each dated after the branch date, added after those added before
     */
    public Scenario addAll(List<? extends FactCommand> facts) {
        List<FactCommand> more = new ArrayList<>(additions);
        more.addAll(facts);
        return new Scenario(branchDate, knownAt, more, removals);
    }

    /**
     * {@return the scenario without these real facts}
     *
     * @param facts ids of real facts dated after the branch date
     */
    public Scenario remove(FactId... facts) {
        List<FactId> more = new ArrayList<>(removals);
        more.addAll(List.of(facts));
        return new Scenario(branchDate, knownAt, additions, more);
    }

    /**
     * {@return the scenario without these real facts}
     *
     * @param facts ids of real facts dated after the branch date
     */
    public Scenario removeAll(List<FactId> facts) {
        List<FactId> more = new ArrayList<>(removals);
        more.addAll(facts);
        return new Scenario(branchDate, knownAt, additions, more);
    }
}
