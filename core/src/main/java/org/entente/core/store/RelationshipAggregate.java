package org.entente.core.store;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
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
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipEvent;

/**
 * The Axon shell around one dyad's history: it hands the commands and the ordered history to the pure
 * {@link Decider}, claims the new fact ids, and applies the events. Snapshots hold the whole history.
 * Public only because Axon instantiates it; not part of Entente's API.
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
        for (RelationshipEvent e : events) {
            apply(e);
        }
        return new DyadCommands.Outcome(dyad, lastSequence, events.size());
    }

    @EventSourcingHandler
    void on(RelationshipEvent event, @SequenceNumber long sequence) {
        lastSequence = sequence;
        if (adopting) {
            dyadId = event.dyad().id();
            return;
        }
        if (history == null) {
            dyadId = event.dyad().id();
            history = DyadHistory.empty(event.dyad());
        }
        Decider.evolve(history, event);
    }

    /** A copy of the history, for readers outside the aggregate. */
    DyadHistory historyCopy() {
        return history == null ? null : history.copy();
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
