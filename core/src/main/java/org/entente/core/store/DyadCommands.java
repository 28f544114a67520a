package org.entente.core.store;

import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.entente.core.Dyad;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.RelationshipEvent;

/**
 * The Axon command that carries domain commands to one dyad's aggregate: the domain records carry no
 * Axon annotations, so this envelope names the target. Internal to the store.
 *
 * @param dyadId     the dyad's id, for example {@code "NER-USA"}
 * @param commands   the commands, decided in order, all or nothing
 * @param idsClaimed whether the batch claimed the new fact ids already (in the same transaction)
 * @param create     whether the dyad is new: it is created without reading the store (a concurrent
 *                   creation then fails on the append, as a concurrent write)
 * @param decided    what a batch's plan already decided for these commands, or {@code null}: the
 *                   aggregate then applies those events without deciding again, provided its last
 *                   sequence is still the one the plan saw
 * @param source     reads the dyad's stored history when a decision needs more than the aggregate
 *                   keeps (a snapshot's summary), or {@code null}: the aggregate then holds the whole
 *                   history (read from its events, as Axon's test fixture does) and keeps it
 */
record DyadCommands(@TargetAggregateIdentifier String dyadId, List<RelationshipCommand> commands, boolean idsClaimed,
                    boolean create, Decided decided, HistoryLoader.Source source) {

    DyadCommands {
        Objects.requireNonNull(dyadId, "dyadId");
        commands = List.copyOf(commands);
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("no command for " + dyadId);
        }
    }

    /** Commands to decide in the aggregate (single commands, and batches without a plan), with no source. */
    DyadCommands(String dyadId, List<RelationshipCommand> commands, boolean idsClaimed, boolean create) {
        this(dyadId, commands, idsClaimed, create, null, null);
    }

    /** Commands with a plan's decision, with no source. */
    DyadCommands(String dyadId, List<RelationshipCommand> commands, boolean idsClaimed, boolean create, Decided decided) {
        this(dyadId, commands, idsClaimed, create, decided, null);
    }

    /**
     * A batch plan's decision for one piece of a dyad's commands (all of them, or {@code chunkSize} of them
     * when the dyad has more): the events, and the history they lead to (a summary).
     * Valid only on top of the history the plan read, whose last sequence is {@code baseSequence}
     * (-1 for a dyad without events); the history {@code after} is handed over to the aggregate, so
     * nothing else may hold it.
     *
     * @param baseSequence the sequence number of the dyad's last event when the plan read it
     * @param events       the events the plan decided, in order
     * @param after        the plan's working history with those events applied
     */
    record Decided(long baseSequence, List<RelationshipEvent> events, DyadHistory after) {
        Decided {
            events = List.copyOf(events);
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * What the aggregate did.
     *
     * @param dyad     the dyad the commands were for
     * @param sequence the sequence number of the dyad's last event after the command, -1 when it has none
     * @param events   how many events were recorded (0 when everything was recorded already)
     */
    record Outcome(Dyad dyad, long sequence, int events) {
    }
}
