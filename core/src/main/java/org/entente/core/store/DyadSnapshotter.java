package org.entente.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.relationship.RelationshipEvent;

/**
 * Takes a dyad's snapshot (revision {@link EventTypeRegistry#SNAPSHOT_REVISION}): its summary, read from
 * the last snapshot and the events after it. Axon's own snapshotter could not: when one of those events
 * is not an append (a retroactive fact, a correction, a retraction), the summary after it needs the
 * dyad's facts, which this one reads from the events. It also deletes the dyad's snapshots of an older
 * revision, which the store passes over when reading.
 *
 * <p>Axon's trigger schedules a snapshot after a command commits ({@link #scheduleSnapshot}); the store's
 * maintenance call takes one now ({@link #snapshotNow}) with the same reading and the same message, so
 * both write the same row.
 */
final class DyadSnapshotter extends AbstractSnapshotter {

    private final ConnectionProvider connections;
    private final TransactionManager transactions;

    private DyadSnapshotter(Builder builder, ConnectionProvider connections, TransactionManager transactions) {
        super(builder);
        this.connections = connections;
        this.transactions = transactions;
    }

    /**
     * A snapshotter for the store's event store, writing in the store's transactions.
     *
     * @param eventStore the event store the snapshots are read from and written to
     * @param transactions the transaction manager each snapshot is taken in
     * @param connections the store's connections, for deleting snapshots of older revisions
     */
    static DyadSnapshotter of(EventStore eventStore, TransactionManager transactions, ConnectionProvider connections) {
        Builder builder = new Builder();
        builder.eventStore(eventStore).transactionManager(transactions);
        return new DyadSnapshotter(builder, connections, transactions);
    }

    private static final class Builder extends AbstractSnapshotter.Builder {
    }

    /**
     * Takes the dyad's snapshot now, in the calling thread, in one transaction (the calling thread's, if it
     * has one): what Axon's own task does when a trigger schedules one, but its failures reach the caller
     * (Axon's task only logs them) and the caller learns whether a snapshot was stored. As in Axon's task,
     * none is stored when it would not be past the start of what the dyad is read from: a dyad without
     * events, a dyad of one event, or one whose last snapshot is at its last event.
     *
     * @param dyad the dyad
     * @return whether a snapshot was stored
     */
    boolean snapshotNow(Dyad dyad) {
        String id = dyad.id();
        return transactions.fetchInTransaction(() -> {
            DomainEventStream events = getEventStore().readEvents(id);
            if (!events.hasNext()) {
                return false;
            }
            long first = events.peek().getSequenceNumber();
            DomainEventMessage<?> snapshot = createSnapshot(RelationshipAggregate.class, id, events);
            if (snapshot == null || snapshot.getSequenceNumber() <= first) {
                return false;
            }
            getEventStore().storeSnapshot(snapshot);
            return true;
        });
    }

    @Override
    protected DomainEventMessage<?> createSnapshot(Class<?> aggregateType, String aggregateIdentifier, DomainEventStream eventStream) {
        Dyad dyad = Dyad.parse(aggregateIdentifier);
        RelationshipAggregate aggregate = null;
        while (eventStream.hasNext()) {
            DomainEventMessage<?> m = eventStream.next();
            Object payload = m.getPayload();
            if (payload instanceof RelationshipAggregate snapshot) {
                aggregate = snapshot;
                long sequence = m.getSequenceNumber();
                if (aggregate.history() != null) {
                    aggregate.history().attach(() -> HistoryLoader.read(getEventStore(), dyad, sequence), Set.of());
                }
            } else {
                if (aggregate == null) {
                    aggregate = new RelationshipAggregate();
                }
                aggregate.replay((RelationshipEvent) payload, m.getSequenceNumber());
            }
        }
        if (aggregate == null || aggregate.history() == null) {
            return null;
        }
        deleteOlderRevisions(aggregateIdentifier);
        return new GenericDomainEventMessage<>(aggregateType.getSimpleName(), aggregateIdentifier, aggregate.lastSequence(),
                RelationshipAggregate.restored(aggregate.dyadId(), aggregate.lastSequence(), aggregate.history().compacted()));
    }

    /** Deletes the dyad's snapshots of other revisions (they are never read, and one may hold the new one's place). */
    private void deleteOlderRevisions(String aggregateIdentifier) {
        try (Connection c = connections.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM SnapshotEventEntry WHERE aggregateIdentifier = ?"
                     + " AND payloadType = ? AND payloadRevision <> ?")) {
            ps.setString(1, aggregateIdentifier);
            ps.setString(2, EventTypeRegistry.SNAPSHOT_NAME);
            ps.setString(3, EventTypeRegistry.SNAPSHOT_REVISION);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new EntenteException("could not delete the older snapshots of " + aggregateIdentifier + ": " + e.getMessage(), e);
        }
    }
}
