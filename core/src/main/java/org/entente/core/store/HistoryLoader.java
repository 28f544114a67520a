package org.entente.core.store;

import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.FactId;
import org.entente.core.relationship.Decider;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.RelationshipEvent;

/**
 * Reads a dyad's history two ways: whole, from its events (never from a snapshot, which holds only a
 * summary); or as the aggregate keeps it, through Axon's repository (its cache and snapshots), partial
 * with its events attached for when a decision needs them.
 */
final class HistoryLoader {

    /** A copy of a dyad's history and the sequence number of its last event. */
    record LoadedHistory(DyadHistory history, long lastSequence) {
    }

    /** Reads a dyad's whole history from its events; what a {@link DyadCommands} carries to its aggregate. */
    @FunctionalInterface
    interface Source {
        /**
         * {@return the dyad's whole history, from its events numbered up to {@code sequence}}
         *
         * @param dyad the dyad
         * @param sequence the last event to include
         */
        DyadHistory storedUpTo(Dyad dyad, long sequence);
    }

    private final EventStore eventStore;
    private final Repository<RelationshipAggregate> repository;
    /** The aggregate cache, or null when the store keeps none. */
    private final Cache cache;
    private final StoreDatabase database;

    HistoryLoader(EventStore eventStore, Repository<RelationshipAggregate> repository, Cache cache, StoreDatabase database) {
        this.eventStore = eventStore;
        this.repository = repository;
        this.cache = cache;
        this.database = database;
    }

    /** The reader of stored histories that commands carry. */
    Source source() {
        return (dyad, sequence) -> read(eventStore, dyad, sequence);
    }

    /** The dyad's whole history and its last sequence number, read from its events; empty when it has none. */
    Optional<LoadedHistory> load(Dyad dyad) {
        try {
            DyadHistory h = DyadHistory.empty(dyad);
            long last = -1;
            DomainEventStream events = eventStore.readEvents(dyad.id(), 0);
            while (events.hasNext()) {
                DomainEventMessage<?> m = events.next();
                Decider.evolve(h, (RelationshipEvent) m.getPayload());
                last = m.getSequenceNumber();
            }
            return last < 0 ? Optional.empty() : Optional.of(new LoadedHistory(h, last));
        } catch (RuntimeException e) {
            RuntimeException storage = database.storeFailure(e);
            throw storage != e ? storage : ententeCause(e);
        }
    }

    /**
     * The dyad's whole history from its events numbered up to {@code sequence} (later ones, written since by
     * another writer, are left out).
     */
    static DyadHistory read(EventStore eventStore, Dyad dyad, long sequence) {
        DyadHistory h = DyadHistory.empty(dyad);
        DomainEventStream events = eventStore.readEvents(dyad.id(), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> m = events.next();
            if (m.getSequenceNumber() > sequence) {
                break;
            }
            Decider.evolve(h, (RelationshipEvent) m.getPayload());
        }
        return h;
    }

    /**
     * A copy of the history the dyad's aggregate keeps (usually partial: what appends need) and its last
     * sequence number, or empty when nothing is recorded for it. A partial copy reads the events up to that
     * sequence when a decision needs them; fact ids in {@code absent} are known to be in none of them.
     */
    Optional<LoadedHistory> loadForDeciding(Dyad dyad, Set<FactId> absent) {
        Optional<Long> last = eventStore.lastSequenceNumberFor(dyad.id());
        if (last.isEmpty()) {
            return Optional.empty();
        }
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("read history of " + dyad));
        try {
            RelationshipAggregate loaded = repository.load(dyad.id()).invoke(a -> a);
            if (loaded.lastSequence() != last.get() && cache != null) {
                // Another instance wrote since this one cached the dyad: drop the stale copy and read again.
                // (Committing re-caches the loaded copy, so evict after the commit.)
                uow.commit();
                cache.remove(dyad.id());
                uow = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("read history of " + dyad));
                loaded = repository.load(dyad.id()).invoke(a -> a);
            }
            DyadHistory h = loaded.historyCopy();
            long sequence = loaded.lastSequence();
            uow.commit();
            if (h == null) {
                return Optional.empty();
            }
            h.attach(() -> read(eventStore, dyad, sequence), absent);
            return Optional.of(new LoadedHistory(h, sequence));
        } catch (AggregateNotFoundException e) {
            uow.rollback();
            return Optional.empty();
        } catch (RuntimeException e) {
            if (uow.isActive()) {
                uow.rollback(e);
            }
            RuntimeException storage = database.storeFailure(e);
            throw storage != e ? storage : ententeCause(e);
        }
    }

    /** Entente's own exception inside Axon's wrappers, if there is one: it says what is wrong. */
    private static RuntimeException ententeCause(RuntimeException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof EntenteException entente) {
                return entente;
            }
        }
        return e;
    }
}
