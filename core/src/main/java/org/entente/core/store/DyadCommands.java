package org.entente.core.store;

import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.entente.core.Dyad;
import org.entente.core.relationship.RelationshipCommand;

/**
 * The Axon command that carries domain commands to one dyad's aggregate: the domain records carry no
 * Axon annotations, so this envelope names the target. Internal to the store.
 *
 * @param dyadId     the dyad's id, for example {@code "NER-USA"}
 * @param commands   the commands, decided in order, all or nothing
 * @param idsClaimed whether the batch claimed the new fact ids already (in the same transaction)
 * @param create     whether the dyad is new: it is created without reading the store (a concurrent
 *                   creation then fails on the append, as a concurrent write)
 */
record DyadCommands(@TargetAggregateIdentifier String dyadId, List<RelationshipCommand> commands, boolean idsClaimed,
                    boolean create) {

    DyadCommands {
        Objects.requireNonNull(dyadId, "dyadId");
        commands = List.copyOf(commands);
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("no command for " + dyadId);
        }
    }

    /**
     * What the aggregate did.
     *
     * @param dyad     the dyad
     * @param sequence the sequence number of the dyad's last event after the command, -1 when it has none
     * @param events   how many events were recorded (0 when everything was recorded already)
     */
    record Outcome(Dyad dyad, long sequence, int events) {
    }
}
