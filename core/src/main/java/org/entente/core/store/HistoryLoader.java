package org.entente.core.store;

import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.relationship.DyadHistory;

/**
 * Reads a dyad's history as the rules see it now, through Axon's repository (and so its aggregate
 * cache and snapshots), dropping a cached copy that another instance has made stale.
 */
final class HistoryLoader {

    /** A copy of a dyad's history and the sequence number of its last event. */
    record LoadedHistory(DyadHistory history, long lastSequence) {
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

    /** A copy of the dyad's history and its last sequence number, or empty when nothing is recorded for it. */
    Optional<LoadedHistory> load(Dyad dyad) {
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
            return h == null ? Optional.empty() : Optional.of(new LoadedHistory(h, sequence));
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
