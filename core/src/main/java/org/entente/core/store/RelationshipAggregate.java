package org.entente.core.store;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.Decider;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipEvent;

/**
 * The Axon shell around one dyad's history: it hands the commands and the ordered history to the pure
 * {@link Decider}, claims the new fact ids, and applies the events. Between commands it keeps only what
 * an append needs (a {@link DyadHistory#partial partial} history: the state after the last fact, the
 * last fact, the counts), and so do its snapshots (revision 2); a decision that needs more reads the
 * dyad's events through the command's {@link HistoryLoader.Source}. Read from its events alone (no
 * snapshot, as in Axon's test fixture), it holds the whole history until a command with a source
 * compacts it. Public only because Axon instantiates it; not part of Entente's API.
 */
public class RelationshipAggregate {

    @AggregateIdentifier
    private String dyadId;
    private DyadHistory history;
    private long lastSequence = -1;
    /** While adopting a plan's history: the events applied are in it already, so they are not applied again. */
    private transient boolean adopting;

    /** For Axon and for snapshots. */
    protected RelationshipAggregate() {
    }

    /**
     * Decides the commands against the history; see {@link DyadCommands}.
     *
     * @param command the commands of this dyad, with what a batch's plan already decided for them
     * @param registry the store's table of fact ids, checked and written with the events
     * @return the dyad, its last sequence number after the command and how many events were recorded
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public DyadCommands.Outcome handle(DyadCommands command, FactIdRegistry registry) {
        return decideAndApply(command, registry);
    }

    /**
     * {@return a dyad the batch knows is new: created without reading the store}
     *
     * @param command the commands of a dyad that no event names yet
     * @param registry the store's table of fact ids, checked and written with the events
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public DyadCommands.Outcome create(NewDyad command, FactIdRegistry registry) {
        return decideAndApply(command.commands(), registry);
    }

    private DyadCommands.Outcome decideAndApply(DyadCommands command, FactIdRegistry registry) {
        Dyad dyad = Dyad.parse(command.dyadId());
        DyadCommands.Decided decided = command.decided();
        if (decided != null && decided.baseSequence() == lastSequence) {
            // Nothing was written to this dyad since the batch's plan decided these commands on the same
            // history: its events and resulting history stand, and deciding again would only repeat the work.
            adopting = true;
            try {
                for (RelationshipEvent e : decided.events()) {
                    apply(e);
                }
            } finally {
                adopting = false;
            }
            history = decided.after(); // on() set dyadId and lastSequence as the events were applied
            return new DyadCommands.Outcome(dyad, lastSequence, decided.events().size());
        }
        DyadHistory current = history == null ? DyadHistory.empty(dyad) : history;
        HistoryLoader.Source source = command.source();
        if (current.isPartial() && source != null) {
            long base = lastSequence;
            current = current.copy();
            // Ids the fact-id table lacks (or gives to another dyad) are in none of this dyad's events: a fact
            // under such an id, sorting after the last fact, is decided on the summary alone. Ids a batch
            // claimed in this transaction are in the table already, so they tell nothing: none is trusted.
            current.attach(() -> source.storedUpTo(dyad, base),
                    command.idsClaimed() ? Set.of() : absentIds(command.commands(), dyad, registry));
        }
        List<RelationshipEvent> events = Decider.decideAll(command.commands(), current);
        List<FactId> newIds = new ArrayList<>();
        for (RelationshipEvent e : events) {
            if (e instanceof FactEvent f) {
                newIds.add(f.fact().id());
            }
        }
        if (!command.idsClaimed()) {
            registry.claim(dyad, newIds);
        }
        history = current;
        for (RelationshipEvent e : events) {
            apply(e);
        }
        if (source != null) {
            // Keep what the next append needs, not the facts: a cached dyad costs the same whatever its length.
            history = history.compacted();
        }
        return new DyadCommands.Outcome(dyad, lastSequence, events.size());
    }

    /** The commands' new fact ids that the fact-id table does not give to this dyad (one indexed lookup). */
    private static Set<FactId> absentIds(List<RelationshipCommand> commands, Dyad dyad, FactIdRegistry registry) {
        List<FactId> ids = new ArrayList<>();
        for (RelationshipCommand c : commands) {
            if (c instanceof FactCommand f) {
                ids.add(f.fact().id());
            }
        }
        if (ids.isEmpty()) {
            return Set.of();
        }
        Map<FactId, Dyad> owners = registry.dyadsOf(ids);
        Set<FactId> absent = new HashSet<>();
        for (FactId id : ids) {
            if (!dyad.equals(owners.get(id))) {
                absent.add(id);
            }
        }
        return absent;
    }

    @EventSourcingHandler
    void on(RelationshipEvent event, @SequenceNumber long sequence) {
        lastSequence = sequence;
        if (adopting) {
            dyadId = event.dyad().id();
            return;
        }
        if (dyadId == null) {
            dyadId = event.dyad().id();
        }
        if (history == null) {
            history = DyadHistory.empty(event.dyad());
        }
        Decider.evolve(history, event);
    }

    /** A copy of the history (partial or whole, see {@link DyadHistory#isPartial()}), for readers outside the aggregate. */
    DyadHistory historyCopy() {
        return history == null ? null : history.copy();
    }

    /** The dyad's id, null before its first event. */
    String dyadId() {
        return dyadId;
    }

    /** The history as it stands, for the snapshot serializer; null before the first event. */
    DyadHistory history() {
        return history;
    }

    /**
     * An aggregate read back from a snapshot.
     *
     * @param dyadId the dyad's id
     * @param lastSequence the sequence number of the last event the snapshot includes
     * @param history the history it held (partial for revision 2)
     */
    static RelationshipAggregate restored(String dyadId, long lastSequence, DyadHistory history) {
        RelationshipAggregate a = new RelationshipAggregate();
        a.dyadId = dyadId;
        a.lastSequence = lastSequence;
        a.history = history;
        return a;
    }

    /** Applies a stored event, as Axon does when reading the aggregate (used by the snapshotter). */
    void replay(RelationshipEvent event, long sequence) {
        on(event, sequence);
    }

    long lastSequence() {
        return lastSequence;
    }

    /**
     * The envelope for a dyad that a batch found new: Axon creates the aggregate without loading it.
     *
     * @param commands the dyad's commands
     */
    record NewDyad(@org.axonframework.modelling.command.TargetAggregateIdentifier String dyadId, DyadCommands commands) {
    }
}
