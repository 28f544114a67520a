package org.entente.core.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.RelationshipCommand;

/**
 * Sends planned commands through Axon's command gateway: one command in its own transaction, or a
 * chunk of a batch in one transaction capped in time, with Axon's failures turned into Entente's
 * (a full disk, a locked file, another writer on the same dyad).
 */
final class CommandWriter {

    private final JdbcTransactions transactions;
    private final FactIdRegistry registry;
    private final CommandGateway gateway;
    private final Duration transactionCap;
    private final StoreDatabase database;

    CommandWriter(JdbcTransactions transactions, FactIdRegistry registry, CommandGateway gateway, Duration transactionCap,
                  StoreDatabase database) {
        this.transactions = transactions;
        this.registry = registry;
        this.gateway = gateway;
        this.transactionCap = transactionCap;
        this.database = database;
    }

    /**
     * Writes one chunk of a batch in one transaction, rolled back when it runs longer than the
     * transaction cap.
     *
     * @throws TransactionCapExceededException when the chunk ran longer than the cap (nothing of it is kept)
     */
    List<Recorded> writeChunk(List<DyadCommands> chunk) {
        long start = System.nanoTime();
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("record a batch chunk"));
        List<Recorded> recorded = new ArrayList<>();
        try {
            // One transaction for the whole chunk: the commands' nested units of work join it.
            uow.attachTransaction(transactions);
            // The chunk's new fact ids are claimed together, in the same transaction (the dyads skip it).
            Map<Dyad, List<FactId>> claims = new LinkedHashMap<>();
            for (DyadCommands command : chunk) {
                Dyad dyad = Dyad.parse(command.dyadId());
                for (RelationshipCommand c : command.commands()) {
                    if (c instanceof FactCommand f) {
                        claims.computeIfAbsent(dyad, k -> new ArrayList<>()).add(f.fact().id());
                    }
                }
            }
            registry.claimAll(claims);
            for (DyadCommands command : chunk) {
                DyadCommands.Outcome o = gateway.sendAndWait(command.create()
                        ? new RelationshipAggregate.NewDyad(command.dyadId(), command) : command);
                recorded.add(new Recorded(o.dyad(), o.sequence(), o.events()));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (took.compareTo(transactionCap) > 0) {
                throw new TransactionCapExceededException(chunk.size(), took, transactionCap);
            }
            uow.commit();
            return recorded;
        } catch (RuntimeException e) {
            if (uow.isActive()) {
                uow.rollback(e);
            }
            throw translate(e, Dyad.parse(chunk.get(0).dyadId()));
        }
    }

    /** Sends one dyad's commands in a transaction of their own. */
    Recorded send(DyadCommands command) {
        try {
            DyadCommands.Outcome o = gateway.sendAndWait(command);
            return new Recorded(o.dyad(), o.sequence(), o.events());
        } catch (RuntimeException e) {
            throw translate(e, Dyad.parse(command.dyadId()));
        }
    }

    private RuntimeException translate(RuntimeException e, Dyad dyad) {
        // A failed write to a new dyad reads "Cannot reuse aggregate identifier" in Axon's words whatever the
        // cause (a full disk too): the storage failure is looked for first.
        RuntimeException storage = database.storeFailure(e);
        if (storage != e) {
            return storage;
        }
        if (e instanceof ConcurrencyException || e instanceof AggregateStreamCreationException
                || (e instanceof EventStoreException && DuplicateKeys.isDuplicateKey(e))) {
            return new ConcurrentWriteException(dyad, e);
        }
        return e;
    }
}
