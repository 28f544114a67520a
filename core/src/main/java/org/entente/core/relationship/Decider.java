package org.entente.core.relationship;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.DyadHistory.Entry;
import org.entente.core.relationship.RelationshipCommand.CorrectFact;
import org.entente.core.relationship.RelationshipCommand.RetractFacts;
import org.entente.core.relationship.RelationshipEvent.FactCorrected;
import org.entente.core.relationship.RelationshipEvent.FactsRetracted;

/**
 * The rules of a bilateral relationship as two pure functions (the Decider pattern):
 * {@link #decide(RelationshipCommand, DyadHistory)} turns a command and the dyad's history into the
 * events to store, or a typed rejection; {@link #evolve(DyadHistory, RelationshipEvent)} applies a
 * stored event. The Axon aggregate, the projections, replays to a date and simulations all go through
 * these two, so there is one place where the rules live.
 *
 * <p>A command is checked against the state on the date its fact happened, in docs/DOMAIN.md's order of
 * facts. A fact recorded retroactively, a correction or a retraction must leave every later fact of
 * the dyad valid: the later facts are re-checked, and the command is rejected naming the first one it
 * would break.
 *
 * <pre>{@code
 * DyadHistory history = DyadHistory.empty(Dyad.of(NER, USA));
 * for (RelationshipEvent e : Decider.decide(command, history)) {
 *     Decider.evolve(history, e);
 * }
 * }</pre>
 */
public final class Decider {

    private Decider() {
    }

    /**
     * {@return the events that record the command, checked against the history, which is not changed}
     * Recording a fact already recorded with the same content, as its current revision or one that a
     * correction replaced, gives no event (idempotent).
     *
     * @param command a fact, a correction or a retraction for the history's dyad
     * @param history everything recorded for the dyad so far; read, not changed
     * @throws RuleViolationException when a rule forbids it, naming the fact and the reason
     * @throws FactConflictException  when the fact id already names different content
     * @throws UnknownFactException   when a correction or retraction names an unknown fact
     */
    public static List<RelationshipEvent> decide(RelationshipCommand command, DyadHistory history) {
        return decide(command, history, false);
    }

    /**
     * {@return the events that record the commands in order, each checked against the history extended by the
     * ones before it; the history is not changed} All or nothing: the first rejection is thrown.
     *
     * @param commands facts, corrections and retractions of the history's dyad, in the order to record them
     * @param history everything recorded for the dyad so far; read, not changed
     */
    public static List<RelationshipEvent> decideAll(List<? extends RelationshipCommand> commands, DyadHistory history) {
        DyadHistory working = history.copy();
        List<RelationshipEvent> events = new ArrayList<>();
        for (RelationshipCommand command : commands) {
            List<RelationshipEvent> decided = decide(command, working, true);
            events.addAll(decided);
        }
        return events;
    }

    /**
     * Applies a stored event to the history, in place (the evolve step of the Decider pattern).
     *
     * @param history the dyad's history, changed in place
     * @param event an event of the history's dyad, as stored
     */
    public static void evolve(DyadHistory history, RelationshipEvent event) {
        history.apply(event);
    }

    /**
     * {@return the state after the facts, which must be in {@link DyadHistory#ORDER}; facts the rules reject are skipped}
     *
     * @param dyad the two countries the facts are between
     * @param ordered the dyad's facts, in fact order
     */
    public static RelationshipState stateOf(Dyad dyad, Iterable<? extends FactEvent> ordered) {
        Fold fold = new Fold(dyad);
        for (FactEvent e : ordered) {
            try {
                fold.apply(e);
            } catch (Fold.Violation skipped) {
                // Stored history accepted under other rules: keep reading.
            }
        }
        return fold.snapshot();
    }

    /**
     * {@return the state after applying more facts, in order, to a state (for example a checkpoint); facts the
     * rules reject are skipped}
     *
     * @param state the state to continue from, such as a checkpoint; not changed
     * @param ordered the dyad's facts, in fact order
     */
    public static RelationshipState continueFrom(RelationshipState state, Iterable<? extends FactEvent> ordered) {
        return continueFrom(state, ordered, e -> { });
    }

    /**
     * As {@link #continueFrom(RelationshipState, Iterable)}, telling {@code applied} each fact the
     * rules accepted (so that what is derived from facts, such as a temperature, skips the same ones).
     *
     * @param state the state to continue from, such as a checkpoint; not changed
     * @param ordered the dyad's facts, in fact order
     * @param applied told each fact the rules accepted, in order
     * @return the state after the accepted facts
     */
    public static RelationshipState continueFrom(RelationshipState state, Iterable<? extends FactEvent> ordered,
                                                 java.util.function.Consumer<? super FactEvent> applied) {
        Fold fold = Fold.from(state);
        for (FactEvent e : ordered) {
            try {
                fold.apply(e);
                applied.accept(e);
            } catch (Fold.Violation skipped) {
                // as in stateOf
            }
        }
        return fold.snapshot();
    }

    /**
     * When {@code inPlace} is true the history is changed (it is a working copy of a batch), which lets
     * appends extend the history's fold instead of copying it.
     */
    private static List<RelationshipEvent> decide(RelationshipCommand command, DyadHistory history, boolean inPlace) {
        if (command instanceof FactCommand fact) {
            return decideFact(fact, history, inPlace);
        }
        List<RelationshipEvent> events = command instanceof RetractFacts retract
                ? decideRetraction(retract, history)
                : decideCorrection((CorrectFact) command, history);
        if (inPlace) {
            events.forEach(history::apply);
        }
        return events;
    }

    private static List<RelationshipEvent> decideFact(FactCommand command, DyadHistory history, boolean inPlace) {
        FactEvent event = command.toEvent();
        requireDyad(event, history);
        Optional<Entry> existing = history.entry(event.fact().id());
        if (existing.isPresent()) {
            if (history.hasRecorded(event)) {
                // The current revision or one a correction replaced: a script run again records nothing.
                return List.of();
            }
            throw conflict(existing.get(), event, history.dyad());
        }
        if (history.isAppend(event)) {
            Fold fold = inPlace ? history.tail() : history.tail().copy();
            try {
                fold.apply(event);
            } catch (Fold.Violation v) {
                throw own(event, v);
            }
            if (inPlace) {
                history.appendApplied(event);
            }
            return List.of(event);
        }
        if (!constrains(event.kind())) {
            // A contact recorded late can neither be refused nor break a later fact: no refold needed.
            if (inPlace) {
                history.apply(event);
            }
            return List.of(event);
        }
        List<FactEvent> candidate = history.facts();
        candidate.add(event);
        candidate.sort(DyadHistory.ORDER);
        check(history, candidate, event, "recording " + event.fact().id());
        if (inPlace) {
            history.apply(event);
        }
        return List.of(event);
    }

    private static List<RelationshipEvent> decideRetraction(RetractFacts command, DyadHistory history) {
        List<FactId> toRetract = new ArrayList<>();
        for (FactId id : command.facts()) {
            Entry entry = history.entry(id).orElseThrow(() -> new UnknownFactException(id,
                    "fact " + id + " is not recorded in " + history.dyad() + "; a retraction names facts of one dyad"));
            if (!entry.retracted() && !toRetract.contains(id)) {
                toRetract.add(id);
            }
        }
        if (toRetract.isEmpty()) {
            return List.of();
        }
        Set<FactId> removed = new HashSet<>(toRetract);
        List<FactEvent> candidate = history.facts().stream()
                .filter(e -> !removed.contains(e.fact().id()))
                .collect(Collectors.toCollection(ArrayList::new));
        String what = "retracting " + toRetract.stream().map(FactId::value).collect(Collectors.joining(", "));
        Optional<Failure> failure = firstFailure(history.dyad(), candidate, alreadyBroken(history));
        if (failure.isPresent()) {
            Failure f = failure.get();
            throw new RuleViolationException(f.rule(), history.dyad(), null, toRetract.get(0), f.reason(), f.at().fact().id(),
                    history.dyad() + " " + what + ": would break later fact " + describe(f.at()) + ": " + f.reason());
        }
        return List.of(new FactsRetracted(history.dyad(), toRetract, command.reason()));
    }

    private static List<RelationshipEvent> decideCorrection(CorrectFact command, DyadHistory history) {
        FactEvent revised = command.revised().toEvent();
        FactId id = revised.fact().id();
        Entry entry = history.entry(id).orElseThrow(() -> new UnknownFactException(id,
                "fact " + id + " is not recorded in " + history.dyad() + "; only a recorded fact can be corrected"));
        if (entry.retracted()) {
            throw new UnknownFactException(id, "fact " + id + " of " + history.dyad()
                    + " was retracted; record a new fact instead of correcting it");
        }
        if (!revised.dyad().equals(history.dyad())) {
            throw new RuleViolationException(Rule.CORRECTION_CHANGES_DYAD, history.dyad(), revised.fact().happened().day(), id,
                    "a correction stays in its dyad", null, history.dyad() + " " + id + ": a correction stays in its dyad, but the revision is about "
                    + revised.dyad() + "; retract the fact and record a new one");
        }
        if (entry.fact().kind() != revised.kind()) {
            throw new RuleViolationException(Rule.CORRECTION_CHANGES_KIND, history.dyad(), revised.fact().happened().day(), id,
                    "a correction keeps the fact's kind", null, history.dyad() + " " + id + ": a correction keeps the fact's kind ("
                    + entry.fact().kind().label() + "), but the revision is " + revised.kind().label()
                    + "; retract it and record the right fact");
        }
        if (entry.fact().equals(revised)) {
            return List.of();
        }
        List<FactEvent> candidate = history.facts().stream()
                .filter(e -> !e.fact().id().equals(id))
                .collect(Collectors.toCollection(ArrayList::new));
        candidate.add(revised);
        candidate.sort(DyadHistory.ORDER);
        check(history, candidate, revised, "correcting " + id);
        return List.of(new FactCorrected(revised, entry.revision() + 1, command.reason()));
    }

    private record Failure(FactEvent at, String reason, Rule rule) {
    }

    /**
     * Whether facts of a kind take part in the rules: talks and interactions are always accepted and
     * change nothing a rule looks at (only the last contact), so inserting one anywhere in a timeline
     * needs no re-check. A new kind must say which it is here (the switch is exhaustive).
     */
    static boolean constrains(FactKind kind) {
        return switch (kind) {
            case HOLD_TALKS, RECORD_INTERACTION -> false;
            case ESTABLISH_RELATIONS, RESTORE_RELATIONS, ACCREDIT_AMBASSADOR, APPOINT_ATTACHE, SIGN_AGREEMENT,
                    RESTORE_AGREEMENT, STATION_FORCES, PLEDGE_COOPERATION, LIFT_SANCTIONS, IMPOSE_SANCTIONS,
                    DEMAND_WITHDRAWAL, SUSPEND_AGREEMENT, DENOUNCE_AGREEMENT, SCHEDULE_WITHDRAWAL, HAND_OVER_BASE,
                    COMPLETE_WITHDRAWAL, RECALL_ENVOY, EXPEL_ENVOY, DOWNGRADE_RELATIONS, SEVER_RELATIONS -> true;
            // Membership facts check the membership before them and change it.
            case JOIN, SUSPEND_MEMBERSHIP, REINSTATE_MEMBERSHIP, ANNOUNCE_WITHDRAWAL, WITHDRAW -> true;
        };
    }

    /**
     * A fact that a replay left out because the rules no longer accept it.
     *
     * @param fact   the fact left out, as recorded
     * @param reason the rule it breaks, in words
     * @param rule   the rule it breaks
     */
    public record Skipped(FactEvent fact, String reason, Rule rule) {
    }

    /**
     * The outcome of {@link #replay}: the facts kept, in order, the state after them, and the facts
     * left out.
     *
     * @param kept    the facts the rules accepted, in order
     * @param state   the state after them
     * @param skipped the facts left out, in order, with the rule each breaks
     */
    public record Replay(List<FactEvent> kept, RelationshipState state, List<Skipped> skipped) {
    }

    /**
     * Replays facts in {@link DyadHistory#ORDER}, checking each against the state before it (the
     * engine of simulations). A fact the rules reject is left out and reported, unless
     * {@code mustHold} says it may not be, in which case the replay is rejected with the same
     * message a command for that fact would get.
     *
     * @param dyad the two countries the facts are between
     * @param ordered the dyad's facts, in fact order
     * @param mustHold true for a fact whose violation rejects the whole replay (a scenario's added facts)
     * @return the facts kept, the state after them, and the facts left out with the rule each breaks
     * @throws RuleViolationException when a fact that must hold breaks a rule
     */
    public static Replay replay(Dyad dyad, List<FactEvent> ordered, java.util.function.Predicate<FactEvent> mustHold) {
        Fold fold = new Fold(dyad);
        List<FactEvent> kept = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (FactEvent e : ordered) {
            try {
                fold.apply(e);
                kept.add(e);
            } catch (Fold.Violation v) {
                if (mustHold.test(e)) {
                    throw own(e, v);
                }
                skipped.add(new Skipped(e, v.getMessage(), v.rule()));
            }
        }
        return new Replay(List.copyOf(kept), fold.snapshot(), List.copyOf(skipped));
    }

    /**
     * The first fact the rules reject, skipping the stored facts that they rejected already (as
     * {@link DyadHistory#state()} does): a command does not break a fact that was broken before it.
     */
    private static Optional<Failure> firstFailure(Dyad dyad, List<FactEvent> ordered, Set<FactEvent> alreadyBroken) {
        Fold fold = new Fold(dyad);
        for (FactEvent e : ordered) {
            try {
                fold.apply(e);
            } catch (Fold.Violation v) {
                if (!alreadyBroken.contains(e)) {
                    return Optional.of(new Failure(e, v.getMessage(), v.rule()));
                }
            }
        }
        return Optional.empty();
    }

    /** The stored facts that today's rules reject (see {@link DyadHistory#skippedByRules()}). */
    private static Set<FactEvent> alreadyBroken(DyadHistory history) {
        if (history.skippedByRules() == 0) {
            return Set.of();
        }
        Set<FactEvent> broken = new HashSet<>();
        Fold fold = new Fold(history.dyad());
        for (FactEvent e : history.facts()) {
            try {
                fold.apply(e);
            } catch (Fold.Violation v) {
                broken.add(e);
            }
        }
        return broken;
    }

    private static void check(DyadHistory history, List<FactEvent> candidate, FactEvent subject, String what) {
        Dyad dyad = history.dyad();
        Optional<Failure> failure = firstFailure(dyad, candidate, alreadyBroken(history));
        if (failure.isEmpty()) {
            return;
        }
        Failure f = failure.get();
        if (f.at() == subject) {
            throw own(subject, f.reason(), f.rule());
        }
        throw new RuleViolationException(f.rule(), dyad, subject.fact().happened().day(), subject.fact().id(), f.reason(),
                f.at().fact().id(), dyad + " " + subject.fact().happened() + " " + subject.fact().id() + " ("
                + subject.kind().label() + "): " + what + " would break later fact " + describe(f.at()) + ": " + f.reason());
    }

    private static RuleViolationException own(FactEvent event, Fold.Violation v) {
        return own(event, v.getMessage(), v.rule());
    }

    private static RuleViolationException own(FactEvent event, String reason, Rule rule) {
        return new RuleViolationException(rule, event.dyad(), event.fact().happened().day(), event.fact().id(), reason, null,
                event.dyad() + " " + event.fact().happened() + " " + event.fact().id() + " (" + event.kind().label() + "): " + reason);
    }

    private static String describe(FactEvent e) {
        return e.fact().id() + " (" + e.fact().happened() + ", " + e.kind().label() + ")";
    }

    private static FactConflictException conflict(Entry existing, FactEvent proposed, Dyad dyad) {
        return FactConflictException.between(existing.fact(), proposed, dyad + (existing.retracted() ? " (retracted)" : ""));
    }

    private static void requireDyad(FactEvent event, DyadHistory history) {
        if (!event.dyad().equals(history.dyad())) {
            throw new IllegalArgumentException("fact " + event.fact().id() + " is about " + event.dyad()
                    + ", but the history is " + history.dyad());
        }
    }
}
